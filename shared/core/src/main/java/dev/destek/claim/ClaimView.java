package dev.destek.claim;

import dev.destek.rules.Quote;
import java.util.List;

/**
 * A claim as its reader may see it: the claim, the payout the rules compute for it now (with every stored rate, so a
 * line without one shows NEEDS_CONVERSION), and for reviewers short-lived links to the evidence.
 *
 * @param paymentStatus READY, WAITING_FOR_RATES (some line has no stored rate) or NOT_APPLICABLE (not approved)
 */
public record ClaimView(Claim claim, Quote payout, String paymentStatus, List<DocumentLink> documents) {
    public ClaimView {
        documents = List.copyOf(documents);
    }

    /** One linked document with a read link valid until {@code expiresAt}. */
    public record DocumentLink(String lineId, String documentId, String documentType, String status, String url,
                               java.time.Instant expiresAt) { }
}
