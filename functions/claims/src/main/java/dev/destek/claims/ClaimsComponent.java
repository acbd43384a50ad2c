package dev.destek.claims;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.http.HttpApi;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The claims function's object graph. */
@Singleton
@Component(modules = ClaimsModule.class)
interface ClaimsComponent {
    HttpApi api();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        ClaimsComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
