package dev.destek.validation;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsAdapters;
import dev.destek.document.DocumentValidationService;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class ValidationModule {
    private ValidationModule() { }

    @Provides @Singleton
    static DocumentValidationService service(@Named("env") Map<String, String> env) {
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        return new DocumentValidationService(aws.applications(), aws.documents(), Rules.load(env),
                new TikaTypeDetector(), Clock.systemUTC());
    }
}
