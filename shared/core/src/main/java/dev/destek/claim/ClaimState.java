package dev.destek.claim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a claim (issue 6). The allowed moves are data, not scattered {@code if}s, so the API can name them
 * when it refuses one: DRAFT → SUBMITTED → UNDER_REVIEW → (RETURNED_FOR_CORRECTION ↔ SUBMITTED) →
 * APPROVED | PARTIALLY_APPROVED | REJECTED → PAYMENT_ORDERED → PAID. Art. 35: payment only after the review.
 */
public enum ClaimState {
    DRAFT, SUBMITTED, UNDER_REVIEW, RETURNED_FOR_CORRECTION, APPROVED, PARTIALLY_APPROVED, REJECTED, PAYMENT_ORDERED,
    PAID;

    private static final Map<ClaimState, Set<ClaimState>> NEXT = new EnumMap<>(ClaimState.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED));
        NEXT.put(SUBMITTED, EnumSet.of(UNDER_REVIEW));
        NEXT.put(UNDER_REVIEW, EnumSet.of(RETURNED_FOR_CORRECTION, APPROVED, PARTIALLY_APPROVED, REJECTED));
        NEXT.put(RETURNED_FOR_CORRECTION, EnumSet.of(SUBMITTED));
        NEXT.put(APPROVED, EnumSet.of(PAYMENT_ORDERED));
        NEXT.put(PARTIALLY_APPROVED, EnumSet.of(PAYMENT_ORDERED));
        NEXT.put(REJECTED, EnumSet.noneOf(ClaimState.class));
        NEXT.put(PAYMENT_ORDERED, EnumSet.of(PAID));
        NEXT.put(PAID, EnumSet.noneOf(ClaimState.class));
    }

    /** The states this one may move to. */
    public Set<ClaimState> allowedNext() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    public boolean canMoveTo(ClaimState next) {
        return NEXT.get(this).contains(next);
    }

    /** The applicant may change the lines only while the claim is in their hands. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED_FOR_CORRECTION;
    }

    /** States that wait for a reviewer: the reviewer queue lists these. */
    public boolean isInReviewQueue() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
