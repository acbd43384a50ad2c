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

    /** Required prior step missing, or expense before it — Arts. 6(1), 10(1), 18(1), 21(1), 30(1), 32(1). */
    public static final String NO_PRE_APPROVAL = "NO_PRE_APPROVAL";
    /** Pre-notification missing or late — Art. 14(1). */
    public static final String NO_PRE_NOTIFICATION = "NO_PRE_NOTIFICATION";
    /** Protocol with the GD missing — Art. 13(3). */
    public static final String NO_PROTOCOL = "NO_PROTOCOL";
    /** Prior application filed too late — Arts. 21(1), 22(1), 24(1), 26(1), 27(2), 30(1), 32(1). */
    public static final String LEAD_TIME_MISSED = "LEAD_TIME_MISSED";
    /** Purchased report older than 2 years — Art. 6(2). */
    public static final String REPORT_TOO_OLD = "REPORT_TOO_OLD";
    /** Beyond the 48-month support period — Arts. 8(5), 9(10), 11(3), 12(4), 13(4), 18(3). */
    public static final String SUPPORT_PERIOD_ENDED = "SUPPORT_PERIOD_ENDED";
    /** Beyond the 36-month HİSER project period — Art. 22(3). */
    public static final String PROJECT_PERIOD_ENDED = "PROJECT_PERIOD_ENDED";
    /** Patient admitted more than 7 days after entry — Art. 13(2). */
    public static final String ADMISSION_LATE = "ADMISSION_LATE";
    /** Delegation longer than 10 days excluding travel — Art. 21(1). */
    public static final String TOO_LONG = "TOO_LONG";
    /** Too few participating beneficiaries — Arts. 21(6), 26(3). */
    public static final String MIN_PARTICIPANTS = "MIN_PARTICIPANTS";
    /** Too few quotes — Arts. 23(3), 24(2). */
    public static final String INSUFFICIENT_QUOTES = "INSUFFICIENT_QUOTES";
    /** Fair travel outside the 5-day windows — Arts. 31(2), 31(3), 32(6). */
    public static final String TRAVEL_WINDOW = "TRAVEL_WINDOW";
    /** Foreign-unit notice late — Art. 9(7)-(9). */
    public static final String NOTICE_LATE = "NOTICE_LATE";
    /** Claim period shorter than 3 months — Arts. 12(1), 17(1). */
    public static final String CLAIM_PERIOD_TOO_SHORT = "CLAIM_PERIOD_TOO_SHORT";
    /**
     * Added by this module: under interpretation A13_PERIOD_MODE THREE_MONTH_PERIODS the claim does not cover exactly
     * one of the 3-month periods counted from the first supported month — Arts. 12(1), 17(1), DOMAIN A-13.
     */
    public static final String CLAIM_PERIOD_MISMATCH = "CLAIM_PERIOD_MISMATCH";
    /** More delegations than allowed in the calendar year — Art. 21(5). */
    public static final String ANNUAL_COUNT = "ANNUAL_COUNT";
    /** Event not in EK-31B / the 2017/4 sectoral fairs list / EK-32E — Arts. 31(1), 32(1). */
    public static final String EVENT_NOT_LISTED = "EVENT_NOT_LISTED";

    /**
     * Added by this module (no Appendix B code fits): the brand is not registered where the programme requires —
     * in Türkiye, or in a Madrid-System country by the beneficiary or an organically linked company (Decree 2564
     * application conditions, S0 P§04).
     */
    public static final String BRAND_NOT_REGISTERED = "BRAND_NOT_REGISTERED";

    /** A support-amount cap is exhausted by earlier support (DOMAIN Appendix B; the deck's YLDA caps, P§06). */
    public static final String CAP_REACHED = "CAP_REACHED";
    /** An agency invoice does not identify the activity claimed — Art. 11(2). */
    public static final String INVOICE_NOT_LINKABLE = "INVOICE_NOT_LINKABLE";
    /** The app/game is not marketed in the applicant's own name, or it has no account on the platform — Art. 17(2). */
    public static final String NOT_OWN_ACCOUNT = "NOT_OWN_ACCOUNT";
    /** Counsellor endorsement absent or not in the required form — Arts. 4(4), 5(4), 8(4), 9(3), 36(5). */
    public static final String DOC_APPROVAL_MISSING = "DOC_APPROVAL_MISSING";
    /**
     * A payment made outside the banking system where Art. 36(5) does not allow it (not a configured country without
     * international-standard banking). Not in DOMAIN Appendix B, whose codes name no payment-channel outcome.
     */
    public static final String NON_BANK_PAYMENT = "NON_BANK_PAYMENT";

    private RejectionCodes() {
    }
}
