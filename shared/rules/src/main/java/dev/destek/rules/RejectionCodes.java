package dev.destek.rules;

/**
 * Rejection / outcome codes used in {@link Quote} (DOMAIN Appendix B, plus the few this module adds, marked).
 * Every rejection is reported together with the article that triggered it.
 */
public final class RejectionCodes {
    /** Applicant's sector is not listed for the item — Arts. 4(1)–11(1) … */
    public static final String SECTOR_NOT_ELIGIBLE = "SECTOR_NOT_ELIGIBLE";
    /** Wrong kind of applicant (role) for the item. */
    public static final String APPLICANT_TYPE = "APPLICANT_TYPE";
    /** Expense type excluded — Arts. 4(3), 5(3), 8(3), 12(3). */
    public static final String EXCLUDED_EXPENSE = "EXCLUDED_EXPENSE";
    /** Claim filed after the Art. 34 period — Art. 34(1)–(5). */
    public static final String DEADLINE_MISSED = "DEADLINE_MISSED";
    /** Qualitative or unresolved rule; here also: no configured base rate on the date. */
    public static final String MANUAL_REVIEW = "MANUAL_REVIEW";
    /** Added by this module: the line is not in USD and conversion (Art. 36) is not implemented yet. */
    public static final String NEEDS_CONVERSION = "NEEDS_CONVERSION";
    /** Added by this module: the support item is not in force on the expense's date. */
    public static final String NOT_IN_FORCE = "NOT_IN_FORCE";

    private RejectionCodes() {
    }
}
