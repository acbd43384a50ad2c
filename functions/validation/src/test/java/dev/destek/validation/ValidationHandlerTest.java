package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import dev.destek.lambda.SnapStartPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The validation handler fed the S3 event JSON that S3 sends, against the emulators. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class ValidationHandlerTest {
    private static final byte[] PDF = Corpus.pdf(1);

    @Test
    void objectCreated_matchingPdf_shouldAcceptOnceAndIgnoreTheDuplicateEvent(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN a declared document whose bytes were stored
        DynamoApplicationRepository repository = new DynamoApplicationRepository(table::client, table.tableName());
        Document declared = declare(repository, "doc-1", sha256(PDF), PDF.length);
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(declared.objectKey()), RequestBody.fromBytes(PDF));
        ValidationHandler handler = new ValidationHandler(FunctionEnvironment.of(table, bucket));

        // WHEN the event arrives twice (S3 delivers at least once)
        List<String> first = invoke(handler, declared.objectKey());
        List<String> second = invoke(handler, declared.objectKey());

        // THEN it is accepted once and the replay changes nothing
        assertThat(first).containsExactly("Accepted");
        assertThat(second).containsExactly("AlreadyValidated");
        Document stored = repository.findDocument("ACME_EXPORT", "app-1", "doc-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(stored.detectedContentType()).isEqualTo("application/pdf");
    }

    @Test
    void objectCreated_executableNamedPdf_shouldRejectAndQuarantine(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN a Windows executable declared as a PDF with its true checksum
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        DynamoApplicationRepository repository = new DynamoApplicationRepository(table::client, table.tableName());
        Document declared = declare(repository, "doc-2", sha256(exe), exe.length);
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(declared.objectKey()), RequestBody.fromBytes(exe));

        // WHEN
        List<String> outcome = invoke(new ValidationHandler(FunctionEnvironment.of(table, bucket)),
                declared.objectKey());

        // THEN it is refused for its type and its bytes are kept in quarantine
        assertThat(outcome).containsExactly("Rejected");
        Document stored = repository.findDocument("ACME_EXPORT", "app-1", "doc-2").orElseThrow();
        assertThat(stored.reasons()).extracting(r -> r.code()).containsExactly("TYPE_NOT_ALLOWED");
        assertThat(bucket.client().getObjectAsBytes(b -> b.bucket(bucket.name())
                .key(DocumentKeys.quarantineOf(declared.objectKey()))).asByteArray()).isEqualTo(exe);
    }

    private static Document declare(DynamoApplicationRepository repository, String documentId, String sha256,
                                    long size) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        if (repository.find("ACME_EXPORT", "app-1").isEmpty()) {
            repository.create(new Application("app-1", "ACME_EXPORT", "ADVERTISING", ApplicationStatus.DRAFT,
                    List.of(), "user-1", now));
        }
        Document document = new Document(documentId, "ACME_EXPORT", "app-1", "EK_8", "form.pdf", "application/pdf",
                size, sha256, DocumentKeys.upload("ACME_EXPORT", "app-1", documentId), DocumentStatus.PENDING_UPLOAD,
                List.of(), null, null, now, now);
        repository.addDocument(document);
        return document;
    }

    /** Delivers the recorded S3 event, pointed at this test's key, and answers the outcomes the handler wrote. */
    private static List<String> invoke(ValidationHandler handler, String key) throws Exception {
        String json = Files.readString(Path.of("events", "s3-object-created.json"))
                .replace("uploads/ACME_EXPORT/APPLICATION_ID/DOCUMENT_ID", key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return new ObjectMapper().readValue(out.toByteArray(), new TypeReference<List<String>>() { });
    }


    @Test
    void snapStartPriming_shouldFindNothingAndWriteNothing(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN the event the handler serves before a SnapStart snapshot
        SnapStartPriming priming = SnapStartPriming.of(new ValidationHandler(FunctionEnvironment.of(table, bucket)),
                ValidationHandler.PRIMING_EVENT);

        // WHEN / THEN its object does not exist, so nothing is validated, recorded or quarantined
        assertThat(priming.prime()).isEqualTo("[\"Ignored\"]");
        assertThat(bucket.client().listObjectsV2(b -> b.bucket(bucket.name())).contents()).isEmpty();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
