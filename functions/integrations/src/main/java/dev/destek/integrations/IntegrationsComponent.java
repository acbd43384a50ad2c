package dev.destek.integrations;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.integration.IntegrationIngestionService;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The integrations function's object graph. */
@Singleton
@Component(modules = IntegrationsModule.class)
interface IntegrationsComponent {
    IntegrationIngestionService service();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        IntegrationsComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
