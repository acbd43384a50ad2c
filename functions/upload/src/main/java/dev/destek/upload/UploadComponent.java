package dev.destek.upload;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.http.HttpApi;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The upload function's object graph. */
@Singleton
@Component(modules = UploadModule.class)
interface UploadComponent {
    HttpApi api();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        UploadComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
