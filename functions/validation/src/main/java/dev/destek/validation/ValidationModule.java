package dev.destek.validation;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.InBackground;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.s3.S3DocumentStore;
import dev.destek.document.DocumentValidationService;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

@Module
final class ValidationModule {
    private ValidationModule() { }

    @Provides @Singleton
    static DocumentValidationService service(@Named("env") Map<String, String> env) {
        AwsSettings settings = AwsSettings.fromEnv(env);
        AwsCredentialsProvider credentials = AwsClients.credentials(env);
        return new DocumentValidationService(
                new DynamoApplicationRepository(InBackground.start("dynamodb",
                        () -> AwsClients.dynamoDb(settings, credentials)), settings.tableName()),
                new S3DocumentStore(InBackground.start("s3", () -> AwsClients.s3(settings, credentials)),
                        settings.bucketName()),
                Rules.load(env), new TikaTypeDetector(), Clock.systemUTC());
    }
}
