package dev.destek.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.application.ApplicationService;
import dev.destek.application.Checklist;
import dev.destek.application.Checklist.Line;
import dev.destek.application.Checklist.LineStatus;
import dev.destek.application.NewApplication;
import dev.destek.application.NewDocument;
import dev.destek.document.Document;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.ScanVerdict;
import dev.destek.document.UploadSigner;
import dev.destek.problem.ProblemException;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import dev.destek.testsupport.InMemoryApplicationRepository;
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

/**
 * Art. 34(6): basic information and documents (EK-3) are sent once, with the first support application, and
 * renewed when outdated; every later application reuses them (DOMAIN §6.2 D10). Today is 2026-01-15.
 */
class Art34_6_CompanyVaultTest {
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
            () -> RULES, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + String.format("%03d", ids.incrementAndGet()),
            Duration.ofMinutes(15),
            new dev.destek.testsupport.InMemoryReminderStore(), dev.destek.reminder.ReminderSettings.DEFAULTS);

    @Test
    void art34_6_ek3OnFileAndValid_shouldSatisfyEveryApplicationWithoutSendingItAgain() {
        // GIVEN an EK-3 accepted into company A's vault, valid until the end of 2026
        Document ek3 = accept(vaultUpload(ALICE, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 12, 31)));

        // WHEN two applications of different items are judged
        Line advertising = line(service.checklist(ALICE, open(ALICE, "ADVERTISING")), "EK_3");
        Line market = line(service.checklist(ALICE, open(ALICE, "MARKET_REPORT")), "EK_3");

        // THEN both take it from the vault, with the article, and ask for nothing
        for (Line line : List.of(advertising, market)) {
            assertThat(line.status()).isEqualTo(LineStatus.SATISFIED);
            assertThat(line.article()).isEqualTo("Art. 34(6)");
            assertThat(line.documents()).singleElement().satisfies(e -> {
                assertThat(e.fromVault()).isTrue();
                assertThat(e.counts()).isTrue();
                assertThat(e.documentId()).isEqualTo(ek3.id());
            });
        }
    }

    @Test
    void art34_6_ek3ExpiredYesterday_shouldBeAskedAgainAsAnActionWithTheExpiryDate() {
        // GIVEN an EK-3 valid until 2026-01-14, the day before today
        accept(vaultUpload(ALICE, LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 14)));

        // WHEN
        Checklist checklist = service.checklist(ALICE, open(ALICE, "ADVERTISING"));

        // THEN it must be renewed, and the application cannot be complete
        Line line = line(checklist, "EK_3");
        assertThat(line.status()).isEqualTo(LineStatus.ACTION_NEEDED);
        assertThat(line.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Checklist.Finding.VAULT_DOCUMENT_EXPIRED);
            assertThat(f.messageEn()).contains("2026-01-14", "Art. 34(6)");
            assertThat(f.messageTr()).contains("2026-01-14", "Md. 34(6)");
        });
        assertThat(checklist.missing()).extracting(Checklist.Missing::documentType).contains("EK_3");
    }

    @Test
    void art34_6_ek3ValidUntilToday_shouldStillCount() {
        accept(vaultUpload(ALICE, LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 15)));

        assertThat(line(service.checklist(ALICE, open(ALICE, "ADVERTISING")), "EK_3").status())
                .isEqualTo(LineStatus.SATISFIED);
    }

    @Test
    void art34_6_replacedEk3_shouldUseTheNewestAndMarkTheOlderReplaced() {
        // GIVEN an expired EK-3, then its accepted replacement, then a newer one still pending upload
        Document old = accept(vaultUpload(ALICE, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
        Document renewed = accept(vaultUpload(ALICE, LocalDate.of(2026, 1, 10), null));
        Document pending = vaultUpload(ALICE, LocalDate.of(2026, 1, 12), null);

        // WHEN / THEN the accepted renewal is on file until the pending one is accepted
        assertThat(service.vault(ALICE).items()).extracting(e -> e.document().id(), CompanyVault.Entry::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pending.id(), CompanyVault.State.PENDING_UPLOAD),
                        org.assertj.core.groups.Tuple.tuple(renewed.id(), CompanyVault.State.CURRENT),
                        org.assertj.core.groups.Tuple.tuple(old.id(), CompanyVault.State.REPLACED));
        assertThat(line(service.checklist(ALICE, open(ALICE, "ADVERTISING")), "EK_3").documents())
                .extracting(Checklist.Evidence::documentId).containsExactly(renewed.id());
    }

    @Test
    void art34_6_nothingOnFile_shouldAskToPutItInTheVaultOnce() {
        Line line = line(service.checklist(ALICE, open(ALICE, "ADVERTISING")), "EK_3");

        assertThat(line.status()).isEqualTo(LineStatus.MISSING);
        assertThat(line.required()).isTrue();
        assertThat(line.nextStep().en()).contains("once", "vault", "Art. 34(6)");
        assertThat(line.nextStep().tr()).contains("Bir kez", "belge kasanıza", "Md. 34(6)");
    }

    @Test
    void art34_6_anotherCompanysVault_shouldNeitherShowNorCount() {
        // GIVEN company A's EK-3 on file
        accept(vaultUpload(ALICE, LocalDate.of(2025, 6, 1), null));

        // WHEN / THEN company B sees an empty vault and is still asked for its own
        assertThat(service.vault(BORA).items()).isEmpty();
        assertThat(line(service.checklist(BORA, open(BORA, "ADVERTISING")), "EK_3").status())
                .isEqualTo(LineStatus.MISSING);
    }

    @Test
    void vaultUpload_documentTypeNotKeptOnFileOrNoIssueDate_shouldBeRefusedWithPointers() {
        assertThatThrownBy(() -> service.requestVaultUpload(ALICE, request("INVOICE", LocalDate.of(2025, 6, 1), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(f -> f.pointer()).containsExactly("/documentType"));
        assertThatThrownBy(() -> service.requestVaultUpload(ALICE, request("EK_3", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(f -> f.pointer()).containsExactly("/issuedOn"));
        assertThatThrownBy(() -> service.requestVaultUpload(ALICE, request("EK_3", LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 5, 1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(f -> f.pointer()).containsExactly("/validUntil"));
    }

    private Document vaultUpload(Caller caller, LocalDate issuedOn, LocalDate validUntil) {
        return service.requestVaultUpload(caller, request("EK_3", issuedOn, validUntil)).document();
    }

    private static NewDocument request(String type, LocalDate issuedOn, LocalDate validUntil) {
        return new NewDocument(type, "ek3.pdf", "application/pdf", 45L, SHA, issuedOn, null, null, null, null, null,
                null, validUntil);
    }

    private Document accept(Document d) {
        Document accepted = d.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf",
                "v-" + d.id(), d.objectKey(), new FileFacts(SHA, 1, null, null, new ScanVerdict.NotScanned("none"),
                        null), NOW);
        repository.recordValidation(accepted);
        return accepted;
    }

    private String open(Caller caller, String item) {
        return service.open(caller, new NewApplication(item)).application().id();
    }

    private static Line line(Checklist checklist, String documentType) {
        return checklist.entries().stream().filter(l -> l.documentType().equals(documentType)).findFirst()
                .orElseThrow();
    }
}
