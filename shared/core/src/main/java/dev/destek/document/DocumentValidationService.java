package dev.destek.document;

import dev.destek.application.ApplicationRepository;
import dev.destek.observability.JsonLog;
import dev.destek.rules.DocumentTypeRule;
import dev.destek.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a stored upload against what the applicant declared and what the rules allow: size, type
 * sniffed from the bytes, and SHA-256 computed while streaming (the file is never held in memory).
 *
 * <p>Idempotent per object version: the outcome is recorded with a condition on the version, so a
 * duplicate or late event changes nothing. The outcome is recorded before a refused file is moved to
 * quarantine, and a replay of a refused version finishes the move, so a crash between the two steps
 * loses nothing.
 */
public final class DocumentValidationService {
    private static final JsonLog LOG = JsonLog.of(DocumentValidationService.class);
    private final ApplicationRepository repository;
    private final DocumentStore store;
    private final Rules rules;
    private final TypeDetector detector;
    private final Clock clock;

    public DocumentValidationService(ApplicationRepository repository, DocumentStore store, Rules rules,
                                     TypeDetector detector, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.rules = rules;
        this.detector = detector;
        this.clock = clock;
    }

    public ValidationOutcome validate(String key) {
        Optional<DocumentKeys.Ids> ids = DocumentKeys.parseUpload(key);
        if (ids.isEmpty()) {
            return ignored(key, "NOT_AN_UPLOAD_KEY");
        }
        Optional<Document> found = repository.findDocument(ids.get().companyId(), ids.get().applicationId(),
                ids.get().documentId());
        Optional<StoredObject> stored = store.head(key);
        if (stored.isEmpty()) {
            return ignored(key, "OBJECT_GONE");
        }
        if (found.isEmpty()) {
            String quarantined = store.quarantine(key);
            LOG.warn("orphan upload quarantined", Map.of("key", key, "quarantineKey", quarantined));
            return ignored(key, "NO_DOCUMENT_RECORD");
        }
        Document document = found.get();
        if (stored.get().version().equals(document.validatedVersion())) {
            if (document.status() == DocumentStatus.REJECTED) {
                store.quarantine(key);
            }
            return new ValidationOutcome.AlreadyValidated(key);
        }
        Inspection inspection = inspect(document, stored.get());
        boolean accepted = inspection.reasons.isEmpty();
        Document outcome = document.withValidation(accepted ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED,
                inspection.reasons, inspection.detectedType, stored.get().version(),
                accepted ? key : DocumentKeys.quarantineOf(key), clock.instant());
        if (!repository.recordValidation(outcome)) {
            return new ValidationOutcome.AlreadyValidated(key);
        }
        LOG.info("document validated", Map.of("documentId", document.id(), "status", outcome.status(),
                "reasons", codes(inspection.reasons)));
        if (accepted) {
            return new ValidationOutcome.Accepted(outcome);
        }
        store.quarantine(key);
        return new ValidationOutcome.Rejected(outcome);
    }

    private Inspection inspect(Document document, StoredObject stored) {
        List<RejectionReason> reasons = new ArrayList<>();
        Optional<DocumentTypeRule> rule = rules.documentType(document.documentType());
        long limit = rule.map(DocumentTypeRule::maxSizeBytes).orElse(0L);
        if (stored.sizeBytes() == 0) {
            reasons.add(new RejectionReason(RejectionReason.EMPTY_FILE, "The stored file is empty"));
            return new Inspection(reasons, null);
        }
        if (stored.sizeBytes() != document.declaredSizeBytes()) {
            reasons.add(new RejectionReason(RejectionReason.SIZE_MISMATCH, "Stored " + stored.sizeBytes()
                    + " bytes, declared " + document.declaredSizeBytes()));
        }
        if (stored.sizeBytes() > limit) {
            reasons.add(new RejectionReason(RejectionReason.SIZE_LIMIT_EXCEEDED, "Larger than the " + limit
                    + " bytes allowed for " + document.documentType()));
            return new Inspection(reasons, null);
        }
        Scan scan = scan(document.objectKey());
        if (!scan.sha256.equals(document.declaredSha256())) {
            reasons.add(new RejectionReason(RejectionReason.CHECKSUM_MISMATCH,
                    "The stored bytes do not have the declared SHA-256"));
        }
        String detected = detector.detect(scan.prefix);
        if (rule.isEmpty() || !rule.get().allowedMediaTypes().contains(detected)) {
            reasons.add(new RejectionReason(RejectionReason.TYPE_NOT_ALLOWED, "The content is " + detected
                    + "; allowed for " + document.documentType() + ": "
                    + rule.map(DocumentTypeRule::allowedMediaTypes).orElse(java.util.Set.of())));
        } else if (!detected.equals(document.declaredContentType())) {
            reasons.add(new RejectionReason(RejectionReason.TYPE_MISMATCH, "The content is " + detected
                    + ", declared " + document.declaredContentType()));
        }
        return new Inspection(reasons, detected);
    }

    private Scan scan(String key) {
        MessageDigest sha256 = sha256();
        byte[] prefix = new byte[TypeDetector.PREFIX_BYTES];
        int prefixLength = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = store.open(key)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                int take = Math.min(n, prefix.length - prefixLength);
                System.arraycopy(buffer, 0, prefix, prefixLength, take);
                prefixLength += take;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + key, e);
        }
        return new Scan(HexFormat.of().formatHex(sha256.digest()), java.util.Arrays.copyOf(prefix, prefixLength));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static ValidationOutcome ignored(String key, String why) {
        LOG.warn("object not validated", Map.of("key", key, "why", why));
        return new ValidationOutcome.Ignored(key, why);
    }

    private static List<String> codes(List<RejectionReason> reasons) {
        return reasons.stream().map(RejectionReason::code).toList();
    }

    private record Inspection(List<RejectionReason> reasons, String detectedType) { }

    private record Scan(String sha256, byte[] prefix) { }
}
