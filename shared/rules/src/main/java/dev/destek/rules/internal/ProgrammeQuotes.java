package dev.destek.rules.internal;

import dev.destek.rules.CatalogueView;
import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RejectionCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quotes for the programmes of the 2024 deck (S0, P§03–P§07), same request and response as the circular's quotes.
 * Claim level: role and sector, then the programme's eligibility rules ({@link DeckEligibility}). Order per line:
 * item in force on the payment date → 2564 support period (T55–T57, {@link DeckPeriods}) → currency → persons cap
 * (5449 employment) → rate (printed, printed step-down by support year, or configured inside the printed range) →
 * support → support-amount cap (5449). The deck prints no filing periods, bonuses or conversion rules, so none is
 * applied.
 *
 * <p>Money as in {@link QuoteCalculator}: amounts in, at most 2 decimals; rates exact; {@code support = eligibleBase
 * × rate} HALF_UP to 2 decimals once per line; a pro-rata base (persons cap) HALF_UP to 2 decimals once; the cap
 * takes min(support, cap − earlier use − use by earlier lines of the request); total = sum of the rounded lines,
 * in the programme's currency.
 */
public final class ProgrammeQuotes {
    private static final int SCALE = QuoteCalculator.SCALE;
    private static final RoundingMode ROUNDING = QuoteCalculator.ROUNDING;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final String CAP_PERIOD = "YLDA_CAP_PERIOD";
    static final String PERSONS = "YLDA_EMPLOYMENT_PERSONS";

    private final ProgrammeCatalogue catalogue;
    private final ProgrammeConfig config;
    private final Set<String> expenseKinds;
    private final String rulesVersion;
    private final DeckEligibility eligibility;

    private final DeckPeriods periods;
    private final int dueSoonDays;

    /** @param timeRules T01–T59; those naming a deck programme are its support periods (T55–T57) */
    public ProgrammeQuotes(ProgrammeCatalogue catalogue, ProgrammeConfig config, Set<String> expenseKinds,
                           String rulesVersion, Map<String, Timeline<Catalogue.TimeRule>> timeRules,
                           int dueSoonDays) {
        this.catalogue = catalogue;
        this.config = config;
        this.expenseKinds = expenseKinds;
        this.rulesVersion = rulesVersion;
        this.eligibility = new DeckEligibility(config);
        this.periods = new DeckPeriods(timeRules, catalogue.programmes.keySet());
        this.dueSoonDays = dueSoonDays;
    }

    /** Whether {@code programme} is one of the deck's (the dispatch in {@code Rules}). */
    public boolean covers(String programme) {
        return programme != null && catalogue.programmes.containsKey(programme);
    }

    public Quote quote(QuoteRequest r) {
        ProgrammeCatalogue.Programme p = catalogue.programmes.get(r.programme());
        String itemId = validate(p, r);
        Timeline<ProgrammeCatalogue.ItemVersion> item = p.items().get(itemId);
        String currency = config.currency.get(p.id());
        String group = group(item, r.filingDate());
        eligibility.validate(p, r, group);
        List<Quote.Rejection> claimLevel = eligibility(p, item, r);
        DeckEligibility.Result beyond = eligibility.evaluate(p, r, group);
        claimLevel.addAll(beyond.rejections());
        DeckPeriods.SupportPeriod period = periods.period(p.id(), r, r.filingDate(), true);
        Map<String, BigDecimal> capUse = new HashMap<>();
        List<Quote.Line> lines = new ArrayList<>();
        BigDecimal total = ZERO;
        for (QuoteRequest.Expense e : r.expenses()) {
            Quote.Line line = line(p, itemId, item, currency, r, e, claimLevel, beyond.trace(), period, capUse);
            lines.add(line);
            total = total.add(line.support());
        }
        return new Quote(new Quote.Money(total, currency), lines, dedupe(claimLevel), rulesVersion);
    }

