package dev.destek.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import dev.destek.document.UploadSigner;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import dev.destek.testsupport.InMemoryApplicationRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApplicationServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final String SHA = "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff";
    private static final Caller ALICE = new Caller("alice", "COMPANY_A", Set.of(Role.APPLICANT));
    private static final Caller BORA = new Caller("bora", "COMPANY_B", Set.of(Role.APPLICANT));

    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final dev.destek.testsupport.InMemoryReminderStore reminders = new dev.destek.testsupport.InMemoryReminderStore();
    private final List<UploadSigner.UploadSpec> signed = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ApplicationService service = new ApplicationService(repository,
            spec -> {
                signed.add(spec);
                return new UploadSigner.PresignedUpload(URI.create("https://s3.example/" + spec.key()).toString(),
                        "PUT", Map.of(), NOW.plus(spec.ttl()));
            },
            () -> Rules.load(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + ids.incrementAndGet(),
            Duration.ofMinutes(15), reminders,
            dev.destek.reminder.ReminderSettings.DEFAULTS);

    @Test
    void open_advertising_shouldBeDraftWithTheChecklistOfArt8() {
        ApplicationView view = service.open(ALICE, new NewApplication("ADVERTISING"));

        assertThat(view.application().status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(view.application().companyId()).isEqualTo("COMPANY_A");
        assertThat(view.application().checklist()).extracting(e -> e.documentType()).contains("EK_8", "INVOICE");
        assertThat(view.application().checklist()).allSatisfy(e -> assertThat(e.article()).startsWith("Art."));
    }

    @Test
    void open_unknownOrMissingItem_shouldBe422PointingAtSupportItem() {
        assertThatThrownBy(() -> service.open(ALICE, new NewApplication("NOT_AN_ITEM")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().type()).isEqualTo(ProblemType.INVALID_REQUEST);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::pointer).containsExactly("/supportItem");
                });
        assertThatThrownBy(() -> service.open(ALICE, new NewApplication(null))).isInstanceOf(ProblemException.class);
    }

    @Test
    void everyRoute_otherCompany_shouldNotFindTheApplication() {
        String id = service.open(ALICE, new NewApplication("ADVERTISING")).application().id();

        assertThat(service.list(BORA)).isEmpty();
        assertThatThrownBy(() -> service.get(BORA, id)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> service.requestUpload(BORA, id, pdf(45L, SHA)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(signed).isEmpty();
    }

    @Test
    void requestUpload_validDeclaration_shouldBindSizeAndChecksumIntoTheSignature() {
        String id = service.open(ALICE, new NewApplication("ADVERTISING")).application().id();

        UploadTicket ticket = service.requestUpload(ALICE, id, pdf(45L, SHA.toUpperCase()));

        assertThat(ticket.document().status()).isEqualTo(DocumentStatus.PENDING_UPLOAD);
        assertThat(ticket.document().declaredSha256()).isEqualTo(SHA);
        assertThat(ticket.document().objectKey())
                .isEqualTo(DocumentKeys.upload("COMPANY_A", id, ticket.document().id()));
        assertThat(signed).singleElement().satisfies(spec -> {
            assertThat(spec.sizeBytes()).isEqualTo(45L);
            assertThat(spec.sha256Base64()).isEqualTo("WoOGeAWPbeN16GNbXy/qR6Tl8HyxqIKkSxDzmrxvNP8=");
            assertThat(spec.contentType()).isEqualTo("application/pdf");
            assertThat(spec.ttl()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(service.get(ALICE, id).documents()).containsExactly(ticket.document());
    }

    @Test
    void requestUpload_everythingWrong_shouldListEveryFieldAndSignNothing() {
        String id = service.open(ALICE, new NewApplication("ADVERTISING")).application().id();

        assertThatThrownBy(() -> service.requestUpload(ALICE, id,
                new NewDocument("EK_8", "../etc/passwd", "text/html", 0L, "abc")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::pointer)
                        .containsExactlyInAnyOrder("/fileName", "/contentType", "/sizeBytes", "/sha256"));
        assertThatThrownBy(() -> service.requestUpload(ALICE, id, new NewDocument("EK_4", "f.pdf",
                "application/pdf", 45L, SHA)))
                .as("EK-4 belongs to Art. 4, not to an advertising application")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::pointer).containsExactly("/documentType"));
        long tooBig = Rules.load(Map.of()).documentType("EK_8").orElseThrow().maxSizeBytes() + 1;
        assertThatThrownBy(() -> service.requestUpload(ALICE, id, pdf(tooBig, SHA)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::pointer).containsExactly("/sizeBytes"));
        assertThat(signed).isEmpty();
    }

    private static NewDocument pdf(Long size, String sha) {
        return new NewDocument("EK_8", "form.pdf", "application/pdf", size, sha);
    }
}
