package dev.destek.intake;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository;
import dev.destek.application.ApplicationService;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentStatus;
import dev.destek.document.DocumentStore;
import dev.destek.document.DocumentValidationService;
import dev.destek.document.StoredObject;
import dev.destek.observability.JsonLog;
import dev.destek.rules.DocumentTypeRule;
import dev.destek.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes in files that integrators write straight into the bucket under {@link DocumentKeys#INBOX}. A file that
 * names a known application and a document type of its checklist (and, when the application has a manifest, is
 * declared there with these bytes) becomes a document of that application: it is moved to the document's upload
 * key and validated exactly like a file uploaded through a presigned URL. Anything else is moved to quarantine and
 * recorded as an {@link IntakeError} for administrators. Nothing is deleted.
 *
 * <p>Idempotent per object version: the document id and the error id are derived from the key and the version, so
 * a replayed event creates no second document and records no second error; once the object has been moved, a
 * replay finds it gone. The manifest must be written before the files it declares: S3 reads are strongly
 * consistent, so a file written after its manifest always finds it, whatever order the events arrive in.
 */
public final class InboxIntakeService {
    private static final JsonLog LOG = JsonLog.of(InboxIntakeService.class);
    /** The file's extension as its declared type, when no manifest says otherwise. */
    private static final Map<String, String> EXTENSIONS = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ApplicationRepository repository;
    private final DocumentStore store;
    private final IntakeErrorLog errors;
    private final DocumentValidationService validation;
    private final Supplier<Rules> rules;
    private final Clock clock;

    public InboxIntakeService(ApplicationRepository repository, DocumentStore store, IntakeErrorLog errors,
                              DocumentValidationService validation, Supplier<Rules> rules, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.store = Objects.requireNonNull(store, "store");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IntakeOutcome take(String key) {
        Optional<StoredObject> head = store.head(key);
        if (head.isEmpty()) {
            return new IntakeOutcome.Ignored("OBJECT_GONE");
        }
        StoredObject stored = head.get();
        Optional<InboxKey> parsed = InboxKey.parse(key);
        if (parsed.isEmpty()) {
            return refuse(stored, null, IntakeError.MALFORMED_KEY, "Expected inbox/{companyId}/{applicationId}/"
                    + "{documentType}/{fileName} or inbox/{companyId}/{applicationId}/" + InboxKey.MANIFEST);
        }
        InboxKey inbox = parsed.get();
        Optional<Application> application = repository.find(inbox.companyId(), inbox.applicationId());
        if (application.isEmpty()) {
            return repository.list(inbox.companyId()).isEmpty()
                    ? refuse(stored, inbox, IntakeError.UNKNOWN_COMPANY, "No company " + inbox.companyId())
                    : refuse(stored, inbox, IntakeError.UNKNOWN_APPLICATION, "Company " + inbox.companyId()
                            + " has no application " + inbox.applicationId());
        }
        if (inbox.isManifest()) {
            return manifest(stored, inbox, application.get());
        }
        return file(stored, inbox, application.get());
    }

    private IntakeOutcome manifest(StoredObject stored, InboxKey inbox, Application application) {
        InboxManifest.Parsed parsed = readManifest(stored);
        if (parsed.manifest() == null) {
            return refuse(stored, inbox, IntakeError.MANIFEST_INVALID, parsed.describe());
        }
        List<String> offChecklist = parsed.manifest().files().stream().map(InboxManifest.Entry::documentType)
                .filter(type -> !onChecklist(application, type)).distinct().toList();
        if (!offChecklist.isEmpty()) {
            return refuse(stored, inbox, IntakeError.MANIFEST_INVALID, "Not document types of "
                    + application.supportItem() + ": " + offChecklist);
        }
        return new IntakeOutcome.ManifestAccepted(inbox.companyId(), inbox.applicationId(),
                parsed.manifest().files().size());
    }

    private IntakeOutcome file(StoredObject stored, InboxKey inbox, Application application) {
        if (!onChecklist(application, inbox.documentType())) {
            return refuse(stored, inbox, IntakeError.DOCUMENT_TYPE_NOT_ON_CHECKLIST, inbox.documentType()
                    + " is not a document type of " + application.supportItem());
        }
        Optional<InboxManifest.Entry> declared = Optional.empty();
        String manifestKey = InboxKey.manifestKey(inbox.companyId(), inbox.applicationId());
        Optional<StoredObject> manifest = store.head(manifestKey);
        if (manifest.isPresent()) {
            InboxManifest.Parsed parsed = readManifest(manifest.get());
            if (parsed.manifest() == null) {
                return refuse(stored, inbox, IntakeError.MANIFEST_INVALID, "The application's manifest is invalid: "
                        + parsed.describe());
            }
            declared = parsed.manifest().entry(inbox.documentType(), inbox.fileName());
            if (declared.isEmpty()) {
                return refuse(stored, inbox, IntakeError.UNDECLARED_FILE, "The application's manifest does not"
                        + " declare " + inbox.documentType() + "/" + inbox.fileName());
            }
        } else if (store.head(DocumentKeys.quarantineOf(manifestKey)).isPresent()) {
            // the manifest was refused: its files are not taken in unchecked, they wait for a valid one
            return refuse(stored, inbox, IntakeError.MANIFEST_INVALID, "The application's manifest was refused;"
                    + " drop a valid manifest, then the files again");
        }
        Long declaredSize = declared.map(InboxManifest.Entry::sizeBytes).orElse(null);
        if (declaredSize != null && declaredSize != stored.sizeBytes()) {
            return refuse(stored, inbox, IntakeError.SIZE_MISMATCH, "Stored " + stored.sizeBytes()
                    + " bytes, the manifest declares " + declaredSize);
        }
        String sha256 = null;
        long limit = rules.get().documentType(inbox.documentType()).map(DocumentTypeRule::maxSizeBytes).orElse(0L);
        if (stored.sizeBytes() <= limit) {
            // an oversized file is refused by validation from its size alone, so it is not read here either
            sha256 = sha256(stored.key());
            if (declared.isPresent() && !declared.get().sha256().equals(sha256)) {
                return refuse(stored, inbox, IntakeError.CHECKSUM_MISMATCH,
                        "The stored bytes do not have the SHA-256 the manifest declares");
            }
        } else if (declared.isPresent()) {
            sha256 = declared.get().sha256();
        }
        Document document = adopt(stored, inbox, declared, sha256);
        return new IntakeOutcome.Adopted(document, validation.validate(document.objectKey()));
    }

    private Document adopt(StoredObject stored, InboxKey inbox, Optional<InboxManifest.Entry> declared,
                           String sha256) {
        Instant now = clock.instant();
        String documentId = "inbox-" + idOf(stored).substring(0, 32);
        String uploadKey = DocumentKeys.upload(inbox.companyId(), inbox.applicationId(), documentId);
        String contentType = declared.map(InboxManifest.Entry::contentType).orElse(byExtension(inbox.fileName()));
        Document document = new Document(documentId, inbox.companyId(), inbox.applicationId(), inbox.documentType(),
                inbox.fileName(), contentType, stored.sizeBytes(), sha256, uploadKey, DocumentStatus.PENDING_UPLOAD,
                List.of(), null, null, now, now, null,
                declared.map(InboxManifest.Entry::metadata).orElse(DocumentMetadata.NONE));
        try {
            repository.addDocument(document);
        } catch (ApplicationRepository.AlreadyExistsException replayed) {
            // an earlier delivery of this event created it and stopped before the move: finish the move
        }
        store.move(stored.key(), uploadKey);
        LOG.info("inbox file taken in", Map.of("documentId", documentId, "applicationId", inbox.applicationId(),
                "withManifest", declared.isPresent()));
        return document;
    }

    /** Records the error before moving the object, so a crash in between is finished by the replayed event. */
    private IntakeOutcome refuse(StoredObject stored, InboxKey inbox, String code, String detail) {
        String quarantineKey = DocumentKeys.quarantineOf(stored.key());
        IntakeError error = new IntakeError(idOf(stored), code, detail, stored.key(), stored.version(), quarantineKey,
                inbox == null ? null : inbox.companyId(), inbox == null ? null : inbox.applicationId(),
                clock.instant());
        boolean recorded = errors.record(error);
        store.quarantine(stored.key());
        // the key holds the integrator's file name: log the error's id and code only
        LOG.warn("inbox object refused", Map.of("errorId", error.id(), "code", code, "replay", !recorded));
        return new IntakeOutcome.Refused(error);
    }

    private InboxManifest.Parsed readManifest(StoredObject manifest) {
        if (manifest.sizeBytes() > InboxManifest.MAX_BYTES) {
            return new InboxManifest.Parsed(null, List.of(new dev.destek.problem.Problem.FieldError("",
                    "larger than " + InboxManifest.MAX_BYTES + " bytes")));
        }
        try (InputStream in = store.open(manifest.key())) {
            return InboxManifest.parse(in.readNBytes((int) InboxManifest.MAX_BYTES + 1),
                    LocalDate.ofInstant(clock.instant(), ApplicationService.LEGAL_ZONE));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an inbox manifest", e);
        }
    }

    private String sha256(String key) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = store.open(key)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an inbox file", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean onChecklist(Application application, String documentType) {
        return application.checklist().stream().anyMatch(e -> e.documentType().equals(documentType));
    }

    private static String byExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : EXTENSIONS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** One id per object version: the same drop replayed maps to the same document and the same error. */
    private static String idOf(StoredObject stored) {
        return HexFormat.of().formatHex(digest().digest((stored.key() + "\n" + stored.version())
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
