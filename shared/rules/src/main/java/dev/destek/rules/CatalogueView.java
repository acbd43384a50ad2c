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
                            List<GreenPassportBand> greenPassportBands, List<Parameter> parameters) {

    public record Item(String id, String article, String claimForm, String nameEn, String nameTr,
                       LocalDate effectiveFrom, LocalDate effectiveTo, String route, PriorStep priorStep,
                       ClaimAfter claimAfter, Applicants applicants, Filing filing, SupportPeriod supportPeriod,
                       List<String> expenseKinds, List<String> excludedExpenseKinds, List<String> bonusRules,
                       List<String> caps, List<Limit> limits, boolean quotable) { }

    /** @param leadTime ISO-8601 period before the start (null: before the start, no minimum) */
    public record PriorStep(String kind, String form, String leadTime, String rule, String article) { }

    public record ClaimAfter(String event, String article) { }

    /** Empty {@code types} / {@code sectors}: not restricted by the text. */
    public record Applicants(List<String> roles, List<String> types, List<String> sectors, String article) { }

    public record Filing(String trigger, String period, String article) { }

    public record SupportPeriod(int months, String rule, String article) { }

    public record Limit(String id, String what, String limit, String article) { }

    public record TimeRule(String id, List<String> items, String trigger, String offset, String direction,
                           String kinds, String rejection, String description, String consequence, String article,
                           LocalDate effectiveFrom, LocalDate effectiveTo) { }

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

    /** A regulation file and the articles it cites (debt offset, FX rate date, …). */
    public record Parameter(String name, String reference) { }

}
