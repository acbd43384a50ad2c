package dev.destek.application;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the document rules the checklist judges (DOMAIN §6), kept here as cited constants rather
 * than in the rules catalogue: the catalogue is being reworked concurrently, and these are few and stable.
 * Move them to {@code regulation/documents/} once the catalogue can take a new parameter file.
 */
public final class DocumentRuleParameters {
    /** Art. 8(4): foreign-issued advertising documents over this amount need counsellor approval (exactly: not). */
    public static final BigDecimal COUNSELLOR_THRESHOLD_USD = new BigDecimal("20000");
    /** Art. 6(2): a purchased report is at most this old, measured at the invoice date (DOMAIN A-05). */
    public static final Period REPORT_MAX_AGE = Period.ofYears(2);
    public static final String REPORT_AGE_ARTICLE = "Art. 6(2)";
    /** Art. 6(2) applies to reports bought under Art. 6 and, through Art. 29(1), by cooperation organisations. */
    public static final Set<String> REPORT_ITEMS = Set.of("MARKET_REPORT", "COOP_MARKET_REPORT");

    /**
     * Which documents of which support item need the commercial counsellor's approval (DOMAIN §6.1 D1–D4).
     *
     * @param article         the article that asks for the approval
     * @param documentTypes   the documents it names, when issued abroad
     * @param alwaysForeign   of those, the ones that are foreign by nature (certificate, lease, unit documents)
     * @param overThresholdOnly only above {@link #COUNSELLOR_THRESHOLD_USD}, unless electronically verifiable
     */
    public record CounsellorRule(String article, Set<String> documentTypes, Set<String> alwaysForeign,
                                 boolean overThresholdOnly) { }

    private static final Set<String> ADVERTISING_DOCS =
            Set.of("INVOICE", "PAYMENT_DOC", "CONTRACT", "MEDIA_PLAN", "CAMPAIGN_REPORT");
    private static final Set<String> REGISTRATION_DOCS = Set.of("REGISTRATION_CERT", "INVOICE", "PAYMENT_DOC");
    private static final Set<String> FOREIGN_UNIT_DOCS = Set.of("LEASE", "PAYMENT_DOC", "FOREIGN_UNIT_DOCS");

    /** D1 Art. 4(4), D2 Art. 5(4), D3 Art. 8(4) (and 29(1) for coop orgs), D4 Art. 9(3) (and 29(2)). */
    public static final Map<String, CounsellorRule> COUNSELLOR_RULES = Map.of(
            "PRODUCT_REGISTRATION", new CounsellorRule("Art. 4(4)", REGISTRATION_DOCS,
                    Set.of("REGISTRATION_CERT"), false),
            "BRAND_REGISTRATION_PROTECTION", new CounsellorRule("Art. 5(4)", REGISTRATION_DOCS,
                    Set.of("REGISTRATION_CERT"), false),
            "ADVERTISING", new CounsellorRule("Art. 8(4)", ADVERTISING_DOCS, Set.of(), true),
            "COOP_ADVERTISING", new CounsellorRule("Art. 8(4), 29(1)", ADVERTISING_DOCS, Set.of(), true),
            "FOREIGN_OFFICE", new CounsellorRule("Art. 9(3)", FOREIGN_UNIT_DOCS, FOREIGN_UNIT_DOCS, false),
            "COOP_FOREIGN_OFFICE", new CounsellorRule("Art. 9(3), 29(2)", FOREIGN_UNIT_DOCS, FOREIGN_UNIT_DOCS,
                    false));

    /** Türkiye's ISO 3166-1 code: a document issued here is not "issued abroad". */
    public static final String TURKIYE = "TR";

    private DocumentRuleParameters() { }
}
