package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public, machine-readable rules catalogue (GET /v1/catalogue): items with their forms, routes, prior steps,
 * applicants, filing periods, caps and limits; every time rule; the bonus rules; the green-passport bands. Each
 * entry names its article and effective period.
 */
public record CatalogueView(String version, String programme, String configurationSource,
                            List<Item> supportItems, List<TimeRule> timeRules, List<Cap> caps, List<Bonus> bonuses,
                            List<GreenPassportBand> greenPassportBands, List<Parameter> parameters,
                            List<Programme> programmes, List<Interpretation> interpretations,
                            List<Authority> competentAuthority) {

    /** The circular's catalogue alone (the deck's programmes are added by {@link #withProgrammes}). */
    public CatalogueView(String version, String programme, String configurationSource,
                         List<Item> supportItems, List<TimeRule> timeRules, List<Cap> caps, List<Bonus> bonuses,
                         List<GreenPassportBand> greenPassportBands, List<Parameter> parameters,
                         List<Authority> competentAuthority) {
        this(version, programme, configurationSource, supportItems, timeRules, caps, bonuses, greenPassportBands,
                parameters, List.of(), List.of(), competentAuthority);
    }

    /**
     * The General Directorate that decides claims in a period (DOMAIN A-04: deployment configuration
     * {@code competentAuthority}); {@code source} says whether the defaults or the override file set it.
     */
    public record Authority(String nameTr, String nameEn, LocalDate effectiveFrom, LocalDate effectiveTo,
                            String note, String source) { }

    public CatalogueView withProgrammes(List<Programme> deckProgrammes, List<Interpretation> switches) {
        return new CatalogueView(version, programme, configurationSource, supportItems, timeRules, caps, bonuses,
                greenPassportBands, parameters, List.copyOf(deckProgrammes), List.copyOf(switches), competentAuthority);
    }

    /**
     * @param route          where the claim is filed under the readings in force (DOMAIN ): KEP_RB, DP_GD,
     *                       GD, or RB (the reviewing body, channel not stated)
     * @param acceptedRoutes the routes a filing is accepted by, {@code route} first (A-01: DP_GD filings of
     *                       COMPETITION_EVENT are accepted and forwarded)
     */
    public record Item(String id, String article, String claimForm, String nameEn, String nameTr,
                       LocalDate effectiveFrom, LocalDate effectiveTo, String route, List<String> acceptedRoutes,
                       PriorStep priorStep,
                       ClaimAfter claimAfter, Applicants applicants, Filing filing, SupportPeriod supportPeriod,
                       List<String> expenseKinds, List<String> excludedExpenseKinds, List<String> bonusRules,
                       List<String> caps, List<Limit> limits, boolean quotable) { }

    /** @param leadTime ISO-8601 period before the start (null: before the start, no minimum) */
    /** @param route where the prior step is filed (A-55 for EK-21); null where the catalogue does not model it */
    public record PriorStep(String kind, String form, String leadTime, String rule, String article, String route) { }

    public record ClaimAfter(String event, String article) { }

    /** Empty {@code types} / {@code sectors}: not restricted by the text. */
    public record Applicants(List<String> roles, List<String> types, List<String> sectors, String article) { }

    public record Filing(String trigger, String period, String article) { }

    public record SupportPeriod(int months, String rule, String article) { }

    public record Limit(String id, String what, String limit, String article) { }

    /**
     * @param programme a deck programme the rule belongs to (T55–T57: DECREE_2564), else null
     * @param scale     how the period grows with a stated count, e.g. {@code + P5Y x TARGET_MARKETS (0..)}; else null
     */
    public record TimeRule(String id, List<String> items, String trigger, String offset, String direction,
                           String kinds, String rejection, String description, String consequence, String article,
                           LocalDate effectiveFrom, LocalDate effectiveTo, String programme, String scale) { }

    /** @param basis EXPENSE_BASE (quantity caps, before the rate) or SUPPORT_AMOUNT (after the rate) */
    public record Cap(String id, String item, String type, List<String> kinds,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String unit, String basis,
                      String scope, String article, LocalDate effectiveFrom, LocalDate effectiveTo) { }

    public record Bonus(String id, List<String> items, List<String> kinds,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal points, String condition,
                        String article, LocalDate effectiveFrom, LocalDate effectiveTo) { }

    public record GreenPassportBand(int passports,
                                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minInclusive,
                                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minExclusive,
                                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxInclusive,
                                    String source, LocalDate effectiveFrom) { }

    /**
     * A programme of the 2024 deck (S0): Decree 5448, 2564, 5447, 5449 or 2014/10, quotable with
     * {@code programme = id}. {@code currency} is the currency of its quotes; {@code currencySource} says whether the
     * deck prints it (P§06: TL caps) or deployment configuration sets it.
     */
    public record Programme(String id, String nameEn, String nameTr, String article, String currency,
                            String currencySource, LocalDate effectiveFrom, LocalDate effectiveTo,
                            List<ProgrammeItem> items, List<EligibilityRule> eligibility) { }

    /**
     * A condition on the applicant beyond role and sector (P§04 application conditions, P§05 E-TURQUALITY®
     * membership, P§06 cooperation organisation). {@code roles}/{@code groups} empty: every applicant / item;
     * {@code parameters}: the printed thresholds and lists the test uses.
     */
    public record EligibilityRule(String id, String test, String rejection, String description, List<String> roles,
                                  List<String> groups, java.util.Map<String, String> parameters, String article,
                                  LocalDate effectiveFrom, LocalDate effectiveTo) { }

    /**
     * One item of a deck programme as printed. {@code printedRateMin}/{@code Max}: the printed rate or range (null:
     * none printed); {@code rate} the rate a quote uses today (null when it has none: not quotable), with
     * {@code rateSource} (the deck, or the configuration key and whether it is the shipped default).
     */
    public record ProgrammeItem(String id, String group, String nameTr, String nameEn, String article,
                                LocalDate effectiveFrom, LocalDate effectiveTo,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal printedRateMin,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal printedRateMax,
                                List<RateStep> rateSteps,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, String rateSource,
                                List<ProgrammeCap> caps, List<String> sectors, List<String> roles,
                                boolean quotable) { }

    /** A rate by the year of the network's support ({@code toYear} null: every later year). */
    public record RateStep(String id, int fromYear, Integer toYear,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, String article) { }

    /**
     * A printed cap: an amount ({@code unit} = currency, basis SUPPORT_AMOUNT, over {@code period}) or a count
     * ({@code unit} = persons, basis EXPENSE_BASE). {@code subtype}: the activity subtype it applies to, if any.
     */
    public record ProgrammeCap(String id, String subtype,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String unit,
                               String basis, String period, String article, LocalDate effectiveFrom,
                               LocalDate effectiveTo) { }

    /** A switchable reading of unclear text: options, the default (and why), and the one in force. */
    public record Interpretation(String id, String article, String question, java.util.Map<String, String> options,
                                 String defaultOption, String why, String selected, String source) { }

    /** A regulation file and the articles it cites (debt offset, FX rate date, …). */
    public record Parameter(String name, String reference) { }

}
