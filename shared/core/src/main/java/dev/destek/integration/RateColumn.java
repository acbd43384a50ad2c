package dev.destek.integration;

import java.util.Locale;

/**
 * Which of the central bank's four TRY quotes a rate is taken from. The sources do not say (DOMAIN A-32: Decree
 * Art. 30 is not provided, the circular only names the "indicative exchange-rate table"); the default,
 * {@link #FOREX_BUYING}, is the column TCMB itself uses for its USD cross rates and the one customs and tax practice
 * call "the indicative buying rate". It is a deployment setting ({@value #ENV}) so another reading needs no code.
 */
public enum RateColumn {
    FOREX_BUYING("ForexBuying"),
    FOREX_SELLING("ForexSelling"),
    BANKNOTE_BUYING("BanknoteBuying"),
    BANKNOTE_SELLING("BanknoteSelling");

    /** The environment variable that chooses the column. */
    public static final String ENV = "TCMB_RATE_COLUMN";
    public static final RateColumn DEFAULT = FOREX_BUYING;

    private final String element;

    RateColumn(String element) {
        this.element = element;
    }

    /** The element of {@code today.xml} holding this quote. */
    public String element() {
        return element;
    }

    /** Blank = the default; anything else must name a column, so a typo fails the deployment, not a claim. */
    public static RateColumn parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " must be one of FOREX_BUYING, FOREX_SELLING, BANKNOTE_BUYING,"
                    + " BANKNOTE_SELLING; was " + value, e);
        }
    }
}
