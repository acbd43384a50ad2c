package dev.destek.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.application.Checklist.Line;
import dev.destek.application.Checklist.LineStatus;
import dev.destek.document.Document;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.ScanVerdict;
import dev.destek.document.UploadSigner;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import dev.destek.testsupport.InMemoryApplicationRepository;
import dev.destek.vault.CompanyVault;
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

/** Correcting what was declared about a document, and the checklist judging the corrected facts. */
class MetadataCorrectionTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final String SHA = "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff";
    private static final Caller ALICE = new Caller("alice", "COMPANY_A", Set.of(Role.APPLICANT));
    private static final Caller BORA = new Caller("bora", "COMPANY_B", Set.of(Role.APPLICANT));
    private static final Rules RULES = Rules.load(Map.of());

    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final AtomicInteger ids = new AtomicInteger();
    private final ApplicationService service = new ApplicationService(repository,
            spec -> new UploadSigner.PresignedUpload("https://s3.example/" + spec.key(), "PUT", Map.of(),
                    NOW.plus(spec.ttl())),
            () -> RULES, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + ids.incrementAndGet(), Duration.ofMinutes(15),
            new dev.destek.testsupport.InMemoryReminderStore(), dev.destek.reminder.ReminderSettings.DEFAULTS);

    @Test
    void art8_4_counsellorApprovalDeclaredAfterwards_shouldClearTheFindingWithoutANewUpload() {
        // GIVEN an accepted German invoice of 25,000 USD, declared without the counsellor's approval
        String app = open();
        Document invoice = accept(upload(app, "INVOICE", new DocumentMetadata(LocalDate.of(2025, 11, 3), null,
                null, "DE", new BigDecimal("25000"), false, false)));
        assertThat(line(app, "INVOICE").status()).isEqualTo(LineStatus.ACTION_NEEDED);

        // WHEN the applicant corrects the declaration: the invoice was endorsed
        Document corrected = service.correctMetadata(ALICE, app, invoice.id(), new DocumentMetadata(
                LocalDate.of(2025, 11, 3), null, null, "de", new BigDecimal("25000"), false, true));

        // THEN the checklist judges the corrected facts; the validation outcome is untouched
        assertThat(corrected.metadata().counsellorApproved()).isTrue();
        assertThat(corrected.metadata().issuingCountry()).isEqualTo("DE");
        assertThat(corrected.metadata().issuedAbroad()).isTrue();
        assertThat(line(app, "INVOICE").status()).isEqualTo(LineStatus.SATISFIED);
        Document stored = repository.findDocument("COMPANY_A", app, invoice.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(stored.validatedVersion()).isEqualTo(invoice.validatedVersion());
        assertThat(stored.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void art8_4_amountCorrectedAboveTheThreshold_shouldRaiseTheFinding() {
        String app = open();
        Document invoice = accept(upload(app, "INVOICE", new DocumentMetadata(null, null, true, "DE",
                new BigDecimal("20000"), false, false)));
        assertThat(line(app, "INVOICE").status()).isEqualTo(LineStatus.SATISFIED);

        service.correctMetadata(ALICE, app, invoice.id(), new DocumentMetadata(null, null, true, "DE",
                new BigDecimal("20000.01"), false, false));

        assertThat(line(app, "INVOICE").findings()).extracting(Checklist.Finding::code)
                .containsExactly(Checklist.Finding.COUNSELLOR_APPROVAL_MISSING);
    }

    @Test
    void correctMetadata_anotherCompanysDocument_shouldBeNotFoundAndChangeNothing() {
        // GIVEN company A's invoice
        String app = open();
        Document invoice = upload(app, "INVOICE", DocumentMetadata.NONE);
        DocumentMetadata forged = new DocumentMetadata(null, null, false, "TR", null, null, true);

        // WHEN / THEN company B cannot tell it exists, through the application or the vault
        assertThatThrownBy(() -> service.correctMetadata(BORA, app, invoice.id(), forged))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> service.correctMetadata(BORA, CompanyVault.APPLICATION_ID, invoice.id(), forged))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(repository.findDocument("COMPANY_A", app, invoice.id()).orElseThrow().metadata())
                .isEqualTo(DocumentMetadata.NONE);
    }

    @Test
    void correctMetadata_impossibleFacts_shouldBeRefusedWithPointers() {
        String app = open();
        Document invoice = upload(app, "INVOICE", DocumentMetadata.NONE);

        assertThatThrownBy(() -> service.correctMetadata(ALICE, app, invoice.id(), new DocumentMetadata(
                LocalDate.of(2099, 1, 1), null, false, "DE", new BigDecimal("-1"), null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(f -> f.pointer()).containsExactlyInAnyOrder("/issuedOn", "/issuedAbroad",
                                "/amountUsd"));
    }

    @Test
    void art34_6_vaultDocumentsExpiryCorrected_shouldBeOnFileAgain() {
        // GIVEN an EK-3 on file, declared as expired yesterday by mistake
        Document ek3 = accept(service.requestVaultUpload(ALICE, new NewDocument("EK_3", "ek3.pdf",
                "application/pdf", 45L, SHA, LocalDate.of(2025, 6, 1), null, null, null, null, null, null,
                LocalDate.of(2026, 1, 14))).document());
        String app = open();
        assertThat(line(app, "EK_3").status()).isEqualTo(LineStatus.ACTION_NEEDED);

        // WHEN its validity is corrected
        service.correctMetadata(ALICE, CompanyVault.APPLICATION_ID, ek3.id(), new DocumentMetadata(
                LocalDate.of(2025, 6, 1), null, null, null, null, null, null, LocalDate.of(2026, 5, 31)));

        // THEN
        assertThat(line(app, "EK_3").status()).isEqualTo(LineStatus.SATISFIED);
    }

    private String open() {
        return service.open(ALICE, new NewApplication("ADVERTISING")).application().id();
    }

    private Document upload(String app, String type, DocumentMetadata m) {
        return service.requestUpload(ALICE, app, new NewDocument(type, "f.pdf", "application/pdf", 45L, SHA,
                m.issuedOn(), m.publishedOn(), m.issuedAbroad(), m.issuingCountry(), m.amountUsd(),
                m.electronicallyVerifiable(), m.counsellorApproved())).document();
    }

    private Document accept(Document d) {
        Document accepted = d.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf", "v-" + d.id(),
                d.objectKey(), new FileFacts(SHA, 1, null, null, new ScanVerdict.NotScanned("none"), null),
                NOW.minusSeconds(60));
        repository.recordValidation(accepted);
        return accepted;
    }

    private Line line(String app, String documentType) {
        return service.checklist(ALICE, app).entries().stream().filter(l -> l.documentType().equals(documentType))
                .findFirst().orElseThrow();
    }
}
