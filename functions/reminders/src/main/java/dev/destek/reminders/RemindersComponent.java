package dev.destek.reminders;

import dagger.BindsInstance;
import dagger.Component;
import dev.destek.reminder.ReminderService;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

/** The reminders function's object graph. */
@Singleton
@Component(modules = RemindersModule.class)
interface RemindersComponent {
    ReminderService service();

    @Component.Factory
    interface Factory {
        /** {@code env} is the function's environment: {@code System.getenv()} deployed, explicit locally. */
        RemindersComponent create(@BindsInstance @Named("env") Map<String, String> env);
    }
}
