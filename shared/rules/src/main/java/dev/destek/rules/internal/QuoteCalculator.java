package dev.destek.rules.internal;

import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RejectionCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a {@link Quote}. Order per line: item in force → Art. 34 filing period → excluded kinds →
 * support-amount caps → currency → eligible base → base rate (CONFIG) → Art. 33(1) bonuses → maxRate (CONFIG)
 * → support. Every step is appended to the line's trace, rejected lines included.
 *
 * <p>Money: BigDecimal throughout; amounts have at most 2 decimals on input; rates are exact decimals; the
 * only rounding is {@code support = eligibleBase × rate}, HALF_UP to 2 decimals, per line; the total is the sum
 * of the rounded lines (no rounding rule in the sources, DOMAIN A-54: house rule).
 */
public final class QuoteCalculator {
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** Art. 36(1): amounts are compared and supported in USD. */
    public static final String USD = "USD";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String CONFIG_RATE = "CONFIG (Decree 2015/8 rate, not in the sources)";

    private final Catalogue catalogue;
    private final DeploymentConfig config;

    public QuoteCalculator(Catalogue catalogue, DeploymentConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    public Quote quote(QuoteRequest request) {
        String item = validate(request);
        List<Quote.Rejection> claimRejections = eligibility(item, request);
        List<Quote.Line> lines = new ArrayList<>();
        BigDecimal total = ZERO;
        for (QuoteRequest.Expense e : request.expenses()) {
            Quote.Line line = line(item, request, e, claimRejections);
            lines.add(line);
            total = total.add(line.support());
        }
        return new Quote(new Quote.Money(total, USD), lines, claimRejections,
                catalogue.version + "; config " + config.describe());
    }

    // ---------------------------------------------------------------------------------------- structure

    private String validate(QuoteRequest r) {
        if (r == null) {
            throw new QuoteRequestException("", "request body is required");
        }
        String programme = required(r.programme(), "/programme");
        if (!programme.equals(catalogue.programme)) {
            throw new QuoteRequestException("/programme",
                    "unknown programme " + programme + " (this catalogue covers " + catalogue.programme + ")");
        }
        String item = required(r.supportItem(), "/supportItem");
        if (!catalogue.items.containsKey(item)) {
            throw new QuoteRequestException("/supportItem", "unknown support item " + item);
        }
        if (!catalogue.filingPeriods.containsKey(item) || !config.baseRates.containsKey(item)) {
            throw new QuoteRequestException("/supportItem", "no quote rules for " + item + " in catalogue "
                    + catalogue.version + " (needs an Art. 34 filing period and a configured base rate)");
        }
        if (r.applicant() == null) {
            throw new QuoteRequestException("/applicant", "applicant is required");
        }
        required(r.applicant().role(), "/applicant/role");
        required(r.applicant().sector(), "/applicant/sector");
        if (r.filingDate() == null) {
            throw new QuoteRequestException("/filingDate", "filingDate is required");
        }
        boolean bonusItem = catalogue.bonusItems.at(r.filingDate()).map(s -> s.contains(item)).orElse(false);
        List<String> countries = r.activity() == null ? null : r.activity().countries();
        if (bonusItem && (countries == null || countries.isEmpty())) {
            throw new QuoteRequestException("/activity/countries",
                    "the countries the activity is directed at are required for " + item + " (Art. 33(1),(3))");
        }
        if (countries != null) {
            for (int i = 0; i < countries.size(); i++) {
                required(countries.get(i), "/activity/countries/" + i);
            }
        }
        if (r.expenses() == null || r.expenses().isEmpty()) {
            throw new QuoteRequestException("/expenses", "at least one expense is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.expenses().size(); i++) {
            validateExpense(item, r, r.expenses().get(i), "/expenses/" + i, ids);
        }
        return item;
    }

    private void validateExpense(String item, QuoteRequest r, QuoteRequest.Expense e, String at, Set<String> ids) {
        if (e == null) {
            throw new QuoteRequestException(at, "expense is required");
        }
        String id = required(e.id(), at + "/id");
        if (!ids.add(id)) {
            throw new QuoteRequestException(at + "/id", "duplicate expense id " + id);
        }
        String kind = required(e.kind(), at + "/kind");
        if (!catalogue.expenseKinds.contains(kind)) {
            throw new QuoteRequestException(at + "/kind", "unknown expense kind " + kind);
        }
        if (e.amount() == null) {
            throw new QuoteRequestException(at + "/amount", "missing amount");
        }
        if (e.amount().signum() <= 0) {
            throw new QuoteRequestException(at + "/amount", "amount must be positive, got " + e.amount().toPlainString());
        }
        if (e.amount().stripTrailingZeros().scale() > SCALE) {
            throw new QuoteRequestException(at + "/amount",
                    "amount has more than " + SCALE + " decimals: " + e.amount().toPlainString());
        }
        String currency = required(e.currency(), at + "/currency");
        if (!isIsoCurrency(currency)) {
            throw new QuoteRequestException(at + "/currency", "unknown currency " + currency);
        }
        if (e.paymentDate() == null) {
            throw new QuoteRequestException(at + "/paymentDate", "paymentDate is required (Art. 36(4))");
        }
        Optional<Catalogue.FilingPeriod> period = catalogue.filingPeriods.get(item).at(r.filingDate());
        if (period.isPresent() && period.get().triggerFor(kind) == Catalogue.Trigger.DOCUMENT_ISSUE_DATE
                && e.documentIssueDate() == null) {
            throw new QuoteRequestException(at + "/documentIssueDate",
                    "documentIssueDate is required: for " + item + " the filing period runs from it (Art. 34(4))");
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(String value, String pointer) {
        if (value == null || value.isBlank()) {
            String name = pointer.substring(pointer.lastIndexOf('/') + 1);
            throw new QuoteRequestException(pointer, "missing " + name);
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------- claim level

    @Cites(article = "Art. 4(1), 5(1), 7(1), 8(1), 9(1)", since = "2015-06-02")
    private List<Quote.Rejection> eligibility(String item, QuoteRequest r) {
        List<Quote.Rejection> out = new ArrayList<>();
        Timeline<Catalogue.Eligibility> timeline = catalogue.eligibility.get(item);
        if (timeline == null) {
            return out;
        }
        Optional<Timeline.Entry<Catalogue.Eligibility>> e = timeline.entryAt(r.filingDate());
        if (e.isEmpty()) {
            return out;
        }
        String article = e.get().reference();
        if (!e.get().value().roles().contains(r.applicant().role())) {
            out.add(new Quote.Rejection(RejectionCodes.APPLICANT_TYPE, article));
        }
        if (!e.get().value().sectors().contains(r.applicant().sector())) {
            out.add(new Quote.Rejection(RejectionCodes.SECTOR_NOT_ELIGIBLE, article));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- line level

    private Quote.Line line(String item, QuoteRequest r, QuoteRequest.Expense e, List<Quote.Rejection> claimLevel) {
        List<Quote.Rejection> rejections = new ArrayList<>(claimLevel);
        List<Quote.TraceStep> trace = new ArrayList<>();
        BigDecimal claimed = e.amount().setScale(SCALE, ROUNDING); // exact: at most 2 decimals (validated)
        LocalDate refDate = e.paymentDate(); // list/rate versions in force on the expense date (DOMAIN A-27(d))

        if (!claimLevel.isEmpty()) {
            trace.add(step("applicant.eligibility", claimLevel.get(0).article(),
                    inputs("role", r.applicant().role(), "sector", r.applicant().sector(),
                            "filingDate", r.filingDate().toString()),
                    "REJECTED " + codes(claimLevel)));
        }
        inForce(item, e, rejections, trace);
        filingPeriod(item, r, e, rejections, trace);
        excludedKind(item, e, rejections, trace);
        supportCap(item, e, rejections, trace);
        boolean usd = USD.equals(e.currency());
        trace.add(step("currency", "Art. 36(1)", inputs("currency", e.currency()),
                usd ? "USD: no conversion" : "NEEDS_CONVERSION: no exchange rate applied (conversion not implemented)"));
        if (!usd) {
            rejections.add(new Quote.Rejection(RejectionCodes.NEEDS_CONVERSION, "Art. 36(1)"));
        }

        BigDecimal rate = rate(item, r, refDate, rejections, trace);
        BigDecimal base = rejections.isEmpty() ? claimed : ZERO;
        String itemArticle = catalogue.items.get(item).latest().map(x -> x.value().article()).orElse(item);
        trace.add(step("eligible-base", itemArticle, inputs("claimed", claimed.toPlainString(),
                "currency", e.currency(), "rejections", codes(rejections)), base.toPlainString()));
        BigDecimal support = base.multiply(rate).setScale(SCALE, ROUNDING);
        trace.add(step("support", "House rule (DOMAIN A-54): HALF_UP to 2 decimals",
                inputs("eligibleBase", base.toPlainString(), "rate", rate.toPlainString()), support.toPlainString()));
        return new Quote.Line(e.id(), e.currency(), claimed, base,
                rate.multiply(HUNDRED).setScale(SCALE, ROUNDING), support, dedupe(rejections), trace);
    }

    private void inForce(String item, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                         List<Quote.TraceStep> trace) {
        Timeline<Catalogue.ItemVersion> versions = catalogue.items.get(item);
        Optional<Catalogue.ItemVersion> v = versions.at(e.paymentDate());
        String article = v.or(() -> versions.latest().map(Timeline.Entry::value))
                .map(Catalogue.ItemVersion::article).orElse(item);
        trace.add(step("support-item.in-force", article, inputs("item", item,
                "paymentDate", e.paymentDate().toString()), v.isPresent() ? "IN_FORCE" : "NOT_IN_FORCE"));
        if (v.isEmpty()) {
            rejections.add(new Quote.Rejection(RejectionCodes.NOT_IN_FORCE, article));
        }
    }

    /** Art. 34: last allowed filing day = trigger date + period (java.time clamping), inclusive (DOMAIN §0). */
    @Cites(article = "Art. 34(1)-(5)", since = "2015-06-02")
    private void filingPeriod(String item, QuoteRequest r, QuoteRequest.Expense e,
                              List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<Catalogue.FilingPeriod>> entry = catalogue.filingPeriods.get(item).entryAt(r.filingDate());
        if (entry.isEmpty()) {
            trace.add(step("art34.filing-period", "Art. 34", inputs("filingDate", r.filingDate().toString()),
                    "MANUAL_REVIEW: no filing period in force on the filing date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, "Art. 34"));
            return;
        }
        Catalogue.FilingPeriod p = entry.get().value();
        Catalogue.Trigger trigger = p.triggerFor(e.kind());
        LocalDate from = trigger == Catalogue.Trigger.DOCUMENT_ISSUE_DATE ? e.documentIssueDate() : e.paymentDate();
        LocalDate last = lastAllowedDay(from, p);
        boolean late = r.filingDate().isAfter(last);
        String article = entry.get().reference();
        trace.add(step("art34.filing-period", article, inputs("trigger", trigger.name(), "triggerDate",
                from.toString(), "period", p.period().toString(), "extendToNextBusinessDay",
                String.valueOf(config.extendToNextBusinessDay), "lastAllowedDay", last.toString(),
                "filingDate", r.filingDate().toString()), late ? "LATE" : "ON_TIME"));
        if (late) {
            rejections.add(new Quote.Rejection(RejectionCodes.DEADLINE_MISSED, article));
        }
    }

    /** Inclusive last day; optionally moved past weekends and configured holidays (CONFIG, default off). */
    public LocalDate lastAllowedDay(LocalDate trigger, Catalogue.FilingPeriod p) {
        LocalDate last = trigger.plus(p.period());
        if (config.extendToNextBusinessDay) {
            while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY
                    || config.holidays.contains(last)) {
                last = last.plusDays(1);
            }
        }
        return last;
    }

    @Cites(article = "Art. 4(3), 5(3)", since = "2015-06-02")
    private void excludedKind(String item, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                              List<Quote.TraceStep> trace) {
        Timeline<Set<String>> timeline = catalogue.exclusions.get(item);
        if (timeline == null) {
            return;
        }
        Optional<Timeline.Entry<Set<String>>> entry = timeline.entryAt(e.paymentDate());
        if (entry.isEmpty()) {
            return;
        }
        boolean excluded = entry.get().value().contains(e.kind());
        trace.add(step("excluded-expense-kind", entry.get().reference(),
                inputs("kind", e.kind(), "excluded", String.join(",", entry.get().value())),
                excluded ? "EXCLUDED" : "NOT_EXCLUDED"));
        if (excluded) {
            rejections.add(new Quote.Rejection(RejectionCodes.EXCLUDED_EXPENSE, entry.get().reference()));
        }
    }

    /** Caps cumulative per document need claim history the quote does not have: route to a person. */
    @Cites(article = "Art. 7(3)", since = "2015-06-02")
    private void supportCap(String item, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                            List<Quote.TraceStep> trace) {
        Timeline<Catalogue.SupportCap> timeline = catalogue.supportCaps.get(item);
        if (timeline == null) {
            return;
        }
        Optional<Timeline.Entry<Catalogue.SupportCap>> entry = timeline.entryAt(e.paymentDate());
        if (entry.isEmpty() || !entry.get().value().kinds().contains(e.kind())) {
            return;
        }
        Catalogue.SupportCap cap = entry.get().value();
        trace.add(step("support-amount-cap", entry.get().reference(), inputs("kind", e.kind(), "maxUsd",
                cap.maxUsd().toPlainString(), "scope", cap.scope(), "basis", cap.basis()),
                "MANUAL_REVIEW: cap is cumulative per " + cap.scope() + " over all claims"));
        rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, entry.get().reference()));
    }

    /** Base rate (CONFIG) + Art. 33(1) points, capped at maxRate (CONFIG). */
    @Cites(article = "Art. 33(1), 33(3)", since = "2015-06-02")
    private BigDecimal rate(String item, QuoteRequest r, LocalDate refDate, List<Quote.Rejection> rejections,
                            List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<BigDecimal>> base = config.baseRates.get(item).entryAt(refDate);
        String origin = config.origin("baseRates", item);
        if (base.isEmpty()) {
            trace.add(step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate.toString(),
                    "source", origin), "MANUAL_REVIEW: no base rate configured for the date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, CONFIG_RATE));
            return BigDecimal.ZERO;
        }
        BigDecimal rate = base.get().value();
        trace.add(step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate.toString(),
                "period", base.get().describePeriod(), "source", origin), rate.toPlainString()));

        boolean bonusItem = catalogue.bonusItems.at(refDate).map(s -> s.contains(item)).orElse(false);
        if (bonusItem) {
            rate = rate.add(targetCountryBonus(r, refDate, trace)).add(provinceBonus(r, refDate, trace));
        }

        Optional<Timeline.Entry<BigDecimal>> max = config.maxRate.entryAt(refDate);
        BigDecimal cap = max.map(Timeline.Entry::value).orElse(BigDecimal.ONE);
        BigDecimal capped = rate.min(cap);
        trace.add(step("rate.max", "CONFIG maxRate (no maximum in the sources, DOMAIN A-27(b))",
                inputs("rate", rate.toPlainString(), "maxRate", cap.toPlainString(),
                        "source", max.isPresent() ? config.origin("maxRate") : "none configured for the date: 1"),
                capped.toPlainString()));
        return capped;
    }

    private BigDecimal targetCountryBonus(QuoteRequest r, LocalDate refDate, List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<BigDecimal>> points = catalogue.targetCountryBonus.entryAt(refDate);
        Set<String> ek1 = config.ek1Countries.at(refDate).orElse(Set.of());
        List<String> countries = r.activity() == null || r.activity().countries() == null
                ? List.of() : r.activity().countries();
        boolean all = !countries.isEmpty() && ek1.containsAll(countries);       // 33(3): all countries in EK-1
        BigDecimal add = all && points.isPresent() ? points.get().value() : BigDecimal.ZERO;
        trace.add(step("art33.target-country-bonus", points.map(Timeline.Entry::reference).orElse("Art. 33(1), 33(3)"),
                inputs("countries", String.join(",", countries), "allInEk1", String.valueOf(all),
                        "ek1Source", config.origin("ek1Countries")), "+" + add.toPlainString()));
        return add;
    }

    private BigDecimal provinceBonus(QuoteRequest r, LocalDate refDate, List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<Catalogue.ProvinceBonus>> bonus = catalogue.provinceBonus.entryAt(refDate);
        Set<String> ek2 = config.ek2Provinces.at(refDate).orElse(Set.of());
        String province = r.applicant().hqProvince();
        boolean roleOk = bonus.isPresent() && bonus.get().value().applicantRoles().contains(r.applicant().role());
        boolean listed = province != null && ek2.contains(province);
        BigDecimal add = roleOk && listed ? bonus.get().value().points() : BigDecimal.ZERO;
        trace.add(step("art33.province-bonus", bonus.map(Timeline.Entry::reference).orElse("Art. 33(1)"),
                inputs("hqProvince", String.valueOf(province), "role", r.applicant().role(),
                        "provinceInEk2", String.valueOf(listed), "ek2Source", config.origin("ek2Provinces")),
                "+" + add.toPlainString()));
        return add;
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static Quote.TraceStep step(String ruleId, String article, Map<String, String> inputs, String output) {
        return new Quote.TraceStep(ruleId, article, inputs, output);
    }

    private static Map<String, String> inputs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String codes(List<Quote.Rejection> rejections) {
        List<String> c = new ArrayList<>();
        for (Quote.Rejection r : rejections) {
            c.add(r.code());
        }
        return String.join(",", c);
    }

    private static List<Quote.Rejection> dedupe(List<Quote.Rejection> rejections) {
        return List.copyOf(new java.util.LinkedHashSet<>(rejections));
    }
}
