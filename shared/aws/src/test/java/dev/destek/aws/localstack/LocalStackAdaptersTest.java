package dev.destek.aws.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.dynamo.DestekTable;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.aws.s3.S3DocumentStore;
import dev.destek.aws.s3.S3UploadSigner;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import dev.destek.document.UploadSigner.PresignedUpload;
import dev.destek.document.UploadSigner.UploadSpec;
import dev.destek.reminder.DueReminder;
import dev.destek.rules.ChecklistEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The same adapters against LocalStack, closer to AWS than dynalite or S3Proxy where Docker exists (CI with a
 * Docker engine, developer laptops). Skipped, with the reason reported, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackAdaptersTest {
    private static final String TABLE = "destek";
    private static final String BUCKET = "destek-documents";

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(Service.DYNAMODB, Service.S3);

    private static DynamoDbClient dynamo;
    private static S3Client s3;
    private static S3Presigner presigner;

    @BeforeAll
    static void startClients() {
        String endpoint = LOCALSTACK.getEndpoint().toString();
        AwsSettings settings = AwsSettings.fromEnv(Map.of(
                AwsSettings.REGION, LOCALSTACK.getRegion(),
                AwsSettings.TABLE_NAME, TABLE,
                AwsSettings.BUCKET_NAME, BUCKET,
                AwsSettings.DYNAMODB_ENDPOINT, endpoint,
                AwsSettings.S3_ENDPOINT, endpoint));
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        dynamo = AwsClients.dynamoDb(settings, credentials);
        s3 = AwsClients.s3(settings, credentials);
        presigner = AwsClients.s3Presigner(settings, credentials);
        DestekTable.create(dynamo, TABLE);
        s3.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void closeClients() {
        presigner.close();
        s3.close();
        dynamo.close();
    }

    @Test
    void applicationRepository_createListAndValidateOnce_shouldBehaveAsOnDynalite() {
        // GIVEN
        var repository = new DynamoApplicationRepository(() -> dynamo, TABLE);
        Instant now = Instant.parse("2026-03-01T09:00:00Z");
        repository.create(new Application("app-1", "acme", "SUPPORT-7", ApplicationStatus.DRAFT,
                List.of(new ChecklistEntry("INVOICE", "Art. 9(1)", "Invoice", "Fatura", true)), "user-1", now));
        Document document = new Document("doc-1", "acme", "app-1", "INVOICE", "invoice.pdf", "application/pdf", 10,
                null, DocumentKeys.upload("acme", "app-1", "doc-1"), DocumentStatus.PENDING_UPLOAD, List.of(),
                null, null, now, now);
        repository.addDocument(document);
        Document accepted = document.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf", "v1",
                document.objectKey(), now);

        // WHEN
        boolean first = repository.recordValidation(accepted);
        boolean replay = repository.recordValidation(accepted);
        boolean ghost = repository.recordValidation(new Document("ghost", "acme", "app-1", null, null, null, 0,
                null, "k", DocumentStatus.ACCEPTED, List.of(), null, "v1", now, now));

        // THEN
        assertThat(repository.list("acme")).extracting(Application::id).containsExactly("app-1");
        assertThat(repository.list("globex")).isEmpty();
        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(ghost).isFalse();
        assertThat(repository.findDocument("acme", "app-1", "ghost")).isEmpty();
    }

    @Test
    void reminderStore_dueOnAndRecord_shouldRecordOnce() {
        // GIVEN
        var store = new DynamoReminderStore(() -> dynamo, TABLE);
        LocalDate day = LocalDate.parse("2026-04-10");
        DueReminder reminder = new DueReminder("acme", "app-1", "R1", "Art. 12", null, day.plusDays(7), day,
                "BEFORE_7", "file", "lost", null, null);
        store.replaceSchedule("acme", "app-1", java.util.List.of(reminder), Instant.now());
        var message = new dev.destek.reminder.OutboxMessage(reminder, "en", null, "s", "b");

        // WHEN / THEN
        assertThat(store.dueOn(day)).containsExactly(reminder);
        assertThat(store.record(message, Instant.now(), Instant.now().plusSeconds(60))).isTrue();
        assertThat(store.record(message, Instant.now(), Instant.now().plusSeconds(60))).isFalse();
    }

    @Test
    void presignedUpload_declaredFileThenForgery_shouldStoreOnlyTheDeclaredFile() throws Exception {
        // GIVEN
        byte[] file = "%PDF-1.7 declared\n".getBytes(StandardCharsets.US_ASCII);
        byte[] forged = "%PDF-1.7 forged!!\n".getBytes(StandardCharsets.US_ASCII);
        String key = DocumentKeys.upload("acme", "app-1", "doc-9");
        PresignedUpload upload = new S3UploadSigner(() -> presigner, BUCKET).presignPut(new UploadSpec(
                key, "application/pdf", file.length, sha256(file), Duration.ofMinutes(5)));

        // WHEN
        int forgedStatus = put(upload, forged);
        int declaredStatus = put(upload, file);

        // THEN
        assertThat(forgedStatus).isGreaterThanOrEqualTo(400);
        assertThat(declaredStatus).isEqualTo(200);
        var store = new S3DocumentStore(() -> s3, BUCKET);
        assertThat(store.head(key).orElseThrow().sizeBytes()).isEqualTo(file.length);
        assertThat(store.quarantine(key)).isEqualTo(store.quarantine(key));
    }

    @Test
    void documentStore_headOfPutObject_shouldReportItsSize() {
        // GIVEN
        s3.putObject(request -> request.bucket(BUCKET).key("uploads/a/b/c").contentType("image/png"),
                RequestBody.fromBytes(new byte[] {1, 2, 3}));

        // WHEN
        var head = new S3DocumentStore(() -> s3, BUCKET).head("uploads/a/b/c").orElseThrow();

        // THEN
        assertThat(head.sizeBytes()).isEqualTo(3);
        assertThat(head.version()).doesNotContain("\"");
    }

    private static int put(PresignedUpload upload, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.url()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.headers().forEach((name, value) -> {
            if (!name.equals("content-length")) {
                request.header(name, value);
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
