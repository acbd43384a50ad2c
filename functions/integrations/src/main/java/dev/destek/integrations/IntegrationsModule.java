package dev.destek.integrations;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsAdapters;
import dev.destek.integration.IntegrationIngestionService;
import dev.destek.integration.RateColumn;
import java.time.Clock;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class IntegrationsModule {
    private IntegrationsModule() { }

    /** The rate column is read here, at init, so a wrong {@value RateColumn#ENV} fails the deployment. */
    @Provides @Singleton
    static IntegrationIngestionService service(@Named("env") Map<String, String> env) {
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        return new IntegrationIngestionService(aws.integrationFiles(), aws.ingestionStore(),
                RateColumn.parse(env.get(RateColumn.ENV)), Clock.systemUTC());
    }
}
