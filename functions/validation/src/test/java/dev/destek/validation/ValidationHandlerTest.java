package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
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
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void objectCreated_matchingPdf_shouldAcceptOnceAndIgnoreTheDuplicateEvent(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN a declared document whose bytes were stored
        DynamoApplicationRepository repository = new DynamoApplicationRepository(table.client(), table.tableName());
        Document declared = declare(repository, "doc-1", sha256(PDF), PDF.length);
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(declared.objectKey()), RequestBody.fromBytes(PDF));
        ValidationHandler handler = new ValidationHandler(FunctionEnvironment.of(table, bucket));

        // WHEN the event arrives twice (S3 delivers at least once)
        List<String> first = handler.handleRequest(event(declared.objectKey()), null);
        List<String> second = handler.handleRequest(event(declared.objectKey()), null);

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
        DynamoApplicationRepository repository = new DynamoApplicationRepository(table.client(), table.tableName());
        Document declared = declare(repository, "doc-2", sha256(exe), exe.length);
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(declared.objectKey()), RequestBody.fromBytes(exe));

        // WHEN
        List<String> outcome = new ValidationHandler(FunctionEnvironment.of(table, bucket))
                .handleRequest(event(declared.objectKey()), null);

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

    /** The recorded S3 event, pointed at this test's bucket and key. */
    private static S3Event event(String key) throws Exception {
        String json = Files.readString(Path.of("events", "s3-object-created.json"))
                .replace("uploads/ACME_EXPORT/APPLICATION_ID/DOCUMENT_ID", key);
        return LambdaEventSerializers.serializerFor(S3Event.class, ValidationHandlerTest.class.getClassLoader())
                .fromJson(json);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