    /**
     * The end of the programme's support period (T55–T57, Decree 2564) when the request states the track and its
     * start (and count); the deck prints no other deadline (T58 is a rate step, not a date), so otherwise the answer
     * is empty. The request is still checked like a quote's.
     */
    public List<dev.destek.rules.Deadline> deadlines(QuoteRequest r, java.time.LocalDate today) {
        ProgrammeCatalogue.Programme p = catalogue.programmes.get(r.programme());
        String itemId = required(r.supportItem(), "/supportItem");
        if (!p.items().containsKey(itemId)) {
            throw new QuoteRequestException("/supportItem", "unknown support item " + itemId + " of " + p.id());
        }
        if (r.expenses() != null) {
            for (int i = 0; i < r.expenses().size(); i++) {
                QuoteRequest.Expense e = r.expenses().get(i);
                if (e == null || e.id() == null || e.id().isBlank()) {
                    throw new QuoteRequestException("/expenses/" + i + "/id", "missing id");
                }
                if (e.kind() == null || !expenseKinds.contains(e.kind())) {
                    throw new QuoteRequestException("/expenses/" + i + "/kind", e.kind() == null ? "missing kind"
                            : "unknown expense kind " + e.kind());
                }
            }
        }
        DeckPeriods.SupportPeriod period = periods.period(p.id(), r, r.filingDate() != null ? r.filingDate() : today,
                false);
        return period == null ? List.of() : List.of(DeckPeriods.deadline(period, today, dueSoonDays));
    }

    // ---------------------------------------------------------------------------------------- structure

