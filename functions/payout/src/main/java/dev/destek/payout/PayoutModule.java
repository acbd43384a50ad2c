package dev.destek.payout;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsAdapters;
import dev.destek.http.HttpApi;
import dev.destek.rules.Rules;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class PayoutModule {
    private PayoutModule() { }

    @Provides @Singleton
    static HttpApi api(@Named("env") Map<String, String> env) {
        return PayoutRoutes.api(Rules.load(AwsAdapters.rulesEnvironment(env)));
    }
}
