package dev.destek.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Declares documents, stores their bytes and delivers S3's event JSON to a real handler on the emulators. */
final class HandlerFixture {
    static final String COMPANY = "ACME_EXPORT";
    static final String APPLICATION = "app-1";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    final DynamoApplicationRepository repository;
    final S3Bucket bucket;
    final Map<String, String> env;

    HandlerFixture(DynamoTable table, S3Bucket bucket, Map<String, String> extraEnv) {
        this.repository = new DynamoApplicationRepository(table::client, table.tableName());
        this.bucket = bucket;
        Map<String, String> all = new HashMap<>(FunctionEnvironment.of(table, bucket));
        all.putAll(extraEnv);
        this.env = Map.copyOf(all);
        if (repository.find(COMPANY, APPLICATION).isEmpty()) {
            repository.create(new Application(APPLICATION, COMPANY, "ADVERTISING", ApplicationStatus.DRAFT,
                    List.of(), "user-1", NOW));
        }
    }

    ValidationHandler handler() {
        return new ValidationHandler(env);
    }

    /** Declares a document as the applicant would (type, content type, size, SHA-256). */
    Document declare(String documentId, String documentType, String contentType, long size, String sha256) {
        Document document = new Document(documentId, COMPANY, APPLICATION, documentType, "file", contentType, size,
                sha256, DocumentKeys.upload(COMPANY, APPLICATION, documentId), DocumentStatus.PENDING_UPLOAD,
                List.of(), null, null, NOW, NOW);
        repository.addDocument(document);
        return document;
    }

    Document declareHonestly(String documentId, String documentType, String contentType, byte[] bytes) {
        return declare(documentId, documentType, contentType, bytes.length, sha256(bytes));
    }

    void store(String key, byte[] bytes) {
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromBytes(bytes));
    }

    Document recorded(String documentId) {
        return repository.findDocument(COMPANY, APPLICATION, documentId).orElseThrow();
    }

    Optional<byte[]> bytes(String key) {
        try {
            return Optional.of(bucket.client().getObjectAsBytes(b -> b.bucket(bucket.name()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Delivers the recorded S3 event, pointed at {@code key}, and answers the outcomes the handler wrote. */
    static List<String> invoke(ValidationHandler handler, String key) throws Exception {
        String json = Files.readString(Path.of("events", "s3-object-created.json"))
                .replace("uploads/ACME_EXPORT/APPLICATION_ID/DOCUMENT_ID", key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return new ObjectMapper().readValue(out.toByteArray(), new TypeReference<List<String>>() { });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
