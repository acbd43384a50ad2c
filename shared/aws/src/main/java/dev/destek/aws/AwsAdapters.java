package dev.destek.aws;

import dev.destek.application.ApplicationRepository;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.dynamo.DynamoClaimRepository;
import dev.destek.aws.dynamo.DynamoPreApprovalRepository;
import dev.destek.aws.dynamo.DynamoDebtLedger;
import dev.destek.aws.dynamo.DynamoRateBook;
import dev.destek.aws.dynamo.DynamoDuplicateIndex;
import dev.destek.aws.dynamo.DynamoIntakeErrorLog;
import dev.destek.aws.dynamo.DynamoIngestionStore;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.aws.s3.S3DocumentLinks;
import dev.destek.aws.s3.S3DocumentStore;
import dev.destek.aws.s3.S3IntegrationFiles;
import dev.destek.aws.s3.S3PaymentOrderArchive;
import dev.destek.aws.s3.S3RulesConfig;
import dev.destek.aws.s3.S3UploadSigner;
import dev.destek.claim.ClaimRepository;
import dev.destek.claim.DocumentLinks;
import dev.destek.claim.PaymentOrder;
import dev.destek.claim.PaymentOrderArchive;
import dev.destek.claim.PreApprovalRepository;
import dev.destek.document.DocumentStore;
import dev.destek.document.DuplicateIndex;
import dev.destek.document.UploadSigner;
import dev.destek.intake.IntakeErrorLog;
import dev.destek.integration.IngestionStore;
import dev.destek.integration.IntegrationFiles;
import dev.destek.lambda.InBackground;
import dev.destek.aws.ses.SesReminderNotifier;
import dev.destek.reminder.Notifier;
import dev.destek.reminder.ReminderStore;
import java.nio.file.Path;
import java.net.URI;
import java.util.Optional;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The production adapters of the core ports, for a function's Dagger module: each one's SDK client starts
 * building on its own thread as soon as the adapter is asked for (see {@link InBackground}).
 */
public final class AwsAdapters {
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    public static final String SES_ENDPOINT = "DESTEK_SES_ENDPOINT";
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    /** One DynamoDB client for all the table's adapters of a function: each client costs cold-start time. */
    private InBackground<DynamoDbClient> dynamo;

    private final Map<String, String> env;

    private AwsAdapters(AwsSettings settings, AwsCredentialsProvider credentials, Map<String, String> env) {
        this.settings = settings;
        this.credentials = credentials;
        this.env = env;
    }

    /** From the function's environment: {@code System.getenv()} deployed, an explicit map locally. */
    public static AwsAdapters fromEnv(Map<String, String> env) {
        return new AwsAdapters(AwsSettings.fromEnv(env), AwsClients.credentials(env), Map.copyOf(env));
    }

    /**
     * Reminder e-mails through SES from {@code SENDER_ADDRESS}; {@code DESTEK_SES_ENDPOINT} points the client at the
     * local runner's stand-in. Needs sesv2 on the classpath (only the reminders function has it).
     */
    public Notifier reminderEmails() {
        String from = env.get(SENDER_ADDRESS);
        if (from == null || from.isBlank()) {
            throw new IllegalStateException(SENDER_ADDRESS + " is not set");
        }
        Optional<URI> endpoint = Optional.ofNullable(env.get(SES_ENDPOINT)).filter(v -> !v.isBlank()).map(URI::create);
        return new SesReminderNotifier(InBackground.start("ses", () -> AwsClients.ses(settings, credentials, endpoint)),
                from.trim());
    }

    /**
     * The environment for {@code Rules.load}: with the deployed override object ({@value S3RulesConfig#KEY_ENV})
     * fetched to a local file. Without that variable (local runs, tests) the environment is returned as is and no
     * AWS client is built.
     */
    public static Map<String, String> rulesEnvironment(Map<String, String> env) {
        String key = env.get(S3RulesConfig.KEY_ENV);
        if (key == null || key.isBlank()) {
            return env;
        }
        AwsAdapters aws = fromEnv(env);
        return S3RulesConfig.environment(env, () -> AwsClients.s3(aws.settings, aws.credentials),
                aws.settings.bucketName(), Path.of(System.getProperty("java.io.tmpdir"), "destek-rules"));
    }

    public AwsSettings settings() {
        return settings;
    }

    public ApplicationRepository applications() {
        return new DynamoApplicationRepository(dynamo(), settings.tableName());
    }

    public ReminderStore reminders() {
        return new DynamoReminderStore(dynamo(), settings.tableName());
    }

    /** Shares the table's client with {@link #applications()}: validation uses both. */
    public DuplicateIndex duplicates(Clock clock) {
        return new DynamoDuplicateIndex(dynamo(), settings.tableName(), clock);
    }

    /** The central bank's rates as ingested (read by payments, written by the integrations function). */
    public DynamoRateBook rateBook() {
        return new DynamoRateBook(dynamo(), settings.tableName());
    }

    /** Companies' tax and social-security debts as ingested (Art. 35). */
    public DynamoDebtLedger debtLedger() {
        return new DynamoDebtLedger(dynamo(), settings.tableName());
    }

    /** Refused inbox drops: written by validation, read by the upload function's admin route. */
    public IntakeErrorLog intakeErrors() {
        return new DynamoIntakeErrorLog(dynamo(), settings.tableName());
    }

    /** Ingestion records, with the rate and debt rows they stand for (the integrations function). */
    public IngestionStore ingestionStore() {
        return new DynamoIngestionStore(dynamo(), settings.tableName());
    }

    /** The files integrations drop, and the rejection reports next to them. */
    public IntegrationFiles integrationFiles() {
        return new S3IntegrationFiles(InBackground.start("s3", () -> AwsClients.s3(settings, credentials)),
                settings.bucketName());
    }

    /** Claims as an append-only event stream (issue 6). */
    public ClaimRepository claims() {
        return new DynamoClaimRepository(dynamo(), settings.tableName());
    }

    /** Pre-approval requests and decisions as append-only events. */
    public PreApprovalRepository preApprovals() {
        return new DynamoPreApprovalRepository(dynamo(), settings.tableName());
    }

    /** Short-lived read links to stored documents, for reviewers. */
    public DocumentLinks documentLinks() {
        return new S3DocumentLinks(InBackground.start("s3-presigner", () -> AwsClients.s3Presigner(settings,
                credentials)), settings.bucketName());
    }

    /** Payment orders (JSON and the PDF {@code pdf} renders) under {@code payment-orders/}. */
    public PaymentOrderArchive paymentOrders(Function<PaymentOrder, byte[]> pdf) {
        return new S3PaymentOrderArchive(InBackground.start("s3", () -> AwsClients.s3(settings, credentials)),
                settings.bucketName(), pdf);
    }

    private synchronized InBackground<DynamoDbClient> dynamo() {
        if (dynamo == null) {
            dynamo = InBackground.start("dynamodb", () -> AwsClients.dynamoDb(settings, credentials));
        }
        return dynamo;
    }

    public DocumentStore documents() {
        return new S3DocumentStore(InBackground.start("s3", () -> AwsClients.s3(settings, credentials)),
                settings.bucketName());
    }

    public UploadSigner uploadSigner() {
        return new S3UploadSigner(InBackground.start("s3-presigner", () -> AwsClients.s3Presigner(settings, credentials)),
                settings.bucketName());
    }
}
