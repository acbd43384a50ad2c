package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.document.DocumentRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against dynalite, which evaluates conditions on missing items faithfully (design/emulators.md). */
@ExtendWith(DynaliteExtension.class)
class DynamoDuplicateIndexTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private DynamoTable table;
    private DynamoDuplicateIndex index;

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        index = new DynamoDuplicateIndex(table::client, table.tableName(), CLOCK);
    }

    @Test
    void claim_firstForTheBytes_shouldWinAndWriteTheDocumentedItem() {
        // WHEN
        Optional<DocumentRef> holder = index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // THEN
        assertThat(holder).isEmpty();
        var item = table.client().getItem(r -> r.tableName(table.tableName())
                .key(ApplicationItemMapper.key("COMPANY#acme", "SHA256#" + SHA)).consistentRead(true)).item();
        assertThat(item).containsEntry("entity", AttributeValue.fromS("FINGERPRINT"))
                .containsEntry("applicationId", AttributeValue.fromS("app-1"))
                .containsEntry("id", AttributeValue.fromS("doc-1"))
                .containsEntry("claimedAt", AttributeValue.fromS("2026-03-01T09:00:00Z"));
    }

    @Test
    void claim_sameClaimantAgain_shouldNotBeADuplicate() {
        // GIVEN
        index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // WHEN a replayed event claims again
        Optional<DocumentRef> holder = index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // THEN
        assertThat(holder).isEmpty();
    }

    @Test
    void claim_anotherDocumentOfTheCompany_shouldAnswerTheFirstAndLeaveItUnchanged() {
        // GIVEN
        index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // WHEN the same bytes come as another document, even with the same document id in another application
        Optional<DocumentRef> other = index.claim("acme", SHA, new DocumentRef("app-2", "doc-9"));
        Optional<DocumentRef> sameIdOtherApp = index.claim("acme", SHA, new DocumentRef("app-2", "doc-1"));

        // THEN both are linked to the first, which still holds the claim
        assertThat(other).contains(new DocumentRef("app-1", "doc-1"));
        assertThat(sameIdOtherApp).contains(new DocumentRef("app-1", "doc-1"));
        assertThat(index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"))).isEmpty();
    }

    @Test
    void reassign_fromTheCurrentHolder_shouldHandTheClaimOn() {
        // GIVEN
        index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // WHEN
        boolean moved = index.reassign("acme", SHA, new DocumentRef("app-1", "doc-1"),
                new DocumentRef("app-2", "doc-2"));

        // THEN the new holder is the one a later claim is linked to
        assertThat(moved).isTrue();
        assertThat(index.claim("acme", SHA, new DocumentRef("app-3", "doc-3")))
                .contains(new DocumentRef("app-2", "doc-2"));
    }

    @Test
    void reassign_fromADocumentThatNoLongerHoldsIt_shouldChangeNothing() {
        // GIVEN a claim already handed on to doc-2
        index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));
        index.reassign("acme", SHA, new DocumentRef("app-1", "doc-1"), new DocumentRef("app-2", "doc-2"));

        // WHEN a slower upload also believes doc-1 is stale, and another targets bytes nobody claimed
        boolean late = index.reassign("acme", SHA, new DocumentRef("app-1", "doc-1"), new DocumentRef("app-3", "x"));
        boolean missing = index.reassign("acme", "00", new DocumentRef("app-1", "doc-1"),
                new DocumentRef("app-3", "x"));

        // THEN neither moves anything, and no item is created for the unclaimed bytes
        assertThat(late).isFalse();
        assertThat(missing).isFalse();
        assertThat(index.claim("acme", SHA, new DocumentRef("app-9", "doc-9")))
                .contains(new DocumentRef("app-2", "doc-2"));
        assertThat(table.client().getItem(r -> r.tableName(table.tableName())
                .key(ApplicationItemMapper.key("COMPANY#acme", "SHA256#00")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void claim_sameBytesFromAnotherCompany_shouldNotBeADuplicate() {
        // GIVEN
        index.claim("acme", SHA, new DocumentRef("app-1", "doc-1"));

        // WHEN / THEN companies never see each other's files
        assertThat(index.claim("globex", SHA, new DocumentRef("app-7", "doc-7"))).isEmpty();
    }

    @Test
    void claim_concurrentClaimsOfTheSameBytes_shouldHaveExactlyOneWinner() throws Exception {
        // GIVEN eight documents racing for the same bytes
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<DocumentRef>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                DocumentRef claimant = new DocumentRef("app-1", "doc-" + i);
                Callable<Optional<DocumentRef>> claim = () -> index.claim("acme", SHA, claimant);
                results.add(pool.submit(claim));
            }

            // WHEN
            List<Optional<DocumentRef>> answers = new ArrayList<>();
            for (Future<Optional<DocumentRef>> result : results) {
                answers.add(result.get());
            }

            // THEN one won, and every loser names that same winner
            assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(1);
            int winner = answers.indexOf(Optional.empty());
            assertThat(answers.stream().filter(Optional::isPresent).map(Optional::get).distinct())
                    .containsExactly(new DocumentRef("app-1", "doc-" + winner));
        } finally {
            pool.shutdownNow();
        }
    }
}
