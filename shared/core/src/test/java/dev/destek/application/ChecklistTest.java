package dev.destek.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.destek.application.Checklist.Finding;
import dev.destek.application.Checklist.Line;
import dev.destek.application.Checklist.LineStatus;
import dev.destek.document.Document;
import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.RejectionReason;
import dev.destek.document.ScanVerdict;
import dev.destek.document.UploadSigner;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import dev.destek.testsupport.InMemoryApplicationRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The checklist of an application and the document rules of DOMAIN §6, through {@link ApplicationService}. */
class ChecklistTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final String SHA = "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff";
    private static final Caller ALICE = new Caller("alice", "COMPANY_A", Set.of(Role.APPLICANT));
    private static final Caller BORA = new Caller("bora", "COMPANY_B", Set.of(Role.APPLICANT));
    private static final Rules RULES = Rules.load(Map.of());

    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final dev.destek.testsupport.InMemoryReminderStore reminders = new dev.destek.testsupport.InMemoryReminderStore();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger();
    private final ApplicationService service = new ApplicationService(repository,
            spec -> new UploadSigner.PresignedUpload("https://s3.example/" + spec.key(), "PUT", Map.of(),
                    NOW.plus(spec.ttl())),
            () -> RULES, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + ids.incrementAndGet(), Duration.ofMinutes(15), reminders,
            dev.destek.reminder.ReminderSettings.DEFAULTS);

    @Test
    void checklist_newApplication_shouldListEveryRequiredEntryAsMissingWithWhatToDo() {
        // GIVEN a new advertising application
        String app = open("ADVERTISING");

        // WHEN
        Checklist checklist = service.checklist(ALICE, app);

        // THEN every required entry is missing, with its article and guidance in Turkish and English; so is EK-3,
        // which the company has not put on file yet (Art. 34(6))
        assertThat(checklist.status()).isEqualTo(Checklist.Status.INCOMPLETE);
        assertThat(checklist.asOf()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(checklist.missing()).extracting(Checklist.Missing::documentType)
                .containsExactly("EK_8", "INVOICE", "PAYMENT_DOC", "EK_3");
        assertThat(line(checklist, "EK_8").status()).isEqualTo(LineStatus.MISSING);
        assertThat(line(checklist, "EK_8").article()).isEqualTo("Art. 8(1)");
        assertThat(line(checklist, "EK_8").nextStep().en()).contains("Upload", "Art. 8(1)");
        assertThat(line(checklist, "EK_8").nextStep().tr()).contains("Yükleyin", "Md. 8(1)");
        assertThat(line(checklist, "CONTRACT").status()).isEqualTo(LineStatus.NOT_PROVIDED);
    }

    @Test
    void checklist_everyRequiredDocumentAccepted_shouldBeComplete() {
        // GIVEN an advertising application whose invoice and payment were issued in Türkiye, of a company with its
        // basic documents on file
        String app = open("ADVERTISING");
        accept(service.requestVaultUpload(ALICE, doc("EK_3", LocalDate.of(2025, 6, 1), null, null, null, null, null,
                null)).document());
        accept(upload(app, doc("EK_8")));
        accept(upload(app, doc("INVOICE", null, null, false, "TR", "30000", null, null)));
        accept(upload(app, doc("PAYMENT_DOC", null, null, null, "TR", null, null, null)));

        // WHEN
        Checklist checklist = service.checklist(ALICE, app);

        // THEN
        assertThat(checklist.status()).isEqualTo(Checklist.Status.COMPLETE);
        assertThat(checklist.missing()).isEmpty();
        assertThat(line(checklist, "INVOICE").status()).isEqualTo(LineStatus.SATISFIED);
        assertThat(line(checklist, "INVOICE").nextStep().en()).isEqualTo("Nothing to do.");
    }

    @Test
    void checklist_pendingAndRejectedDocuments_shouldShowStateReasonsAndNextStep() {
        // GIVEN a form not uploaded yet and an invoice that was refused
        String app = open("ADVERTISING");
        upload(app, doc("EK_8"));
        Document invoice = upload(app, doc("INVOICE", null, null, false, null, null, null, null));
        repository.recordValidation(invoice.withValidation(DocumentStatus.REJECTED,
                List.of(new RejectionReason(RejectionReason.PDF_CORRUPT, "no PDF reader can open it")),
                "application/pdf", "v1", invoice.objectKey(), NOW));

        // WHEN
        Checklist checklist = service.checklist(ALICE, app);

        // THEN
        assertThat(line(checklist, "EK_8").status()).isEqualTo(LineStatus.AWAITING_UPLOAD);
        Line line = line(checklist, "INVOICE");
        assertThat(line.status()).isEqualTo(LineStatus.REJECTED);
        assertThat(line.documents()).singleElement().satisfies(e -> {
            assertThat(e.counts()).isFalse();
            assertThat(e.reasons()).extracting(RejectionReason::code).containsExactly(RejectionReason.PDF_CORRUPT);
        });
        assertThat(line.nextStep().en()).contains("fix what the reasons say");
        assertThat(checklist.missing()).extracting(Checklist.Missing::documentType).contains("EK_8", "INVOICE");
    }

    @Test
    void checklist_duplicate_shouldCountOnlyViaAnAcceptedOriginalOfTheSameType() {
        // GIVEN an accepted EK-8 in one application, its duplicate in a second, and a duplicate of a refused file
        String first = open("ADVERTISING");
        Document original = upload(first, doc("EK_8"));
        accept(original);
        String second = open("ADVERTISING");
        duplicate(upload(second, doc("EK_8")), original.ref());
        Document refused = upload(first, doc("INVOICE", null, null, false, null, null, null, null));
        repository.recordValidation(refused.withValidation(DocumentStatus.REJECTED, List.of(), null, "v9",
                refused.objectKey(), NOW));
        duplicate(upload(second, doc("INVOICE", null, null, false, null, null, null, null)), refused.ref());

        // WHEN
        Checklist checklist = service.checklist(ALICE, second);

        // THEN
        assertThat(line(checklist, "EK_8").status()).isEqualTo(LineStatus.SATISFIED);
        assertThat(line(checklist, "EK_8").documents()).singleElement()
                .satisfies(e -> assertThat(e.duplicateOf()).isEqualTo(original.ref()));
        assertThat(line(checklist, "INVOICE").status()).isEqualTo(LineStatus.REJECTED);
    }

    @Test
    void checklist_otherCompany_shouldNotFindTheApplication() {
        String app = open("ADVERTISING");

        assertThatThrownBy(() -> service.checklist(BORA, app)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void art8_4_foreignInvoiceOver20000UsdWithoutApproval_shouldFlagCounsellorApproval() {
        // GIVEN a German invoice of 20,000.01 USD, not endorsed
        String app = open("ADVERTISING");
        Document invoice = upload(app, doc("INVOICE", null, null, null, "DE", "20000.01", null, null));
        accept(invoice);

        // WHEN
        Line line = line(service.checklist(ALICE, app), "INVOICE");

        // THEN
        assertThat(line.status()).isEqualTo(LineStatus.ACTION_NEEDED);
        assertThat(line.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Finding.COUNSELLOR_APPROVAL_MISSING);
            assertThat(f.article()).isEqualTo("Art. 8(4)");
            assertThat(f.documentId()).isEqualTo(invoice.id());
            assertThat(f.messageEn()).contains("commercial counsellor", "DE");
            assertThat(f.messageTr()).contains("Ticaret Müşavirliği");
            // plain language: the document by its name in each language, not by its code
            assertThat(f.messageTr()).contains("Fatura").doesNotContain("INVOICE");
            assertThat(f.messageEn()).contains("Invoice").doesNotContain("INVOICE");
        });
        assertThat(line.nextStep().tr()).contains("Md. 8(4)");
    }

    @Test
    void art8_4_exactly20000UsdOrElectronicallyVerifiableOrApproved_shouldNeedNothingMore() {
        String app = open("ADVERTISING");
        accept(upload(app, doc("INVOICE", null, null, true, "DE", "20000", null, null)));
        accept(upload(app, doc("CONTRACT", null, null, true, "US", "90000", true, null)));
        accept(upload(app, doc("MEDIA_PLAN", null, null, true, "FR", "90000", null, true)));

        Checklist checklist = service.checklist(ALICE, app);

        assertThat(checklist.entries()).allSatisfy(l -> assertThat(l.findings()).isEmpty());
        assertThat(line(checklist, "CONTRACT").status()).isEqualTo(LineStatus.SATISFIED);
    }

    @Test
    void art8_4_foreignInvoiceWithoutAmountOrOriginUndeclared_shouldAskForTheDeclaration() {
        String app = open("ADVERTISING");
        accept(upload(app, doc("INVOICE", null, null, true, null, null, null, null)));
        accept(upload(app, doc("PAYMENT_DOC")));

        Checklist checklist = service.checklist(ALICE, app);

        assertThat(line(checklist, "INVOICE").findings()).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(Finding.DECLARATION_MISSING, "amountUsd"));
        assertThat(line(checklist, "PAYMENT_DOC").findings()).extracting(Finding::field)
                .containsExactly("issuedAbroad");
        assertThat(checklist.status()).isEqualTo(Checklist.Status.INCOMPLETE);
    }

    @Test
    void art4_4_registrationCertificate_shouldAlwaysNeedCounsellorApproval() {
        String app = open("PRODUCT_REGISTRATION");
        accept(upload(app, doc("REGISTRATION_CERT")));
        accept(upload(app, doc("INVOICE", null, null, false, "TR", "500", null, null)));

        Checklist checklist = service.checklist(ALICE, app);

        assertThat(line(checklist, "REGISTRATION_CERT").findings()).extracting(Finding::code, Finding::article)
                .containsExactly(tuple(Finding.COUNSELLOR_APPROVAL_MISSING, "Art. 4(4)"));
        assertThat(line(checklist, "INVOICE").findings()).as("issued in Türkiye").isEmpty();
    }

    @Test
    void art5_4_brandCertificateApproved_shouldBeSatisfied() {
        String app = open("BRAND_REGISTRATION_PROTECTION");
        accept(upload(app, doc("REGISTRATION_CERT", LocalDate.of(2025, 6, 1), null, true, "US", null, null, true)));

        assertThat(line(service.checklist(ALICE, app), "REGISTRATION_CERT").status())
                .isEqualTo(LineStatus.SATISFIED);
    }

    @Test
    void art9_3_foreignLeaseWithoutApproval_shouldFlagCounsellorApproval() {
        String app = open("FOREIGN_OFFICE");
        accept(upload(app, doc("LEASE", null, null, null, "DE", null, null, false)));

        assertThat(line(service.checklist(ALICE, app), "LEASE").findings())
                .extracting(Finding::code, Finding::article)
                .containsExactly(tuple(Finding.COUNSELLOR_APPROVAL_MISSING, "Art. 9(3)"));
    }

    @Test
    void art6_2_reportMoreThanTwoYearsOldAtPurchase_shouldBeTooOld() {
        // GIVEN a report published 2023-01-10: bought on 2025-01-10 (exactly 2 years) and on 2025-01-11
        String app = open("MARKET_REPORT");
        accept(upload(app, doc("INVOICE", LocalDate.of(2025, 1, 10), LocalDate.of(2023, 1, 10), false, null,
                null, null, null)));
        String late = open("MARKET_REPORT");
        accept(upload(late, doc("INVOICE", LocalDate.of(2025, 1, 11), LocalDate.of(2023, 1, 10), false, null,
                null, null, null)));

        // THEN the day after two years is too old, the day itself is not
        assertThat(line(service.checklist(ALICE, app), "INVOICE").findings()).isEmpty();
        assertThat(line(service.checklist(ALICE, late), "INVOICE").findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Finding.REPORT_TOO_OLD);
            assertThat(f.article()).isEqualTo("Art. 6(2)");
            assertThat(f.messageTr()).contains("2 yıldan eski");
        });
    }

    @Test
    void requestUpload_invalidMetadata_shouldPointAtEachField() {
        String app = open("MARKET_REPORT");

        assertThatThrownBy(() -> service.requestUpload(ALICE, app, doc("INVOICE", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1), true, "TR", "-1", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::pointer)
                        .containsExactlyInAnyOrder("/issuedOn", "/publishedOn", "/issuedAbroad", "/amountUsd"));
        assertThatThrownBy(() -> service.requestUpload(ALICE, app, doc("INVOICE", null, null, null, "Germany",
                "1.234", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::pointer)
                        .containsExactlyInAnyOrder("/issuingCountry", "/amountUsd"));
    }

    @Test
    void requestUpload_issuingCountryOnly_shouldStoreTheMetadataAndDeriveIssuedAbroad() {
        String app = open("ADVERTISING");

        Document stored = service.requestUpload(ALICE, app, doc("INVOICE", LocalDate.of(2025, 12, 1), null, null,
                "de", "25000.50", false, false)).document();

        assertThat(stored.metadata().issuedAbroad()).isTrue();
        assertThat(stored.metadata().issuingCountry()).isEqualTo("DE");
        assertThat(stored.metadata().amountUsd()).isEqualByComparingTo("25000.50");
        assertThat(service.get(ALICE, app).documents()).singleElement()
                .satisfies(d -> assertThat(d.metadata()).isEqualTo(stored.metadata()));
    }

    private String open(String item) {
        return service.open(ALICE, new NewApplication(item)).application().id();
    }

    private Document upload(String app, NewDocument request) {
        return service.requestUpload(ALICE, app, request).document();
    }

    private void accept(Document d) {
        repository.recordValidation(d.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf",
                "v" + versions.incrementAndGet(), d.objectKey(), facts(null), NOW));
    }

    private void duplicate(Document d, DocumentRef original) {
        repository.recordValidation(d.withValidation(DocumentStatus.DUPLICATE, List.of(), "application/pdf",
                "v" + versions.incrementAndGet(), d.objectKey(), facts(original), NOW));
    }

    private static FileFacts facts(DocumentRef duplicateOf) {
        return new FileFacts(SHA, 1, null, null, new ScanVerdict.NotScanned("no scanner"), duplicateOf);
    }

    private static NewDocument doc(String type) {
        return doc(type, null, null, null, null, null, null, null);
    }

    private static NewDocument doc(String type, LocalDate issuedOn, LocalDate publishedOn, Boolean abroad,
                                   String country, String amountUsd, Boolean electronic, Boolean approved) {
        return new NewDocument(type, type.toLowerCase() + ".pdf", "application/pdf", 45L, SHA, issuedOn,
                publishedOn, abroad, country, amountUsd == null ? null : new BigDecimal(amountUsd), electronic,
                approved);
    }

    private static Line line(Checklist checklist, String documentType) {
        return checklist.entries().stream().filter(l -> l.documentType().equals(documentType)).findFirst()
                .orElseThrow();
    }
}
