package dev.destek.reminders;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.InBackground;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.observability.JsonLog;
import dev.destek.reminder.Notifier;
import dev.destek.reminder.ReminderService;
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
        return reminder -> LOG.info("reminder", Map.of("applicationId", reminder.applicationId(),
                "ruleId", reminder.ruleId(), "deadline", reminder.deadline()));
    }

    @Provides @Singleton
    static ReminderService service(@Named("env") Map<String, String> env, Notifier notifier) {
        AwsSettings settings = AwsSettings.fromEnv(env);
        return new ReminderService(new DynamoReminderStore(InBackground.start("dynamodb",
                () -> AwsClients.dynamoDb(settings, AwsClients.credentials(env))), settings.tableName()), notifier);
    }
}
