package dev.destek.document;

import dev.destek.application.ApplicationRepository;
import dev.destek.observability.JsonLog;
import dev.destek.rules.DocumentTypeRule;
import dev.destek.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;

/**
 * Checks a stored upload against what the applicant declared and what the rules allow: size, SHA-256, type
 * sniffed from the bytes, the content itself (PDF structure and permissions, image header, ZIP bombs), malware,
 * and whether the company sent the same bytes before.
 *
 * <p>The object is read from the store once, into a scratch file (see {@link SpooledUpload}): parsers need to
 * seek, and heap use must not grow with the file. Oversized files are refused from their stored size without
 * being read. The scratch file is deleted before {@link #validate} returns.
 *
 * <p>Idempotent per object version: the outcome is recorded with a condition on the version, so a duplicate or
 * late event changes nothing. The outcome is recorded before a refused file is moved to quarantine, and a
 * replay of a refused version finishes the move, so a crash between the two steps loses nothing. Nothing is
 * ever deleted: refused bytes move to quarantine, duplicates stay where they were uploaded.
 */
public final class DocumentValidationService {
    private static final JsonLog LOG = JsonLog.of(DocumentValidationService.class);
    private final ApplicationRepository repository;
    private final DocumentStore store;
    private final Supplier<Rules> rules;
    private final FileChecks checks;
    private final DuplicateIndex duplicates;
    private final Path scratchDir;
    private final Clock clock;

    /**
     * @param rules      the rules as they may still be loading, so that loading overlaps the rest of a cold start
     * @param scratchDir where uploads are spooled while they are checked ({@code /tmp} in Lambda, whose
     *                   ephemeral storage must hold the largest allowed file)
     */
    public DocumentValidationService(ApplicationRepository repository, DocumentStore store, Supplier<Rules> rules,
                                     FileChecks checks, DuplicateIndex duplicates, Path scratchDir, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
        this.scratchDir = Objects.requireNonNull(scratchDir, "scratchDir");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        Document outcome = decide(document, inspection, stored.get());
        if (!repository.recordValidation(outcome)) {
            return new ValidationOutcome.AlreadyValidated(key);
        }
        LOG.info("document validated", Map.of("documentId", document.id(), "status", outcome.status(),
                "reasons", codes(outcome.reasons()), "scan", scanCode(outcome.facts())));
        switch (outcome.status()) {
            case ACCEPTED:
                return new ValidationOutcome.Accepted(outcome);
            case DUPLICATE:
                return new ValidationOutcome.Duplicate(outcome);
            default:
                store.quarantine(key);
                return new ValidationOutcome.Rejected(outcome);
        }
    }

    /**
     * A file with no reasons against it is claimed in the company's duplicate index; only such files claim, so
     * a refused upload never blocks the corrected one with the same bytes.
     */
    private Document decide(Document document, Inspection inspection, StoredObject stored) {
        String key = stored.key();
        if (!inspection.reasons.isEmpty()) {
            return document.withValidation(DocumentStatus.REJECTED, inspection.reasons, inspection.detectedType,
                    stored.version(), DocumentKeys.quarantineOf(key), inspection.facts, clock.instant());
        }
        Optional<DocumentRef> earlier = earlierHolder(document, inspection.facts.sha256());
        if (earlier.isPresent()) {
            RejectionReason why = new RejectionReason(RejectionReason.DUPLICATE, "The same file was already sent as"
                    + " document " + earlier.get().documentId() + " of application " + earlier.get().applicationId());
            return document.withValidation(DocumentStatus.DUPLICATE, List.of(why), inspection.detectedType,
                    stored.version(), key, inspection.facts.withDuplicateOf(earlier.get()), clock.instant());
        }
        return document.withValidation(DocumentStatus.ACCEPTED, List.of(), inspection.detectedType,
                stored.version(), key, inspection.facts, clock.instant());
    }

