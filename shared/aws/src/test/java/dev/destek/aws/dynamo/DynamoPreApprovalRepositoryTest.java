package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.claim.ClaimRepository;
import dev.destek.claim.PreApproval;
import dev.destek.claim.PreApprovalEvent;
import dev.destek.tenancy.Role;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pre-approval events against dynalite: written once per version, listed per company and application. */
@ExtendWith(DynaliteExtension.class)
class DynamoPreApprovalRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private DynamoPreApprovalRepository store;

    @BeforeEach
    void setUp(DynamoTable table) {
        store = new DynamoPreApprovalRepository(table::client, table.tableName());
    }

    @Test
    void decision_shouldBeReadBackExactly_andASecondDecisionAtTheSameVersionRefused() {
        PreApproval requested = preApproval("P1", "ACME", "APP1", PreApproval.State.REQUESTED, 1, null);
        PreApproval approved = preApproval("P1", "ACME", "APP1", PreApproval.State.APPROVED, 2,
                LocalDate.parse("2026-03-05"));
        store.append(event(null, requested, "REQUESTED"));
        store.append(event(requested, approved, "DECIDED"));

        assertThatThrownBy(() -> store.append(event(requested, preApproval("P1", "ACME", "APP1",
                PreApproval.State.REJECTED, 2, LocalDate.parse("2026-03-05")), "DECIDED")))
                .isInstanceOf(ClaimRepository.VersionConflictException.class);
        assertThat(store.find("P1")).contains(approved);
        assertThat(store.ofApplication("ACME", "APP1")).containsExactly(approved);
        assertThat(store.events("ACME", "APP1")).extracting(PreApprovalEvent::action)
                .containsExactly("REQUESTED", "DECIDED");
        assertThat(store.events("OTHER", "APP1")).isEmpty();
        assertThat(store.events("ACME", "APP2")).isEmpty();
    }

    private static PreApproval preApproval(String id, String company, String app, PreApproval.State state,
                                           long version, LocalDate decided) {
        return new PreApproval(id, company, app, PreApproval.Kind.PRE_APPROVAL, state, version,
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-04-01"), null, decided,
                decided == null ? null : "rita", null, T0, T0.plusSeconds(version));
    }

    private static PreApprovalEvent event(PreApproval before, PreApproval after, String action) {
        return new PreApprovalEvent(after.id(), after.companyId(), after.applicationId(), after.version(), action,
                "rita", Role.REVIEWER, after.updatedAt(), null, before, after);
    }
}
