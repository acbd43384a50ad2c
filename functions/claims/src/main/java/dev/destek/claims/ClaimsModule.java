package dev.destek.claims;

import dagger.Module;
import dagger.Provides;
import dev.destek.application.ApplicationService;
import dev.destek.aws.AwsAdapters;
import dev.destek.claim.ClaimService;
import dev.destek.claim.PreApprovalService;
import dev.destek.http.HttpApi;
import dev.destek.lambda.InBackground;
import dev.destek.reminder.ReminderSettings;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class ClaimsModule {
    /** Reviewers open a document right after loading the claim; a link that outlives the page is a leak. */
    private static final Duration DOCUMENT_LINK_TTL = Duration.ofMinutes(5);

    private ClaimsModule() { }

    @Provides @Singleton
    static AwsAdapters aws(@Named("env") Map<String, String> env) {
        return AwsAdapters.fromEnv(env);
    }

    @Provides @Singleton
    static Supplier<Rules> rules(@Named("env") Map<String, String> env) {
        return InBackground.start("rules", () -> Rules.load(AwsAdapters.rulesEnvironment(env)));
    }

    @Provides @Singleton
    static ClaimService claims(AwsAdapters aws, Supplier<Rules> rules) {
        Clock clock = Clock.systemUTC();
        Supplier<String> ids = () -> UUID.randomUUID().toString();
        // the checklist judged at submission is the upload function's; this function never signs uploads
        ApplicationService applications = new ApplicationService(aws.applications(), spec -> {
            throw new UnsupportedOperationException("the claims function issues no upload URLs");
        }, rules, clock, ids, aws.settings().uploadUrlTtl(), aws.reminders(), ReminderSettings.DEFAULTS);
        return new ClaimService(aws.claims(), aws.preApprovals(), aws.applications(), applications, rules,
                aws.rateBook(), aws.debtLedger(), aws.paymentOrders(PaymentOrderPdf::render), aws.documentLinks(),
                clock, ids, DOCUMENT_LINK_TTL);
    }

    @Provides @Singleton
    static PreApprovalService preApprovals(AwsAdapters aws) {
        return new PreApprovalService(aws.preApprovals(), aws.applications(), Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    @Provides @Singleton
    static HttpApi api(ClaimService claims, PreApprovalService preApprovals) {
        return ClaimRoutes.api(claims, preApprovals);
    }
}
