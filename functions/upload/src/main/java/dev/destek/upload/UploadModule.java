package dev.destek.upload;

import dagger.Module;
import dagger.Provides;
import dev.destek.application.ApplicationService;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.InBackground;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.s3.S3UploadSigner;
import dev.destek.http.HttpApi;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

@Module
final class UploadModule {
    private UploadModule() { }

    @Provides @Singleton
    static ApplicationService applications(@Named("env") Map<String, String> env) {
        AwsSettings settings = AwsSettings.fromEnv(env);
        AwsCredentialsProvider credentials = AwsClients.credentials(env);
        return new ApplicationService(
                new DynamoApplicationRepository(InBackground.start("dynamodb",
                        () -> AwsClients.dynamoDb(settings, credentials)), settings.tableName()),
                new S3UploadSigner(InBackground.start("s3-presigner",
                        () -> AwsClients.s3Presigner(settings, credentials)), settings.bucketName()),
                Rules.load(env), Clock.systemUTC(), () -> UUID.randomUUID().toString(), settings.uploadUrlTtl());
    }

    @Provides @Singleton
    static HttpApi api(ApplicationService applications) {
        return ApplicationRoutes.api(applications);
    }
}