    /**
     * The earlier document of the company holding these bytes, if it still does. A holder whose bytes changed
     * since (a corrected re-upload, a refused later version) or which is gone hands the claim on, so a file is
     * never flagged as a copy of a document that no longer has it. A holder still being validated keeps it.
     */
    private Optional<DocumentRef> earlierHolder(Document document, String sha256) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<DocumentRef> holder = duplicates.claim(document.companyId(), sha256, document.ref());
            if (holder.isEmpty() || stillHolds(document.companyId(), holder.get(), sha256)) {
                return holder;
            }
            if (duplicates.reassign(document.companyId(), sha256, holder.get(), document.ref())) {
                return Optional.empty();
            }
            // another upload took the claim over first: ask again who holds it now
        }
        throw new IllegalStateException("the claim on " + sha256 + " keeps changing hands; retry the event");
    }

    private boolean stillHolds(String companyId, DocumentRef holder, String sha256) {
        Optional<Document> found = repository.findDocument(companyId, holder.applicationId(), holder.documentId());
        if (found.isEmpty()) {
            return false;
        }
        Document current = found.get();
        if (current.validatedVersion() == null) {
            return true;
        }
        return current.status() != DocumentStatus.REJECTED && current.facts() != null
                && sha256.equals(current.facts().sha256());
    }

    private Inspection inspect(Document document, StoredObject stored) {
        List<RejectionReason> reasons = new ArrayList<>();
        Optional<DocumentTypeRule> rule = rules.get().documentType(document.documentType());
        long limit = rule.map(DocumentTypeRule::maxSizeBytes).orElse(0L);
        if (stored.sizeBytes() == 0) {
            reasons.add(new RejectionReason(RejectionReason.EMPTY_FILE, "The stored file is empty"));
            return new Inspection(reasons, null, null);
        }
        if (stored.sizeBytes() != document.declaredSizeBytes()) {
            reasons.add(new RejectionReason(RejectionReason.SIZE_MISMATCH, "Stored " + stored.sizeBytes()
                    + " bytes, declared " + document.declaredSizeBytes()));
        }
        if (stored.sizeBytes() > limit) {
            reasons.add(tooLarge(document, limit));
            return new Inspection(reasons, null, null);
        }
        try (SpooledUpload upload = spool(stored.key(), limit)) {
            if (upload.overLimit()) {
                // replaced by a larger object after it was measured: refuse it as the larger one it now is
                reasons.add(tooLarge(document, limit));
                return new Inspection(reasons, null, null);
            }
            if (document.declaredSha256() != null && !upload.sha256().equals(document.declaredSha256())) {
                reasons.add(new RejectionReason(RejectionReason.CHECKSUM_MISMATCH,
                        "The stored bytes do not have the declared SHA-256"));
            }
            String detected = checks.types().detect(upload.prefix());
            reasons.addAll(typeReasons(document, rule, detected));
            ContentReport content = inspectContent(document, detected, upload);
            reasons.addAll(content.reasons());
            ScanVerdict scan = scan(upload);
            if (scan instanceof ScanVerdict.Infected infected) {
                reasons.add(new RejectionReason(RejectionReason.MALWARE_FOUND,
                        "The malware scanner found " + infected.signature()));
            }
            FileFacts facts = new FileFacts(upload.sha256(), content.pageCount(), content.widthPx(),
                    content.heightPx(), scan, null);
            return new Inspection(reasons, detected, facts);
        }
    }

    private static List<RejectionReason> typeReasons(Document document, Optional<DocumentTypeRule> rule,
                                                     String detected) {
        if (rule.isEmpty() || !rule.get().allowedMediaTypes().contains(detected)) {
            return List.of(new RejectionReason(RejectionReason.TYPE_NOT_ALLOWED, "The content is " + detected
                    + "; allowed for " + document.documentType() + ": "
                    + rule.map(DocumentTypeRule::allowedMediaTypes).orElse(Set.of())));
        }
        // an integrator's drop without a manifest may declare no type: then only the rules' list judges it
        if (document.declaredContentType() != null && !detected.equals(document.declaredContentType())) {
            return List.of(new RejectionReason(RejectionReason.TYPE_MISMATCH, "The content is " + detected
                    + ", declared " + document.declaredContentType()));
        }
        return List.of();
    }

    /**
     * Inspectors report malformed content as reasons; one that throws has met input it did not foresee. That
     * file is refused (and kept) rather than retried forever, and the failure is logged for a fix.
     */
    private ContentReport inspectContent(Document document, String detected, SpooledUpload upload) {
        try {
            return checks.content().inspect(detected, upload.file());
        } catch (RuntimeException e) {
            LOG.error("content inspection failed", Map.of("documentId", document.id(), "type", detected), e);
            return ContentReport.refused(RejectionReason.CONTENT_UNREADABLE,
                    "The " + detected + " content could not be inspected");
        }
    }

    private ScanVerdict scan(SpooledUpload upload) {
        try (InputStream in = upload.open()) {
            return checks.malware().scan(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading back a spooled upload", e);
        }
    }

    private SpooledUpload spool(String key, long limit) {
        try (InputStream in = store.open(key)) {
            return SpooledUpload.of(in, scratchDir, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + key, e);
        }
    }

    private static RejectionReason tooLarge(Document document, long limit) {
        return new RejectionReason(RejectionReason.SIZE_LIMIT_EXCEEDED, "Larger than the " + limit
                + " bytes allowed for " + document.documentType());
    }

    private static ValidationOutcome ignored(String key, String why) {
        LOG.warn("object not validated", Map.of("key", key, "why", why));
        return new ValidationOutcome.Ignored(key, why);
    }

    private static List<String> codes(List<RejectionReason> reasons) {
        return reasons.stream().map(RejectionReason::code).toList();
    }

    private static String scanCode(FileFacts facts) {
        return facts == null ? "UNREAD" : facts.scan().code();
    }

    /** {@code facts} is null when the bytes were not read (empty or oversized). */
    private record Inspection(List<RejectionReason> reasons, String detectedType, FileFacts facts) { }
}
