package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.claim.Claim;
import dev.destek.claim.ClaimEvent;
import dev.destek.claim.ClaimLine;
import dev.destek.claim.ClaimRepository;
import dev.destek.claim.ClaimState;
import dev.destek.rules.QuoteRequest;
import dev.destek.tenancy.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The claims' event store against dynalite, which is faithful for conditional puts (design/emulators.md). */
@ExtendWith(DynaliteExtension.class)
class DynamoClaimRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private DynamoTable table;
    private DynamoClaimRepository claims;

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        claims = new DynamoClaimRepository(table::client, table.tableName());
    }

    @Test
    void append_thenFind_shouldReturnTheLatestClaimExactly() {
        Claim v1 = claim("C1", "ACME", "APP1", ClaimState.DRAFT, 1, "10000.50");
        Claim v2 = claim("C1", "ACME", "APP1", ClaimState.SUBMITTED, 2, "10000.50");
        claims.append(event(null, v1, ClaimEvent.Action.CREATED));
        claims.append(event(v1, v2, ClaimEvent.Action.SUBMITTED));

        Claim found = claims.find("C1").orElseThrow();

        assertThat(found).isEqualTo(v2);
        assertThat(found.lines().get(0).amount().toPlainString()).isEqualTo("10000.50");
        assertThat(claims.history("C1"))
                .extracting(ClaimEvent::version, ClaimEvent::stateBefore, ClaimEvent::stateAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, null, ClaimState.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(2L, ClaimState.DRAFT, ClaimState.SUBMITTED));
        assertThat(claims.find("NOPE")).isEmpty();
    }

    @Test
    void optimisticLock_eightWritersOfTheSameVersion_shouldLeaveExactlyOneEvent() throws Exception {
        // GIVEN a claim at version 2
        Claim v1 = claim("C1", "ACME", "APP1", ClaimState.SUBMITTED, 1, "100.00");
        claims.append(event(null, v1, ClaimEvent.Action.CREATED));
        Claim v2 = claim("C1", "ACME", "APP1", ClaimState.UNDER_REVIEW, 2, "100.00");
        claims.append(event(v1, v2, ClaimEvent.Action.REVIEW_STARTED));

        // WHEN eight reviewers write version 3 at once, each with their own amount
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Claim v3 = claim("C1", "ACME", "APP1", ClaimState.UNDER_REVIEW, 3, i + "0.00");
            results.add(pool.submit(() -> {
                start.await();
                try {
                    claims.append(event(v2, v3, ClaimEvent.Action.LINE_ADJUSTED));
                    return true;
                } catch (ClaimRepository.VersionConflictException lost) {
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> r : results) {
            won += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        // THEN exactly one won, and what is stored is that one's change, whole
        assertThat(won).isEqualTo(1);
        List<ClaimEvent> history = claims.history("C1");
        assertThat(history).hasSize(3);
        assertThat(claims.find("C1").orElseThrow()).isEqualTo(history.get(2).after());
    }

    @Test
    void append_anExistingVersion_shouldNeverOverwriteTheEvent() {
        Claim v1 = claim("C1", "ACME", "APP1", ClaimState.DRAFT, 1, "100.00");
        claims.append(event(null, v1, ClaimEvent.Action.CREATED));

        assertThatThrownBy(() -> claims.append(event(null, claim("C1", "ACME", "APP1", ClaimState.DRAFT, 1, "999.00"),
                ClaimEvent.Action.CREATED))).isInstanceOf(ClaimRepository.VersionConflictException.class);
        assertThat(claims.find("C1").orElseThrow().lines().get(0).amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void reviewQueue_shouldListOnlyClaimsWaitingForAReviewer_acrossCompanies() {
        Claim a1 = claim("CA", "ACME", "APP1", ClaimState.DRAFT, 1, "1.00");
        Claim a2 = claim("CA", "ACME", "APP1", ClaimState.SUBMITTED, 2, "1.00");
        Claim b1 = claim("CB", "BETA", "APP2", ClaimState.SUBMITTED, 1, "1.00");
        Claim b2 = claim("CB", "BETA", "APP2", ClaimState.UNDER_REVIEW, 2, "1.00");
        Claim b3 = claim("CB", "BETA", "APP2", ClaimState.APPROVED, 3, "1.00");
        Claim c1 = claim("CC", "GAMMA", "APP3", ClaimState.DRAFT, 1, "1.00");
        claims.append(event(null, a1, ClaimEvent.Action.CREATED));
        claims.append(event(a1, a2, ClaimEvent.Action.SUBMITTED));
        claims.append(event(null, b1, ClaimEvent.Action.CREATED));
        claims.append(event(b1, b2, ClaimEvent.Action.REVIEW_STARTED));
        claims.append(event(null, c1, ClaimEvent.Action.CREATED));
        assertThat(claims.reviewQueue()).extracting(ClaimRepository.QueueEntry::claimId,
                ClaimRepository.QueueEntry::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("CA", ClaimState.SUBMITTED),
                org.assertj.core.groups.Tuple.tuple("CB", ClaimState.UNDER_REVIEW));

        claims.append(event(b2, b3, ClaimEvent.Action.DECIDED));

        assertThat(claims.reviewQueue()).extracting(ClaimRepository.QueueEntry::claimId).containsExactly("CA");
    }

    @Test
    void audit_shouldBeScopedToTheCompany_andToTheApplicationWhenAsked() {
        Claim a = claim("CA", "ACME", "APP1", ClaimState.DRAFT, 1, "1.00");
        Claim a2 = claim("CA2", "ACME", "APP9", ClaimState.DRAFT, 1, "1.00");
        Claim b = claim("CB", "BETA", "APP1", ClaimState.DRAFT, 1, "1.00");
        claims.append(event(null, a, ClaimEvent.Action.CREATED));
        claims.append(event(null, a2, ClaimEvent.Action.CREATED));
        claims.append(event(null, b, ClaimEvent.Action.CREATED));

        assertThat(claims.audit("ACME", "APP1")).extracting(ClaimEvent::claimId).containsExactly("CA");
        assertThat(claims.audit("ACME", null)).extracting(ClaimEvent::claimId).containsExactlyInAnyOrder("CA", "CA2");
        assertThat(claims.audit("BETA", null)).extracting(ClaimEvent::claimId).containsExactly("CB");
    }

    @Test
    void projection_lateWriterOfAnOlderVersion_shouldNotMoveTheQueueBack() {
        Claim v1 = claim("C1", "ACME", "APP1", ClaimState.SUBMITTED, 1, "1.00");
        Claim v2 = claim("C1", "ACME", "APP1", ClaimState.UNDER_REVIEW, 2, "1.00");
        Claim v3 = claim("C1", "ACME", "APP1", ClaimState.REJECTED, 3, "1.00");
        claims.append(event(null, v1, ClaimEvent.Action.CREATED));
        claims.append(event(v1, v2, ClaimEvent.Action.REVIEW_STARTED));
        claims.append(event(v2, v3, ClaimEvent.Action.DECIDED));
        // WHEN the projection of version 2 arrives late (a slow writer)
        claims.project(v2);

        // THEN the queue row stays at version 3, out of the queue
        Map<String, AttributeValue> state = table.client().getItem(b -> b.tableName(table.tableName())
                .key(Map.of("pk", AttributeValue.builder().s("CLAIM#C1").build(),
                        "sk", AttributeValue.builder().s("STATE").build()))).item();

        assertThat(state.get("version").n()).isEqualTo("3");
        assertThat(state).doesNotContainKey("GSI1PK");
        assertThat(claims.reviewQueue()).isEmpty();
    }

    private static Claim claim(String id, String company, String app, ClaimState state, long version, String amount) {
        return new Claim(id, company, app, "DECREE_2015_8", "ADVERTISING", state, version,
                new QuoteRequest.Applicant("BENEFICIARY", "IT_COMPANY", "IT", "PROV_A"),
                new QuoteRequest.Activity(List.of("XA"), LocalDate.parse("2025-05-10"), LocalDate.parse("2025-05-20"),
                        null),
                List.of(new ClaimLine("L1", "ADVERTISING", new BigDecimal(amount), "EUR", LocalDate.parse("2025-06-02"),
                        null, null, Boolean.TRUE, null, null, null, List.of("D1", "D2"), null, null)),
                version > 1 ? T0 : null, null, null, T0, T0.plusSeconds(version));
    }

    private static ClaimEvent event(Claim before, Claim after, ClaimEvent.Action action) {
        return new ClaimEvent(after.id(), after.companyId(), after.applicationId(), after.version(), action, "rita",
                Role.REVIEWER, after.updatedAt(), before == null ? null : before.state(), after.state(), "because",
                before, after);
    }
}