    private String validate(ProgrammeCatalogue.Programme p, QuoteRequest r) {
        String itemId = required(r.supportItem(), "/supportItem");
        Timeline<ProgrammeCatalogue.ItemVersion> item = p.items().get(itemId);
        if (item == null) {
            throw new QuoteRequestException("/supportItem", "unknown support item " + itemId + " of " + p.id());
        }
        if (!quotable(p, itemId, item)) {
            throw new QuoteRequestException("/supportItem", "the deck prints no rate for " + p.id() + " " + itemId
                    + " (" + p.reference() + ") and none is configured (programmes." + p.id() + ".rates." + itemId
                    + "): listed, not quotable");
        }
        if (r.applicant() == null) {
            throw new QuoteRequestException("/applicant", "applicant is required");
        }
        required(r.applicant().role(), "/applicant/role");
        if (r.filingDate() == null) {
            throw new QuoteRequestException("/filingDate", "filingDate is required");
        }
        boolean stepped = false;
        Set<String> subtypes = new LinkedHashSet<>();
        for (Timeline.Entry<ProgrammeCatalogue.ItemVersion> v : item.entries()) {
            stepped |= !v.value().steps().isEmpty();
            for (ProgrammeCatalogue.Cap c : v.value().caps()) {
                if (c.subtype() != null) {
                    subtypes.add(c.subtype());
                }
            }
        }
        Integer year = r.activity() == null ? null : r.activity().supportYear();
        if (stepped && year == null) {
            throw new QuoteRequestException("/activity/supportYear", "supportYear is required: the rate of "
                    + p.id() + " " + itemId + " depends on the year of the network's support (" + p.reference() + ")");
        }
        if (year != null && year < 1) {
            throw new QuoteRequestException("/activity/supportYear", "must be 1 or more, got " + year);
        }
        String subtype = r.activity() == null ? null : r.activity().subtype();
        if (!subtypes.isEmpty() && (subtype == null || !subtypes.contains(subtype))) {
            throw new QuoteRequestException("/activity/subtype", "expected one of " + subtypes + " for " + p.id() + " "
                    + itemId + " (its caps differ, " + p.reference() + "), got " + subtype);
        }
        if (r.expenses() == null || r.expenses().isEmpty()) {
            throw new QuoteRequestException("/expenses", "at least one expense is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.expenses().size(); i++) {
            validateExpense(r.expenses().get(i), "/expenses/" + i, ids);
        }
        return itemId;
    }

    private void validateExpense(QuoteRequest.Expense e, String at, Set<String> ids) {
        if (e == null) {
            throw new QuoteRequestException(at, "expense is required");
        }
        String id = required(e.id(), at + "/id");
        if (!ids.add(id)) {
            throw new QuoteRequestException(at + "/id", "duplicate expense id " + id);
        }
        String kind = required(e.kind(), at + "/kind");
        if (!expenseKinds.contains(kind)) {
            throw new QuoteRequestException(at + "/kind", "unknown expense kind " + kind);
        }
        amount(e.amount(), at + "/amount", false);
        String currency = required(e.currency(), at + "/currency");
        if (!ProgrammeConfig.isCommonIsoCurrency(currency)) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException x) {
                throw new QuoteRequestException(at + "/currency", "unknown currency " + currency);
            }
        }
        if (e.paymentDate() == null) {
            throw new QuoteRequestException(at + "/paymentDate", "paymentDate is required");
        }
        if (e.persons() != null && e.persons() < 1) {
            throw new QuoteRequestException(at + "/persons", "must be positive, got " + e.persons());
        }
        if (e.capUsed() != null) {
            amount(e.capUsed(), at + "/capUsed", true);
        }
    }

    private static void amount(BigDecimal v, String at, boolean zeroAllowed) {
        if (v == null) {
            throw new QuoteRequestException(at, "missing amount");
        }
        if (zeroAllowed ? v.signum() < 0 : v.signum() <= 0) {
            throw new QuoteRequestException(at, (zeroAllowed ? "must be zero or positive" : "amount must be positive")
                    + ", got " + v.toPlainString());
        }
        if (v.scale() > SCALE && v.stripTrailingZeros().scale() > SCALE) {
            throw new QuoteRequestException(at, "amount has more than " + SCALE + " decimals: " + v.toPlainString());
        }
    }

    private static String required(String v, String pointer) {
        if (v == null || v.isBlank()) {
            throw new QuoteRequestException(pointer, "missing " + pointer.substring(pointer.lastIndexOf('/') + 1));
        }
        return v;
    }

    /** Printed fixed rate, printed step-down, or a rate configured (or defaulted) for the item. */
    private boolean quotable(ProgrammeCatalogue.Programme p, String itemId,
                             Timeline<ProgrammeCatalogue.ItemVersion> item) {
        for (Timeline.Entry<ProgrammeCatalogue.ItemVersion> v : item.entries()) {
            ProgrammeCatalogue.Range range = v.value().rate();
            if (!v.value().steps().isEmpty() || range != null && range.fixed()
                    || range != null && config.defaultRate.containsKey(p.id())) {
                return true;
            }
        }
        return config.rates.get(p.id()).containsKey(itemId);
    }

    // ---------------------------------------------------------------------------------------- claim level

    /** The item's group on {@code day} (its latest version if none is in force: eligibility is still judged). */
    private static String group(Timeline<ProgrammeCatalogue.ItemVersion> item, java.time.LocalDate day) {
        Timeline.Entry<ProgrammeCatalogue.ItemVersion> v = item.entryOrNull(day);
        return (v != null ? v : item.latest().orElseThrow()).value().group();
    }

    private static List<Quote.Rejection> eligibility(ProgrammeCatalogue.Programme p,
                                                     Timeline<ProgrammeCatalogue.ItemVersion> item, QuoteRequest r) {
        List<Quote.Rejection> out = new ArrayList<>();
        Optional<Timeline.Entry<ProgrammeCatalogue.ItemVersion>> v = item.entryAt(r.filingDate());
        if (v.isEmpty()) {
            return out;
        }
        String article = v.get().reference() == null ? p.reference() : v.get().reference();
        Set<String> roles = v.get().value().roles();
        if (!roles.isEmpty() && !roles.contains(r.applicant().role())) {
            out.add(new Quote.Rejection(RejectionCodes.APPLICANT_TYPE, article));
        }
        Set<String> sectors = v.get().value().sectors();
        if (!sectors.isEmpty() && !sectors.contains(r.applicant().sector())) {
            out.add(new Quote.Rejection(RejectionCodes.SECTOR_NOT_ELIGIBLE, article));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- line level

    private Quote.Line line(ProgrammeCatalogue.Programme p, String itemId,
                            Timeline<ProgrammeCatalogue.ItemVersion> item, String currency, QuoteRequest r,
                            QuoteRequest.Expense e, List<Quote.Rejection> claimLevel,
                            List<Quote.TraceStep> eligibilityTrace, DeckPeriods.SupportPeriod period,
                            Map<String, BigDecimal> capUse) {
        List<Quote.Rejection> rejections = new ArrayList<>(dedupe(claimLevel));
        List<Quote.TraceStep> trace = new ArrayList<>(eligibilityTrace);
        BigDecimal claimed = e.amount().setScale(SCALE, ROUNDING); // exact: at most 2 decimals (validated)
        if (!claimLevel.isEmpty()) {
            trace.add(step("programme.eligibility", claimLevel.get(0).article(), inputs("role", r.applicant().role(),
                    "sector", String.valueOf(r.applicant().sector()), "filingDate", r.filingDate()),
                    "REJECTED " + codes(claimLevel)));
        }
        Optional<Timeline.Entry<ProgrammeCatalogue.ItemVersion>> version = item.entryAt(e.paymentDate());
        trace.add(step("programme.item.in-force", p.reference(), inputs("programme", p.id(), "item", itemId,
                "paymentDate", e.paymentDate()), version.map(v -> "IN_FORCE " + v.describePeriod())
                .orElse("NOT_IN_FORCE")));
        if (version.isEmpty()) {
            rejections.add(new Quote.Rejection(RejectionCodes.NOT_IN_FORCE, p.reference()));
            return new Quote.Line(e.id(), e.currency(), claimed, ZERO, ZERO.setScale(SCALE), ZERO,
                    dedupe(rejections), trace);
        }
        ProgrammeCatalogue.ItemVersion v = version.get().value();
        String article = version.get().reference() == null ? p.reference() : version.get().reference();
        if (period != null) {
            periods.check(period, e, rejections, trace);
        }

        boolean sameCurrency = currency.equals(e.currency());
        trace.add(step("programme.currency", article + "; " + config.currencySource.get(p.id()),
                inputs("currency", e.currency(), "programmeCurrency", currency), sameCurrency ? currency
                        + ": no conversion" : "NEEDS_CONVERSION: the deck gives no conversion rule for " + p.id()
                        + " (a rate is never guessed)"));
        if (!sameCurrency) {
            rejections.add(new Quote.Rejection(RejectionCodes.NEEDS_CONVERSION, article));
        }
        BigDecimal counted = sameCurrency ? persons(v, article, e, claimed, rejections, trace) : ZERO;
        BigDecimal rate = rate(p, itemId, v, article, r, e, rejections, trace);
        List<ProgrammeCatalogue.Cap> caps = caps(v, r);
        for (ProgrammeCatalogue.Cap c : caps) {
            if (e.capUsed() == null) {
                trace.add(step(c.id(), article, inputs("max", c.amount(), "currency", currency, "period",
                        config.interpretations.get(CAP_PERIOD), "capUsed", "unknown"), "MANUAL_REVIEW: the cap counts"
                        + " support received earlier in its period; send capUsed from the claim history"));
                rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, article));
            }
        }
        BigDecimal base = rejections.isEmpty() ? counted : ZERO;
        trace.add(step("eligible-base", article, inputs("claimed", claimed, "currency", e.currency(),
                "afterCaps", counted, "rejections", codes(rejections)), base.toPlainString()));
        BigDecimal support = base.multiply(rate).setScale(SCALE, ROUNDING);
        trace.add(step("support", "House rule (DOMAIN A-54): HALF_UP to 2 decimals",
                inputs("eligibleBase", base, "rate", rate), support.toPlainString()));
        for (ProgrammeCatalogue.Cap c : caps) {
            if (base.signum() > 0) {
                support = cap(c, article, currency, r, e, support, capUse, trace);
            }
        }
        if (base.signum() > 0 && support.signum() == 0) {
            rejections.add(new Quote.Rejection(RejectionCodes.CAP_REACHED, article));
            base = ZERO;
        }
        return new Quote.Line(e.id(), e.currency(), claimed, base, rate.multiply(HUNDRED).setScale(SCALE, ROUNDING),
                support, dedupe(rejections), trace);
    }

    /** P§06 employment "en fazla 10 kişi": the cost of at most 10 persons is counted (interpretation PERSONS). */
    @Cites(article = "P§06", since = "2024-11-01")
    private BigDecimal persons(ProgrammeCatalogue.ItemVersion v, String article, QuoteRequest.Expense e,
                               BigDecimal claimed, List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        ProgrammeCatalogue.PersonsCap cap = v.maxPersons();
        if (cap == null) {
            return claimed;
        }
        String reading = config.interpretations.get(PERSONS);
        if (e.persons() == null) {
            trace.add(step(cap.id(), article, inputs("max", TraceInputs.number(cap.max()), "persons", "unknown"),
                    "MANUAL_REVIEW: persons is needed to apply the cap"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, article));
            return claimed;
        }
        if (e.persons() <= cap.max()) {
            trace.add(step(cap.id(), article, inputs("max", TraceInputs.number(cap.max()), "persons",
                    TraceInputs.number(e.persons()), "reading", reading), "WITHIN_CAP " + claimed.toPlainString()));
            return claimed;
        }
        if (!"PRO_RATA".equals(reading)) {
            trace.add(step(cap.id(), article, inputs("max", TraceInputs.number(cap.max()), "persons",
                    TraceInputs.number(e.persons()), "reading", reading), "MANUAL_REVIEW: more persons than the cap"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, article));
            return claimed;
        }
        BigDecimal kept = claimed.multiply(BigDecimal.valueOf(cap.max()))
                .divide(BigDecimal.valueOf(e.persons()), SCALE, ROUNDING);
        trace.add(step(cap.id(), article, inputs("max", TraceInputs.number(cap.max()), "persons",
                TraceInputs.number(e.persons()), "reading", reading), "CAPPED " + kept.toPlainString()));
        return kept;
    }

    /** The printed rate, the printed step for the support year, or the configured rate (inside the printed range). */
    @Cites(article = "P§03-P§07", since = "2024-11-01")
    private BigDecimal rate(ProgrammeCatalogue.Programme p, String itemId, ProgrammeCatalogue.ItemVersion v,
                            String article, QuoteRequest r, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                            List<Quote.TraceStep> trace) {
        if (!v.steps().isEmpty()) {
            int year = r.activity().supportYear();
            for (ProgrammeCatalogue.Step s : v.steps()) {
                if (s.covers(year)) {
                    trace.add(step(s.id(), article, inputs("supportYear", TraceInputs.number(year), "years",
                            s.fromYear() + ".." + (s.toYear() == null ? "" : s.toYear())), s.rate().toPlainString()));
                    return s.rate();
                }
            }
        }
        ProgrammeCatalogue.Range range = v.rate();
        if (range != null && range.fixed()) {
            trace.add(step("rate.printed", article, inputs("programme", p.id(), "item", itemId),
                    range.min().toPlainString()));
            return range.min();
        }
        String key = "programmes." + p.id() + ".rates." + itemId;
        Optional<Timeline.Entry<BigDecimal>> configured = Optional.empty();
        Timeline<BigDecimal> perItem = config.rates.get(p.id()).get(itemId);
        String origin = null;
        if (perItem != null) {
            configured = perItem.entryAt(e.paymentDate());
            origin = config.origin("programmes", p.id(), "rates", itemId);
        }
        if (configured.isEmpty() && range != null && config.defaultRate.containsKey(p.id())) {
            configured = config.defaultRate.get(p.id()).entryAt(e.paymentDate());
            key = "programmes." + p.id() + ".defaultRate";
            origin = config.origin("programmes", p.id(), "defaultRate");
        }
        String printed = range == null ? "none printed" : range.describe();
        if (configured.isEmpty()) {
            trace.add(step("rate.config", article + "; CONFIG " + key, inputs("item", itemId, "printed", printed,
                    "date", e.paymentDate()), "MANUAL_REVIEW: no rate configured for the date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, article));
            return BigDecimal.ZERO;
        }
        trace.add(step("rate.config", article + "; CONFIG " + key, inputs("item", itemId, "printed", printed,
                "date", e.paymentDate(), "period", configured.get().describePeriod(), "source", origin,
                "note", String.valueOf(configured.get().reference())), configured.get().value().toPlainString()));
        return configured.get().value();
    }

    private static List<ProgrammeCatalogue.Cap> caps(ProgrammeCatalogue.ItemVersion v, QuoteRequest r) {
        String subtype = r.activity() == null ? null : r.activity().subtype();
        List<ProgrammeCatalogue.Cap> out = new ArrayList<>();
        for (ProgrammeCatalogue.Cap c : v.caps()) {
            if (c.subtype() == null || c.subtype().equals(subtype)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A printed cap on the support amount: min(support, cap − capUsed − use by earlier lines of this request). */
    @Cites(article = "P§06", since = "2024-11-01")
    private BigDecimal cap(ProgrammeCatalogue.Cap c, String article, String currency, QuoteRequest r,
                           QuoteRequest.Expense e, BigDecimal support, Map<String, BigDecimal> capUse,
                           List<Quote.TraceStep> trace) {
        String period = config.interpretations.get(CAP_PERIOD);
        String key = c.id() + "/" + (e.capKey() == null ? "" : e.capKey())
                + ("SUPPORT_YEAR".equals(period) ? "/" + r.activity().supportYear() : "");
        BigDecimal usedHere = capUse.getOrDefault(key, ZERO);
        BigDecimal remaining = c.amount().subtract(e.capUsed()).subtract(usedHere).max(ZERO);
        BigDecimal out = support.min(remaining).setScale(SCALE, ROUNDING);
        capUse.put(key, usedHere.add(out));
        trace.add(step(c.id(), article, inputs("capKey", String.valueOf(e.capKey()), "max", c.amount(),
                "currency", currency, "period", period, "capUsed", e.capUsed(), "usedInThisRequest", usedHere,
                "support", support, "basis", "SUPPORT_AMOUNT"), out.signum() == 0 ? "CAP_REACHED 0.00"
                : out.compareTo(support) < 0 ? "CAPPED " + out.toPlainString() : "WITHIN_CAP " + out.toPlainString()));
        return out;
    }

    // ---------------------------------------------------------------------------------------- catalogue view

    /** The programmes as the public catalogue lists them (latest versions; rates as configured now). */
    public List<CatalogueView.Programme> view() {
        List<CatalogueView.Programme> out = new ArrayList<>();
        for (ProgrammeCatalogue.Programme p : catalogue.programmes.values()) {
            Timeline.Entry<ProgrammeCatalogue.ProgrammeVersion> pv = p.versions().latest().orElseThrow();
            List<CatalogueView.ProgrammeItem> items = new ArrayList<>();
            for (Map.Entry<String, Timeline<ProgrammeCatalogue.ItemVersion>> e : p.items().entrySet()) {
                Timeline.Entry<ProgrammeCatalogue.ItemVersion> iv = e.getValue().latest().orElseThrow();
                items.add(item(p, e.getKey(), iv, quotable(p, e.getKey(), e.getValue())));
            }
            List<CatalogueView.EligibilityRule> rules = new ArrayList<>();
            for (Map.Entry<String, Timeline<ProgrammeCatalogue.EligibilityRule>> e : p.eligibility().entrySet()) {
                Timeline.Entry<ProgrammeCatalogue.EligibilityRule> v = e.getValue().latest().orElseThrow();
                rules.add(new CatalogueView.EligibilityRule(e.getKey(), v.value().test().name(), v.value().rejection(),
                        v.value().description(), List.copyOf(v.value().roles()), List.copyOf(v.value().groups()),
                        parameters(v.value().test()), v.reference() == null ? p.reference() : v.reference(),
                        v.from(), v.to()));
            }
            out.add(new CatalogueView.Programme(p.id(), pv.value().nameEn(), pv.value().nameTr(), p.reference(),
                    config.currency.get(p.id()), config.currencySource.get(p.id()), pv.from(), pv.to(), items,
                    rules));
        }
        return out;
    }

    /** The printed parameters of a test, as strings (the Madrid list names its configuration key). */
    private static Map<String, String> parameters(ProgrammeCatalogue.Test test) {
        if (test instanceof ProgrammeCatalogue.YldaCooperationOrganisation t) {
            return new TraceInputs("directKinds", String.join(",", t.directKinds()), "companyKind", t.companyKind(),
                    "allServices", String.join(",", t.allServices()), "oneOfServices",
                    String.join(",", t.oneOfServices()), "minWarehouseM2", t.minWarehouseM2().toPlainString(),
                    "minLocalPlateVehicles", String.valueOf(t.minLocalPlateVehicles()), "subsidiaryKind",
                    t.subsidiaryKind(), "minOwnershipPercent", t.minOwnershipPercent().toPlainString());
        }
        if (test instanceof ProgrammeCatalogue.BrandInMadridCountry t) {
            return new TraceInputs("registrants", String.join(",", t.registrants()), "excludeCountries",
                    String.join(",", t.excludeCountries()), "countries", "CONFIG madridCountries");
        }
        if (test instanceof ProgrammeCatalogue.ProgrammeMember t) {
            return new TraceInputs("programme", t.programme());
        }
        return Map.of();
    }

    private CatalogueView.ProgrammeItem item(ProgrammeCatalogue.Programme p, String id,
                                             Timeline.Entry<ProgrammeCatalogue.ItemVersion> e, boolean quotable) {
        ProgrammeCatalogue.ItemVersion v = e.value();
        String article = e.reference() == null ? p.reference() : e.reference();
        List<CatalogueView.RateStep> steps = new ArrayList<>();
        for (ProgrammeCatalogue.Step s : v.steps()) {
            steps.add(new CatalogueView.RateStep(s.id(), s.fromYear(), s.toYear(), s.rate(), article));
        }
        BigDecimal rate = null;
        String source = null;
        if (v.rate() != null && v.rate().fixed()) {
            rate = v.rate().min();
            source = article + " (printed)";
        } else if (v.steps().isEmpty()) {
            Timeline<BigDecimal> perItem = config.rates.get(p.id()).get(id);
            Timeline<BigDecimal> fallback = v.rate() == null ? null : config.defaultRate.get(p.id());
            if (perItem != null && perItem.latest().isPresent()) {
                rate = perItem.latest().get().value();
                source = "CONFIG programmes." + p.id() + ".rates." + id + " — "
                        + config.origin("programmes", p.id(), "rates", id);
            } else if (fallback != null && fallback.latest().isPresent()) {
                rate = fallback.latest().get().value();
                source = "CONFIG programmes." + p.id() + ".defaultRate — "
                        + config.origin("programmes", p.id(), "defaultRate") + "; "
                        + fallback.latest().get().reference();
            } else {
                source = "none: the deck prints no rate and none is configured";
            }
        } else {
            source = article + " (printed, by support year)";
        }
        List<CatalogueView.ProgrammeCap> caps = new ArrayList<>();
        for (ProgrammeCatalogue.Cap c : v.caps()) {
            caps.add(new CatalogueView.ProgrammeCap(c.id(), c.subtype(), c.amount(), config.currency.get(p.id()),
                    "SUPPORT_AMOUNT", config.interpretations.get(CAP_PERIOD), article, e.from(), e.to()));
        }
        if (v.maxPersons() != null) {
            caps.add(new CatalogueView.ProgrammeCap(v.maxPersons().id(), null, BigDecimal.valueOf(v.maxPersons().max()),
                    "persons", "EXPENSE_BASE", config.interpretations.get(PERSONS), article, e.from(), e.to()));
        }
        return new CatalogueView.ProgrammeItem(id, v.group(), v.nameTr(), v.nameEn(), article, e.from(), e.to(),
                v.rate() == null ? null : v.rate().min(), v.rate() == null ? null : v.rate().max(), steps, rate, source,
                caps, List.copyOf(v.sectors()), List.copyOf(v.roles()), quotable);
    }

    /** The switchable interpretations with the option in force and where it was chosen. */
    public List<CatalogueView.Interpretation> interpretations() {
        List<CatalogueView.Interpretation> out = new ArrayList<>();
        for (ProgrammeCatalogue.Interpretation i : catalogue.interpretations.values()) {
            out.add(new CatalogueView.Interpretation(i.id(), i.article(), i.question(), i.options(), i.defaultOption(),
                    i.why(), config.interpretations.get(i.id()), config.origin("interpretations", i.id())));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static Quote.TraceStep step(String ruleId, String article, Map<String, String> inputs, String output) {
        return new Quote.TraceStep(ruleId, article, inputs, output);
    }

    private static Map<String, String> inputs(Object... kv) {
        return new TraceInputs(kv);
    }

    private static String codes(List<Quote.Rejection> rejections) {
        List<String> c = new ArrayList<>();
        for (Quote.Rejection r : rejections) {
            c.add(r.code());
        }
        return String.join(",", c);
    }

    private static List<Quote.Rejection> dedupe(List<Quote.Rejection> rejections) {
        return List.copyOf(new LinkedHashSet<>(rejections));
    }
}
