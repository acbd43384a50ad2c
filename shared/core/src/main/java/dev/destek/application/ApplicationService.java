package dev.destek.application;

import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentStatus;
import dev.destek.document.UploadSigner;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.DocumentRules;
import dev.destek.reminder.ReminderPlanner;
import dev.destek.reminder.ReminderSettings;
import dev.destek.reminder.ReminderStore;
import dev.destek.rules.Deadline;
import dev.destek.rules.DocumentTypeRule;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.Rules;
import dev.destek.rules.SupportItem;
import dev.destek.tenancy.Caller;
import dev.destek.vault.CompanyVault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Opening applications and issuing upload URLs. Every lookup is keyed by the caller's company, so data
 * of another company is indistinguishable from data that does not exist (404, never 403).
 */
public final class ApplicationService {
    /** Legal dates (which rules are in force) are Turkish calendar days. */
    public static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Istanbul");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final ApplicationRepository repository;
    private final UploadSigner signer;
    private final Supplier<Rules> rules;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Duration uploadTtl;
    private final ReminderStore reminders;
    private final ReminderPlanner planner;

    /** Takes the rules as they may still be loading, so that loading overlaps the rest of a cold start. */
    public ApplicationService(ApplicationRepository repository, UploadSigner signer, Supplier<Rules> rules,
                              Clock clock, Supplier<String> ids, Duration uploadTtl, ReminderStore reminders,
                              ReminderSettings reminderSettings) {
        this.repository = repository;
        this.signer = signer;
        this.rules = rules;
        this.clock = clock;
        this.ids = ids;
        this.uploadTtl = uploadTtl;
        this.reminders = reminders;
        this.planner = new ReminderPlanner(reminderSettings);
    }

    public ApplicationView open(Caller caller, NewApplication request) {
        if (request.supportItem() == null || request.supportItem().isBlank()) {
            throw invalid("/supportItem", "required");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LEGAL_ZONE);
        SupportItem item = rules.get().supportItem(request.supportItem(), today)
                .orElseThrow(() -> invalid("/supportItem", "unknown or not in force: " + request.supportItem()));
        Application application = new Application(ids.get(), caller.companyId(), item.id(), ApplicationStatus.DRAFT,
                rules.get().checklist(item.id(), today), caller.subject(), now);
        repository.create(application);
        return new ApplicationView(application, List.of());
    }

    public List<Application> list(Caller caller) {
        return repository.list(caller.companyId());
    }

    public ApplicationView get(Caller caller, String applicationId) {
        Application application = own(caller, applicationId);
        return new ApplicationView(application, repository.documents(caller.companyId(), application.id()));
    }

    /**
     * The application judged against its checklist today: per entry which documents are there and in which state,
     * what the document rules (DOMAIN §6) find, and what to do next.
     */
    public Checklist checklist(Caller caller, String applicationId) {
        Application application = own(caller, applicationId);
        List<Document> documents = repository.documents(caller.companyId(), application.id());
        LocalDate today = LocalDate.ofInstant(clock.instant(), LEGAL_ZONE);
        ChecklistJudge judge = new ChecklistJudge(ref -> repository.findDocument(caller.companyId(),
                ref.applicationId(), ref.documentId()), documentRules(today));
        CompanyVault vault = CompanyVault.of(repository.documents(caller.companyId(), CompanyVault.APPLICATION_ID));
        return judge.judge(application, documents, vault, today);
    }

