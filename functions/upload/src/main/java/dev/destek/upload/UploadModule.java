package dev.destek.upload;

import dagger.Module;
import dagger.Provides;
import dev.destek.application.ApplicationService;
import dev.destek.aws.AwsAdapters;
import dev.destek.http.HttpApi;
import dev.destek.intake.IntakeErrorService;
import dev.destek.lambda.InBackground;
import dev.destek.reminder.NotificationService;
import dev.destek.reminder.ReminderSettings;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class UploadModule {
    private UploadModule() { }

    /** One set of adapters, so applications and reminders share one DynamoDB client. */
    @Provides @Singleton
    static AwsAdapters aws(@Named("env") Map<String, String> env) {
        return AwsAdapters.fromEnv(env);
    }

    @Provides @Singleton
    static ApplicationService applications(@Named("env") Map<String, String> env, AwsAdapters aws) {
        return new ApplicationService(aws.applications(), aws.uploadSigner(),
                InBackground.start("rules", () -> Rules.load(AwsAdapters.rulesEnvironment(env))), Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), aws.settings().uploadUrlTtl(), aws.reminders(),
                ReminderSettings.fromEnv(env));
    }

    @Provides @Singleton
    static IntakeErrorService intakeErrors(AwsAdapters aws) {
        return new IntakeErrorService(aws.intakeErrors());
    }

    @Provides @Singleton
    static NotificationService notifications(AwsAdapters aws) {
        return new NotificationService(aws.reminders());
    }

    @Provides @Singleton
    static HttpApi api(ApplicationService applications, IntakeErrorService intakeErrors,
                       NotificationService notifications) {
        return ApplicationRoutes.api(applications, intakeErrors, notifications, Clock.systemUTC());
    }
}
