package dev.destek.validation;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.document.DocumentValidationService;
import dev.destek.intake.InboxIntakeService;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The validation function's object graph. */
@Singleton
@Component(modules = ValidationModule.class)
interface ValidationComponent {
    DocumentValidationService service();

    InboxIntakeService intake();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        ValidationComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