    /**
     * Declares (or changes) the application's facts: the same body as a quote, its support item the application's.
     * The rules compute every deadline the facts imply, and the application's reminders are re-planned from them
     * at once: reminders of a deadline that moved or went away are cancelled, new ones are scheduled, reminders
     * already sent stay sent.
     */
    public ApplicationDeadlines declareFacts(Caller caller, String applicationId, QuoteRequest facts) {
        Application application = own(caller, applicationId);
        if (facts == null) {
            throw invalid("/", "the application's facts: the body of a quote");
        }
        if (facts.supportItem() != null && !facts.supportItem().equals(application.supportItem())) {
            throw invalid("/supportItem", "must be the application's, " + application.supportItem());
        }
        QuoteRequest declared = new QuoteRequest(facts.programme(), application.supportItem(), facts.applicant(),
                facts.activity(), facts.filingDate(), facts.expenses(), facts.exchangeRates());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LEGAL_ZONE);
        List<Deadline> deadlines = deadlinesOf(declared, today);
        if (!repository.updateFacts(caller.companyId(), application.id(), declared, now)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId);
        }
        ReminderStore.ScheduleChange change = reminders.replaceSchedule(caller.companyId(), application.id(),
                planner.plan(caller.companyId(), application.id(), deadlines, today), now);
        return new ApplicationDeadlines(application.withFacts(declared), deadlines, change);
    }

    /** The application's deadlines with their status today; none before its facts are declared. */
    public ApplicationDeadlines deadlines(Caller caller, String applicationId) {
        Application application = own(caller, applicationId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), LEGAL_ZONE);
        return new ApplicationDeadlines(application, application.facts() == null ? List.of()
                : deadlinesOf(application.facts(), today), null);
    }

    /** Every deadline of every application of the caller's company (the calendar feed). */
    public List<ApplicationDeadlines> companyDeadlines(Caller caller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LEGAL_ZONE);
        return repository.list(caller.companyId()).stream()
                .filter(a -> a.facts() != null)
                .map(a -> new ApplicationDeadlines(a, deadlinesOf(a.facts(), today), null))
                .toList();
    }

    private List<Deadline> deadlinesOf(QuoteRequest facts, LocalDate today) {
        try {
            return rules.get().deadlines(facts, today);
        } catch (QuoteRequestException e) {
            throw invalid(e.pointer().isEmpty() ? "/" : e.pointer(), e.reason());
        }
    }

    public UploadTicket requestUpload(Caller caller, String applicationId, NewDocument request) {
        Application application = own(caller, applicationId);
        DocumentTypeRule rule = checkDeclaration(type -> application.checklist().stream()
                .anyMatch(e -> e.documentType().equals(type)), "not a document type of " + application.supportItem()
                + "; see the application's checklist", request, List.of());
        return issueUpload(caller, application.id(), rule, request);
    }

    /**
     * The company's basic documents on file (Art. 34(6)), newest first, each with where it stands today: the
     * current one of each type is what every application's checklist uses.
     */
    public CompanyVault.View vault(Caller caller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LEGAL_ZONE);
        DocumentRules in = documentRules(today);
        return new CompanyVault.View(in.onceOnlyArticle(), in.onceOnlyDocumentTypes(),
                CompanyVault.of(repository.documents(caller.companyId(), CompanyVault.APPLICATION_ID)).entries(today));
    }

    /**
     * Declares a basic document for the company's vault and issues its upload URL; once accepted, it replaces the
     * one on file. {@code issuedOn} is required, {@code validUntil} when the document expires.
     */
    public UploadTicket requestVaultUpload(Caller caller, NewDocument request) {
        List<Problem.FieldError> extra = request.issuedOn() == null
                ? List.of(new Problem.FieldError("/issuedOn", "required for a document kept on file"))
                : List.of();
        DocumentRules in = documentRules(LocalDate.ofInstant(clock.instant(), LEGAL_ZONE));
        DocumentTypeRule rule = checkDeclaration(in.onceOnlyDocumentTypes()::contains, "not a document kept on file;"
                + " one of " + in.onceOnlyDocumentTypes() + " (" + in.onceOnlyArticle() + ")", request, extra);
        return issueUpload(caller, CompanyVault.APPLICATION_ID, rule, request);
    }

    /**
     * Replaces what the applicant declared about one of its documents (an application's, or one on file in the vault
     * when {@code applicationId} is {@link CompanyVault#APPLICATION_ID}); the checklist judges the corrected facts
     * from then on. The bytes and their validation stay as they are. Another company's document is not found (404).
     */
    public Document correctMetadata(Caller caller, String applicationId, String documentId,
                                    DocumentMetadata corrected) {
        boolean vault = CompanyVault.APPLICATION_ID.equals(applicationId);
        if (!vault) {
            own(caller, applicationId);
        }
        Document document = repository.findDocument(caller.companyId(), applicationId, documentId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No document " + documentId));
        DocumentMetadata m = corrected == null ? DocumentMetadata.NONE : corrected;
        m = new DocumentMetadata(m.issuedOn(), m.publishedOn(), m.issuedAbroad(),
                m.issuingCountry() == null ? null : m.issuingCountry().toUpperCase(java.util.Locale.ROOT),
                m.amountUsd(), m.electronicallyVerifiable(), m.counsellorApproved(), m.validUntil());
        List<Problem.FieldError> errors = new ArrayList<>(Declarations.metadataErrors(m,
                LocalDate.ofInstant(clock.instant(), LEGAL_ZONE)));
        if (vault && m.issuedOn() == null) {
            errors.add(new Problem.FieldError("/issuedOn", "required for a document kept on file"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST,
                    "The corrected declaration is not acceptable", errors));
        }
        Document updated = document.withMetadata(Declarations.completed(m)).withUpdatedAt(clock.instant());
        if (!repository.updateMetadata(updated)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No document " + documentId);
        }
        return updated;
    }

    private UploadTicket issueUpload(Caller caller, String applicationId, DocumentTypeRule rule,
                                     NewDocument request) {
        Instant now = clock.instant();
        String documentId = ids.get();
        String key = DocumentKeys.upload(caller.companyId(), applicationId, documentId);
        String sha256 = request.sha256().toLowerCase();
        Document document = new Document(documentId, caller.companyId(), applicationId, rule.documentType(),
                request.fileName(), request.contentType(), request.sizeBytes(), sha256, key,
                DocumentStatus.PENDING_UPLOAD, List.of(), null, null, now, now, null,
                Declarations.completed(request.metadata()));
        repository.addDocument(document);
        UploadSigner.PresignedUpload upload = signer.presignPut(new UploadSigner.UploadSpec(key,
                request.contentType(), request.sizeBytes(),
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)), uploadTtl));
        return new UploadTicket(document, upload);
    }

    /** The document rules in force; the catalogue has them from the Decree's first day, so never absent today. */
    private DocumentRules documentRules(LocalDate day) {
        return rules.get().documentRules(day).orElseThrow(() -> new IllegalStateException(
                "no document rules in force on " + day));
    }

    private Application own(Caller caller, String applicationId) {
        return repository.find(caller.companyId(), applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
    }

    /** @param allowedType which document types this declaration may name; {@code notAllowed} says which ones */
    private DocumentTypeRule checkDeclaration(Predicate<String> allowedType, String notAllowed, NewDocument request,
                                              List<Problem.FieldError> extra) {
        List<Problem.FieldError> errors = new ArrayList<>(extra);
        Optional<DocumentTypeRule> rule = Optional.empty();
        if (blank(request.documentType())) {
            errors.add(new Problem.FieldError("/documentType", "required"));
        } else {
            rule = rules.get().documentType(request.documentType());
            if (rule.isEmpty() || !allowedType.test(request.documentType())) {
                errors.add(new Problem.FieldError("/documentType", notAllowed));
                rule = Optional.empty();
            }
        }
        if (blank(request.fileName())) {
            errors.add(new Problem.FieldError("/fileName", "required"));
        } else if (!Declarations.isFileName(request.fileName())) {
            errors.add(new Problem.FieldError("/fileName", Declarations.FILE_NAME_RULE));
        }
        if (request.sha256() == null || !SHA256_HEX.matcher(request.sha256()).matches()) {
            errors.add(new Problem.FieldError("/sha256", "the file's SHA-256 as 64 hexadecimal characters"));
        }
        if (request.sizeBytes() == null || request.sizeBytes() <= 0) {
            errors.add(new Problem.FieldError("/sizeBytes", "a positive number of bytes"));
        } else if (rule.isPresent() && request.sizeBytes() > rule.get().maxSizeBytes()) {
            errors.add(new Problem.FieldError("/sizeBytes", "larger than the " + rule.get().maxSizeBytes()
                    + " bytes allowed for " + rule.get().documentType() + " (" + rule.get().article() + ")"));
        }
        if (blank(request.contentType())) {
            errors.add(new Problem.FieldError("/contentType", "required"));
        } else if (rule.isPresent() && !rule.get().allowedMediaTypes().contains(request.contentType())) {
            errors.add(new Problem.FieldError("/contentType", "must be one of " + rule.get().allowedMediaTypes()));
        }
        errors.addAll(Declarations.metadataErrors(request.metadata(),
                LocalDate.ofInstant(clock.instant(), LEGAL_ZONE)));
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST,
                    "The document declaration is not acceptable", errors));
        }
        return rule.orElseThrow();
    }

    private static ProblemException invalid(String pointer, String reason) {
        return new ProblemException(new Problem(ProblemType.INVALID_REQUEST, pointer.substring(1) + ": " + reason,
                List.of(new Problem.FieldError(pointer, reason))));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
