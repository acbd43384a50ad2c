package dev.destek.payout;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.http.HttpApi;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The payout function's object graph: the rules and nothing else. */
@Singleton
@Component(modules = PayoutModule.class)
interface PayoutComponent {
    HttpApi api();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        PayoutComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
