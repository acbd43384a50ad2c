package dev.destek.reminders;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsAdapters;
import dev.destek.observability.JsonLog;
import dev.destek.reminder.Notifier;
import dev.destek.reminder.ReminderService;
import dev.destek.reminder.ReminderSettings;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class RemindersModule {
    private static final JsonLog LOG = JsonLog.of(RemindersModule.class);

    private RemindersModule() { }

    @Provides @Singleton
    static Notifier notifier() {
        // e-mail delivery (SES) arrives with the reminders issue; until then a reminder is a log event
        return message -> LOG.info("reminder", Map.of("reminderId", message.reminder().reminderId()));
    }

    @Provides @Singleton
    static ReminderService service(@Named("env") Map<String, String> env, Notifier notifier) {
        return new ReminderService(AwsAdapters.fromEnv(env).reminders(), notifier, ReminderSettings.fromEnv(env));
    }
}
