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
    static AwsAdapters aws(@Named("env") Map<String, String> env) {
        return AwsAdapters.fromEnv(env);
    }

    /**
     * SES from {@code SENDER_ADDRESS} (the template always sets it; the local runner points it at its outbox).
     * Without one, reminders are in-app only and each is logged.
     */
    @Provides @Singleton
    static Notifier notifier(@Named("env") Map<String, String> env, AwsAdapters aws) {
        String sender = env.get(AwsAdapters.SENDER_ADDRESS);
        if (sender != null && !sender.isBlank()) {
            return aws.reminderEmails();
        }
        LOG.warn("no SENDER_ADDRESS: reminders are in-app only", Map.of());
        return message -> LOG.info("reminder", Map.of("reminderId", message.reminder().reminderId()));
    }

    @Provides @Singleton
    static ReminderService service(@Named("env") Map<String, String> env, AwsAdapters aws, Notifier notifier) {
        return new ReminderService(aws.reminders(), notifier, ReminderSettings.fromEnv(env));
    }
}
