package dev.destek.rules.internal;

import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RejectionCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
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
    private final TimeRules timeRules;
    private final String rulesVersion;

    /** DOMAIN A-29 (interpretation A29_QUOTE_PROVINCE): the activity's province decides the quote count. */
    private final boolean quotesByActivityProvince;

    /** @param interpretations the option in force of every switchable interpretation (regulation/interpretations.yaml) */
    public QuoteCalculator(Catalogue catalogue, DeploymentConfig config, TimeRules timeRules,
                           Map<String, String> interpretations) {
        this.catalogue = catalogue;
        this.config = config;
        this.quotesByActivityProvince = "ACTIVITY_PROVINCE".equals(interpretations.get("A29_QUOTE_PROVINCE"));
        this.timeRules = timeRules;
        this.rulesVersion = catalogue.version + "; config " + config.describe();
    }

    public Quote quote(QuoteRequest request) {
        String item = validate(request);
        List<Quote.Rejection> claimRejections = eligibility(item, request);
        claimRejections.addAll(limits(item, request));
        claimRejections.addAll(protocol(item, request));
        List<Quote.Line> lines = new ArrayList<>();
        BigDecimal total = ZERO;
        Map<String, BigDecimal> capUse = new HashMap<>();
        for (QuoteRequest.Expense e : request.expenses()) {
            Quote.Line line = line(item, request, e, claimRejections, capUse);
            lines.add(line);
            total = total.add(line.support());
        }
        return new Quote(new Quote.Money(total, USD), lines, claimRejections, rulesVersion);
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
        boolean sectorRestricted = r.filingDate() != null && catalogue.eligibility.containsKey(item) && catalogue.eligibility.get(item)
                .at(r.filingDate()).map(x -> !x.sectors().isEmpty()).orElse(false);
        if (sectorRestricted) {
            required(r.applicant().sector(), "/applicant/sector");
        }
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
        if (r.activity() != null) {
            positive(r.activity().delegationsInYear(), "/activity/delegationsInYear");
            if (r.activity().supportReceivedUsd() != null && r.activity().supportReceivedUsd().signum() < 0) {
                throw new QuoteRequestException("/activity/supportReceivedUsd", "must be zero or positive");
            }
        }
        if (r.expenses() == null || r.expenses().isEmpty()) {
            throw new QuoteRequestException("/expenses", "at least one expense is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.expenses().size(); i++) {
            validateExpense(item, r, r.expenses().get(i), expensePointer(i), ids);
        }
        validateRates(r);
        return item;
    }

    private void validateExpense(String item, QuoteRequest r, QuoteRequest.Expense e, String at, Set<String> ids) {
        if (e == null) {
            throw new QuoteRequestException(at, "expense is required");
        }
        if (e.rentMonths() != null) {
            positive(e.rentMonths(), at, "/rentMonths");
            if (e.rentFrom() == null) {
                throw new QuoteRequestException(at + "/rentFrom", "rentFrom is required with rentMonths (Art. 9(5))");
            }
        }
        String id = required(e.id(), at, "/id");
        if (!ids.add(id)) {
            throw new QuoteRequestException(at + "/id", "duplicate expense id " + id);
        }
        String kind = required(e.kind(), at, "/kind");
        if (!catalogue.expenseKinds.contains(kind)) {
            throw new QuoteRequestException(at + "/kind", "unknown expense kind " + kind);
        }
        if (e.amount() == null) {
            throw new QuoteRequestException(at + "/amount", "missing amount");
        }
        if (e.amount().signum() <= 0) {
            throw new QuoteRequestException(at + "/amount", "amount must be positive, got " + e.amount().toPlainString());
        }
        if (e.amount().scale() > SCALE && e.amount().stripTrailingZeros().scale() > SCALE) {
            throw new QuoteRequestException(at + "/amount",
                    "amount has more than " + SCALE + " decimals: " + e.amount().toPlainString());
        }
        String currency = required(e.currency(), at, "/currency");
        if (!isIsoCurrency(currency)) {
            throw new QuoteRequestException(at + "/currency", "unknown currency " + currency);
        }
        if (e.paymentDate() == null) {
            throw new QuoteRequestException(at + "/paymentDate", "paymentDate is required (Art. 36(4))");
        }
        Optional<Catalogue.FilingPeriod> period = catalogue.filingPeriods.get(item).at(r.filingDate());
        if (period.isPresent()) {
            Catalogue.Trigger t = period.get().triggerFor(kind);
            if (t == Catalogue.Trigger.DOCUMENT_ISSUE_DATE && e.documentIssueDate() == null) {
                throw new QuoteRequestException(at + "/documentIssueDate",
                        "documentIssueDate is required: for " + item + " the filing period runs from it (Art. 34(4))");
            }
            if (t == Catalogue.Trigger.PATIENT_REGISTRATION && e.patientRegistrationDate() == null) {
                throw new QuoteRequestException(at + "/patientRegistrationDate", "patientRegistrationDate is required: "
                        + "for " + item + " the filing period runs from it (Art. 34(2))");
            }
            if (t == Catalogue.Trigger.ACTIVITY_END && (r.activity() == null || r.activity().end() == null)) {
                throw new QuoteRequestException("/activity/end",
                        "activity end is required: for " + item + " the filing period runs from it (Art. 34(2))");
            }
            if (t == Catalogue.Trigger.FILM_RELEASE && (r.activity() == null || r.activity().filmReleaseDate() == null)) {
                throw new QuoteRequestException("/activity/filmReleaseDate",
                        "filmReleaseDate is required: for " + item + " the filing period runs from it (Art. 34(2))");
            }
        }
        positive(e.persons(), at, "/persons");
        positive(e.nights(), at, "/nights");
        positive(e.days(), at, "/days");
        positive(e.areaM2(), at, "/areaM2");
        positive(e.totalRentedAreaM2(), at, "/totalRentedAreaM2");
        if (e.economyFareAmount() != null) {
            positive(e.economyFareAmount(), at, "/economyFareAmount");
            if (e.economyFareAmount().scale() > SCALE && e.economyFareAmount().stripTrailingZeros().scale() > SCALE) {
                throw new QuoteRequestException(at + "/economyFareAmount", "more than " + SCALE + " decimals");
            }
        }
        if (e.capUsedUsd() != null && e.capUsedUsd().signum() < 0) {
            throw new QuoteRequestException(at + "/capUsedUsd", "must be zero or positive");
        }
        if (e.travelClass() != null && !List.of("ECONOMY", "BUSINESS", "FIRST").contains(e.travelClass())) {
            throw new QuoteRequestException(at + "/travelClass", "expected ECONOMY, BUSINESS or FIRST, got "
                    + e.travelClass());
        }
    }

    private static void positive(Integer v, String at, String field) {
        if (v != null && v < 1) {
            positive(v, at + field);
        }
    }

    private static void positive(BigDecimal v, String at, String field) {
        if (v != null && v.signum() <= 0) {
            positive(v, at + field);
        }
    }

    /** {@link #required(String, String)} with the pointer built only on failure (hot path). */
    private static String required(String value, String at, String field) {
        if (value == null || value.isBlank()) {
            return required(value, at + field);
        }
        return value;
    }

    private static final String[] EXPENSE_POINTERS = new String[64];

    static {
        for (int i = 0; i < EXPENSE_POINTERS.length; i++) {
            EXPENSE_POINTERS[i] = "/expenses/" + i;
        }
    }

    private static String expensePointer(int i) {
        return i < EXPENSE_POINTERS.length ? EXPENSE_POINTERS[i] : "/expenses/" + i;
    }

    private static void positive(Integer v, String at) {
        if (v != null && v < 1) {
            throw new QuoteRequestException(at, "must be at least 1, got " + v);
        }
    }

    private static void positive(BigDecimal v, String at) {
        if (v != null && v.signum() <= 0) {
            throw new QuoteRequestException(at, "must be positive, got " + v.toPlainString());
        }
    }

    private void validateRates(QuoteRequest r) {
        if (r.exchangeRates() == null) {
            return;
        }
        for (int i = 0; i < r.exchangeRates().size(); i++) {
            QuoteRequest.ExchangeRate x = r.exchangeRates().get(i);
            String at = "/exchangeRates/" + i;
            if (x == null) {
                throw new QuoteRequestException(at, "exchange rate is required");
            }
            if (x.currency() == null || !isIsoCurrency(x.currency())) {
                throw new QuoteRequestException(at + "/currency", "unknown currency " + x.currency());
            }
            if (x.date() == null) {
                throw new QuoteRequestException(at + "/date", "missing date");
            }
            if (x.usdPerUnit() == null || x.usdPerUnit().signum() <= 0) {
                throw new QuoteRequestException(at + "/usdPerUnit", "usdPerUnit must be positive");
            }
            if (x.source() == null || !List.of("TCMB_INDICATIVE", "OANDA").contains(x.source())) {
                throw new QuoteRequestException(at + "/source", "expected TCMB_INDICATIVE or OANDA (Art. 36(1))");
            }
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
                return false;
            }
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
        Set<String> types = e.get().value().types();
        if (!types.isEmpty() && !types.contains(r.applicant().type())) {
            out.add(new Quote.Rejection(RejectionCodes.APPLICANT_TYPE, article));
        }
        Set<String> sectors = e.get().value().sectors();
        if (!sectors.isEmpty() && !sectors.contains(r.applicant().sector())) {
            out.add(new Quote.Rejection(RejectionCodes.SECTOR_NOT_ELIGIBLE, article));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- line level

    private Quote.Line line(String item, QuoteRequest r, QuoteRequest.Expense e, List<Quote.Rejection> claimLevel,
                            Map<String, BigDecimal> capUse) {
        List<Quote.Rejection> rejections = new ArrayList<>(claimLevel);
        List<Quote.TraceStep> trace = new ArrayList<>();
        BigDecimal claimed = e.amount().setScale(SCALE, ROUNDING); // exact: at most 2 decimals (validated)
        LocalDate refDate = e.paymentDate(); // list/rate versions in force on the expense date (DOMAIN A-27(d))

        if (!claimLevel.isEmpty()) {
            trace.add(step("applicant.eligibility", claimLevel.get(0).article(),
                    inputs("role", r.applicant().role(), "type", String.valueOf(r.applicant().type()),
                            "sector", String.valueOf(r.applicant().sector()), "filingDate", r.filingDate()),
                    "REJECTED " + codes(claimLevel)));
        }
        inForce(item, e, rejections, trace);
        filingPeriod(item, r, e, rejections, trace);
        excludedKind(item, e, rejections, trace);
        excludedCondition(item, e, rejections, trace);
        rejections.addAll(timeRules.check(item, r, e, trace));

        BigDecimal usdPerUnit = conversion(item, r, e, rejections, trace);
        BigDecimal amountUsd = usdPerUnit == null ? null
                : claimed.multiply(usdPerUnit).setScale(SCALE, ROUNDING);
        BigDecimal capped = amountUsd == null ? ZERO : baseCaps(item, e, amountUsd, usdPerUnit, rejections, trace);

        BigDecimal rate = rate(item, r, e, refDate, rejections, trace);
        String itemArticle = catalogue.items.get(item).latest().map(x -> x.value().article()).orElse(item);
        Optional<Timeline.Entry<Catalogue.SupportCap>> cap = supportCap(item, e);
        if (cap.isPresent() && e.capUsedUsd() == null) {
            trace.add(step(cap.get().value().id(), cap.get().reference(), inputs("kind", e.kind(), "maxUsd",
                    cap.get().value().maxUsd(), "scope", cap.get().value().scope(),
                    "basis", cap.get().value().basis(), "capUsedUsd", "unknown"),
                    "MANUAL_REVIEW: cap is cumulative per " + cap.get().value().scope()
                            + " over all claims; send capUsedUsd from the claim history"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, cap.get().reference()));
        }
        Optional<Timeline.Entry<DeploymentConfig.DecreeCap>> decreeCap = decreeCap(item, e);
        BigDecimal received = r.activity() == null ? null : r.activity().supportReceivedUsd();
        if (decreeCap.isPresent() && received == null) {
            trace.add(step("decree-cap", decreeCapArticle(item, decreeCap.get()), inputs("maxUsd",
                    decreeCap.get().value().maxUsd(), "scope", decreeCap.get().value().scope(),
                    "supportReceivedUsd", "unknown"), "MANUAL_REVIEW: the cap counts support over the "
                    + decreeCap.get().value().scope() + "; send activity.supportReceivedUsd from the claim history"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, decreeCapArticle(item, decreeCap.get())));
        }
        BigDecimal base = rejections.isEmpty() ? capped : ZERO;
        trace.add(step("eligible-base", itemArticle, inputs("claimed", claimed,
                "currency", e.currency(), "amountUsd", amountUsd == null ? "n/a" : amountUsd,
                "afterCaps", capped, "rejections", codes(rejections)), base.toPlainString()));
        BigDecimal support = base.multiply(rate).setScale(SCALE, ROUNDING);
        trace.add(step("support", "House rule (DOMAIN A-54): HALF_UP to 2 decimals",
                inputs("eligibleBase", base, "rate", rate), support.toPlainString()));
        if (cap.isPresent() && e.capUsedUsd() != null && base.signum() > 0) {
            support = applySupportCap(cap.get(), e, support, capUse, trace);
        }
        if (decreeCap.isPresent() && received != null && base.signum() > 0) {
            support = applyDecreeCap(item, decreeCap.get(), received, support, capUse, trace);
        }
        return new Quote.Line(e.id(), e.currency(), claimed, base,
                rate.multiply(HUNDRED).setScale(SCALE, ROUNDING), support, dedupe(rejections), trace,
                tranches(item, r, e, support, trace));
    }

    private Optional<Timeline.Entry<DeploymentConfig.DecreeCap>> decreeCap(String item, QuoteRequest.Expense e) {
        Timeline<DeploymentConfig.DecreeCap> timeline = config.decreeCaps.get(item);
        return timeline == null ? Optional.empty() : timeline.entryAt(e.paymentDate());
    }

    private String decreeCapArticle(String item, Timeline.Entry<DeploymentConfig.DecreeCap> cap) {
        String what = cap.value().scope().equals("FILM") ? "Art. 20(2) support limit" : "Decree 2015/8 money cap";
        return what + " (CONFIG, " + config.origin("decreeCaps", item) + ")";
    }

    /** Decree money caps (CONFIG): min(support, cap − support received in the cap's period − use in this request). */
    private BigDecimal applyDecreeCap(String item, Timeline.Entry<DeploymentConfig.DecreeCap> cap, BigDecimal received,
                                      BigDecimal support, Map<String, BigDecimal> capUse, List<Quote.TraceStep> trace) {
        String key = "decree/" + item;
        BigDecimal usedHere = capUse.getOrDefault(key, ZERO);
        BigDecimal remaining = cap.value().maxUsd().subtract(received).subtract(usedHere).max(ZERO);
        BigDecimal out = support.min(remaining).setScale(SCALE, ROUNDING);
        capUse.put(key, usedHere.add(out));
        trace.add(step("decree-cap", decreeCapArticle(item, cap), inputs("maxUsd", cap.value().maxUsd(),
                "scope", cap.value().scope(), "supportReceivedUsd", received, "usedInThisRequest", usedHere,
                "support", support), out.compareTo(support) < 0 ? "CAPPED " + out.toPlainString()
                : "WITHIN_CAP " + out.toPlainString()));
        return out;
    }

    /**
     * Art. 9(5), DOMAIN A-11: rent prepaid for at least six months is paid in consecutive six-month tranches from
     * the first rent month, the last one possibly shorter; each after an EK-9B dated on or after its first month.
     * Tranche support is proportional to its months, HALF_UP to 2 decimals; the last takes the rest, so the
     * tranches add up to the line's support exactly.
     */
    private List<Quote.Tranche> tranches(String item, QuoteRequest r, QuoteRequest.Expense e, BigDecimal support,
                                         List<Quote.TraceStep> trace) {
        Timeline<Catalogue.ItemProfile> profile = catalogue.profiles.get(item);
        Catalogue.PrepaidRent rule = profile == null ? null
                : profile.at(r.filingDate()).map(Catalogue.ItemProfile::prepaidRent).orElse(null);
        if (rule == null || !rule.kinds().contains(e.kind()) || e.rentMonths() == null
                || e.rentMonths() < rule.minMonths() || support.signum() == 0) {
            return List.of();
        }
        List<Quote.Tranche> out = new ArrayList<>();
        BigDecimal months = BigDecimal.valueOf(e.rentMonths());
        BigDecimal paid = ZERO;
        for (int start = 0; start < e.rentMonths(); start += rule.trancheMonths()) {
            int n = Math.min(rule.trancheMonths(), e.rentMonths() - start);
            boolean last = start + n == e.rentMonths();
            BigDecimal part = last ? support.subtract(paid)
                    : support.multiply(BigDecimal.valueOf(n)).divide(months, SCALE, ROUNDING);
            paid = paid.add(part);
            java.time.YearMonth from = e.rentFrom().plusMonths(start);
            out.add(new Quote.Tranche(from, from.plusMonths(n - 1L), n, part,
                    "EK-9B on-site inspection dated on or after " + from.atDay(1), rule.article()));
        }
        trace.add(step(rule.rule(), rule.article(), inputs("rentFrom", e.rentFrom(), "rentMonths", e.rentMonths(),
                "support", support, "trancheMonths", rule.trancheMonths()), out.size() + " tranches"));
        return out;
    }

    /** Support-amount caps (Art. 7(3), 15(2); DOMAIN §5.4): min(support, cap − earlier use − use in this request). */
    @Cites(article = "Art. 7(3), 15(2)", since = "2015-06-02")
    private BigDecimal applySupportCap(Timeline.Entry<Catalogue.SupportCap> cap, QuoteRequest.Expense e,
                                       BigDecimal support, Map<String, BigDecimal> capUse, List<Quote.TraceStep> trace) {
        String key = cap.value().id() + "/" + (e.capKey() == null ? "" : e.capKey());
        BigDecimal usedHere = capUse.getOrDefault(key, ZERO);
        BigDecimal remaining = cap.value().maxUsd().subtract(e.capUsedUsd()).subtract(usedHere).max(ZERO);
        BigDecimal out = support.min(remaining).setScale(SCALE, ROUNDING);
        capUse.put(key, usedHere.add(out));
        trace.add(step(cap.value().id(), cap.reference(), inputs("capKey", String.valueOf(e.capKey()), "maxUsd",
                cap.value().maxUsd(), "capUsedUsd", e.capUsedUsd(),
                "usedInThisRequest", usedHere, "support", support,
                "basis", cap.value().basis()), out.compareTo(support) < 0 ? "CAPPED " + out.toPlainString()
                : "WITHIN_CAP " + out.toPlainString()));
        return out;
    }

    /**
     * Art. 36: USD per unit of the line's currency on the rate date the rules select, from the request's rate table.
     * Null when no rate is given (NEEDS_CONVERSION, never guessed).
     */
    @Cites(article = "Art. 36(1)-(4)", since = "2015-06-02")
    private BigDecimal conversion(String item, QuoteRequest r, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                                  List<Quote.TraceStep> trace) {
        if (USD.equals(e.currency())) {
            trace.add(step("currency", "Art. 36(1)", inputs("currency", e.currency()), "USD: no conversion"));
            return BigDecimal.ONE;
        }
        String rule = "FX_VALUE_DATE";
        String article = "Art. 36(4)";
        LocalDate rateDate = e.paymentDate();
        if (List.of("ADVERTISING", "COOP_ADVERTISING").contains(item) && Boolean.TRUE.equals(e.socialOrSearchAd())) {
            YearMonth month = YearMonth.from(e.paymentDate());
            long n = r.expenses().stream().filter(x -> Boolean.TRUE.equals(x.socialOrSearchAd())
                    && YearMonth.from(x.paymentDate()).equals(month)).count();
            if (n > 3) {
                rule = "FX_SOCIAL_SEARCH_15TH";
                article = "Art. 36(2)";
                rateDate = timeRules.nextBusinessDayOnOrAfter(month.atDay(15));
            }
        } else if (item.equals("PATIENT_TRAVEL") && e.eTicketIssueDate() != null) {
            rule = "FX_E_TICKET";
            article = "Art. 36(3)";
            rateDate = e.eTicketIssueDate();
        }
        QuoteRequest.ExchangeRate found = null;
        if (r.exchangeRates() != null) {
            for (QuoteRequest.ExchangeRate x : r.exchangeRates()) {
                if (x.currency().equals(e.currency()) && x.date().equals(rateDate)) {
                    found = x;
                }
            }
        }
        trace.add(step(rule, article, inputs("currency", e.currency(), "rateDate", rateDate,
                "source", found == null ? "none" : found.source() + " (Art. 36(1))"),
                found == null ? "NEEDS_CONVERSION: no " + e.currency() + " rate for " + rateDate
                        + " in the request (a rate is never guessed)"
                        : "USD per unit " + found.usdPerUnit().toPlainString()));
        if (found == null) {
            rejections.add(new Quote.Rejection(RejectionCodes.NEEDS_CONVERSION, "Art. 36(1)"));
            return null;
        }
        return found.usdPerUnit();
    }

    /** Quantity caps on the expense base (DOMAIN §5.4): representatives, days, per-person-day, m², %, economy. */
    @Cites(article = "Art. 13(1), 14(3)-(4), 21(4), 26(2), 29(1), 30(4), 32(5)", since = "2015-06-02")
    private BigDecimal baseCaps(String item, QuoteRequest.Expense e, BigDecimal amountUsd, BigDecimal usdPerUnit,
                                List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        Timeline<List<Catalogue.BaseCap>> timeline = catalogue.baseCaps.get(item);
        if (timeline == null) {
            return amountUsd;
        }
        List<Catalogue.BaseCap> caps = new ArrayList<>();
        for (Catalogue.BaseCap c : timeline.at(e.paymentDate()).orElse(List.of())) {
            if (c.kinds().contains(e.kind())) {
                caps.add(c);
            }
        }
        caps.sort(java.util.Comparator.comparingInt(c -> Catalogue.BASE_CAP_TYPES.indexOf(c.type())));
        BigDecimal base = amountUsd;
        Integer persons = e.persons();
        Integer nights = e.nights();
        for (Catalogue.BaseCap c : caps) {
            String missing = null;
            BigDecimal before = base;
            switch (c.type()) {
                case "MAX_PERSONS":
                    if (persons == null) {
                        missing = "persons";
                        break;
                    }
                    int effective = Math.min(persons, c.value().intValueExact());
                    base = base.multiply(BigDecimal.valueOf(effective)).divide(BigDecimal.valueOf(persons), 10, ROUNDING);
                    persons = effective;
                    break;
                case "MAX_DAYS":
                    Integer days = e.days() != null ? e.days() : nights;
                    if (days == null) {
                        missing = "days";
                        break;
                    }
                    int keep = Math.min(days, c.value().intValueExact());
                    base = base.multiply(BigDecimal.valueOf(keep)).divide(BigDecimal.valueOf(days), 10, ROUNDING);
                    if (nights != null) {
                        nights = Math.min(nights, c.value().intValueExact());
                    }
                    break;
                case "USD_PER_PERSON_DAY":
                    if (persons == null || nights == null) {
                        missing = persons == null ? "persons" : "nights";
                        break;
                    }
                    base = base.min(c.value().multiply(BigDecimal.valueOf((long) persons * nights)));
                    break;
                case "MAX_AREA_M2":
                    if (e.areaM2() == null) {
                        missing = "areaM2";
                        break;
                    }
                    base = base.multiply(e.areaM2().min(c.value())).divide(e.areaM2(), 10, ROUNDING);
                    break;
                case "MAX_SHARE_OF_AREA":
                    if (e.areaM2() == null || e.totalRentedAreaM2() == null) {
                        missing = e.areaM2() == null ? "areaM2" : "totalRentedAreaM2";
                        break;
                    }
                    BigDecimal allowed = e.totalRentedAreaM2().multiply(c.value());
                    base = base.multiply(e.areaM2().min(allowed)).divide(e.areaM2(), 10, ROUNDING);
                    break;
                case "ECONOMY_FARE":
                    if (e.travelClass() == null || e.travelClass().equals("ECONOMY")) {
                        break;
                    }
                    if (e.economyFareAmount() == null) {
                        missing = "economyFareAmount";
                        break;
                    }
                    base = base.min(e.economyFareAmount().multiply(usdPerUnit));
                    break;
                default:
                    throw new IllegalStateException(c.type());
            }
            if (missing != null) {
                trace.add(step(c.id(), c.article(), inputs("type", c.type(), "value", String.valueOf(c.value())),
                        "MANUAL_REVIEW: " + missing + " is needed to apply the cap"));
                rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, c.article()));
            } else {
                trace.add(step(c.id(), c.article(), inputs("type", c.type(), "value", String.valueOf(c.value()),
                        "persons", TraceInputs.number(e.persons()), "nights", TraceInputs.number(e.nights()),
                        "days", TraceInputs.number(e.days()), "areaM2", String.valueOf(e.areaM2()),
                        "totalRentedAreaM2", String.valueOf(e.totalRentedAreaM2()),
                        "travelClass", String.valueOf(e.travelClass()), "before", before),
                        base.compareTo(before) < 0 ? "CAPPED " + base.setScale(SCALE, ROUNDING).toPlainString()
                                : "WITHIN_CAP"));
            }
        }
        // a pro-rata cap may leave more than 2 decimals: the base is rounded to cents once (house rule, A-54)
        return base.setScale(SCALE, ROUNDING);
    }

    /** Lines excluded by a flag: mass media in Turkish / aimed at Türkiye (8(3), A-52), partner interpreters (12(3)). */
    @Cites(article = "Art. 8(3), 12(3)", since = "2015-06-02")
    private void excludedCondition(String item, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                                   List<Quote.TraceStep> trace) {
        Timeline<Map<String, String>> timeline = catalogue.excludedConditions.get(item);
        if (timeline == null) {
            return;
        }
        for (Map.Entry<String, String> c : timeline.at(e.paymentDate()).orElse(Map.of()).entrySet()) {
            Boolean flag = c.getKey().equals("paidToPartner") ? e.paidToPartner() : e.turkishOrTurkeyDirectedMedia();
            if (flag == null) {
                continue;
            }
            trace.add(step("excluded-condition", c.getValue(), inputs(c.getKey(), flag.toString()),
                    flag ? "EXCLUDED" : "NOT_EXCLUDED"));
            if (flag) {
                rejections.add(new Quote.Rejection(RejectionCodes.EXCLUDED_EXPENSE, c.getValue()));
            }
        }
    }

    /** Art. 13(3): patient-travel claims only after the protocol with the GD is signed. Claim level. */
    @Cites(article = "Art. 13(3)", since = "2015-06-02")
    private List<Quote.Rejection> protocol(String item, QuoteRequest r) {
        Timeline<Catalogue.ItemProfile> profile = catalogue.profiles.get(item);
        Catalogue.PriorStep prior = profile == null ? null
                : profile.at(r.filingDate()).map(Catalogue.ItemProfile::prior).orElse(null);
        if (prior == null || !prior.kind().equals("PROTOCOL")) {
            return new ArrayList<>();
        }
        LocalDate signed = r.activity() == null ? null : r.activity().protocolSignedDate();
        if (signed == null || signed.isAfter(r.filingDate())) {
            return new ArrayList<>(List.of(new Quote.Rejection(RejectionCodes.NO_PROTOCOL, prior.article())));
        }
        return new ArrayList<>();
    }

    /**
     * Counted limits of the item (DOMAIN §9): programme days, participants, quotes, delegations per year; and the
     * annex event lists. Claim level; a fact the request does not state is not judged.
     */
    @Cites(article = "Art. 21(1), 21(5), 21(6), 23(3), 24(2), 26(3), 31(1), 32(1)", since = "2015-06-02")
    private List<Quote.Rejection> limits(String item, QuoteRequest r) {
        List<Quote.Rejection> out = new ArrayList<>();
        Timeline<Catalogue.ItemProfile> profile = catalogue.profiles.get(item);
        QuoteRequest.Activity a = r.activity();
        if (profile == null || a == null) {
            return out;
        }
        for (Catalogue.Limit l : profile.at(r.filingDate()).map(Catalogue.ItemProfile::limits).orElse(List.of())) {
            if (l.fact() == null || (l.subtype() != null && !l.subtype().equals(a.subtype()))
                    || (l.unlessMinistryOrganised() && Boolean.TRUE.equals(a.ministryOrganised()))) {
                continue;
            }
            if (!l.lists().isEmpty()) {
                if (a.eventId() != null && !listed(l.lists(), a.eventId(), a.start() == null ? r.filingDate() : a.start())) {
                    out.add(new Quote.Rejection(l.rejection(), l.article()));
                }
                continue;
            }
            Integer v = l.fact().equals("programmeDays") ? a.programmeDays()
                    : l.fact().equals("participants") ? a.participants()
                    : l.fact().equals("delegationsInYear") ? a.delegationsInYear() : a.quotes();
            if (v == null) {
                continue;
            }
            Integer min = l.min();
            String province = quotesByActivityProvince ? a.province() : r.applicant().hqProvince();
            if (l.minInEk2Province() != null && province != null && config.ek2Provinces
                    .at(r.filingDate()).map(p -> p.contains(province)).orElse(false)) {
                min = l.minInEk2Province();
            }
            boolean ok = (min == null || v >= min) && (l.max() == null || v <= l.max());
            if (!ok) {
                out.add(new Quote.Rejection(l.rejection(), l.article()));
            }
        }
        return out;
    }

    /** Whether the event is in one of the lists, as configured on the event's (start) day. */
    private boolean listed(List<String> lists, String eventId, LocalDate day) {
        for (String list : lists) {
            Timeline<Set<String>> ids = config.eventLists.get(list);
            if (ids != null && ids.at(day).map(s -> s.contains(eventId)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private void inForce(String item, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                         List<Quote.TraceStep> trace) {
        Timeline<Catalogue.ItemVersion> versions = catalogue.items.get(item);
        Optional<Catalogue.ItemVersion> v = versions.at(e.paymentDate());
        String article = v.or(() -> versions.latest().map(Timeline.Entry::value))
                .map(Catalogue.ItemVersion::article).orElse(item);
        trace.add(step("support-item.in-force", article, inputs("item", item,
                "paymentDate", e.paymentDate()), v.isPresent() ? "IN_FORCE" : "NOT_IN_FORCE"));
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
            trace.add(step("art34.filing-period", "Art. 34", inputs("filingDate", r.filingDate()),
                    "MANUAL_REVIEW: no filing period in force on the filing date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, "Art. 34"));
            return;
        }
        Catalogue.FilingPeriod p = entry.get().value();
        Catalogue.Trigger trigger = p.triggerFor(e.kind());
        LocalDate from = triggerDate(trigger, r, e);
        LocalDate last = lastAllowedDay(from, p);
        boolean late = r.filingDate().isAfter(last);
        String article = entry.get().reference();
        trace.add(step("art34.filing-period", article, inputs("trigger", trigger.name(), "triggerDate",
                from, "period", p.period().toString(), "extendToNextBusinessDay",
                String.valueOf(config.extendToNextBusinessDay), "lastAllowedDay", last,
                "filingDate", r.filingDate()), late ? "LATE" : "ON_TIME"));
        if (late) {
            rejections.add(new Quote.Rejection(RejectionCodes.DEADLINE_MISSED, article));
        }
    }

    private static LocalDate triggerDate(Catalogue.Trigger trigger, QuoteRequest r, QuoteRequest.Expense e) {
        switch (trigger) {
            case DOCUMENT_ISSUE_DATE: return e.documentIssueDate();
            case ACTIVITY_END: return r.activity().end();
            case PATIENT_REGISTRATION: return e.patientRegistrationDate();
            case FILM_RELEASE: return r.activity().filmReleaseDate();
            default: return e.paymentDate();
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

    private Optional<Timeline.Entry<Catalogue.SupportCap>> supportCap(String item, QuoteRequest.Expense e) {
        Timeline<Catalogue.SupportCap> timeline = catalogue.supportCaps.get(item);
        if (timeline == null) {
            return Optional.empty();
        }
        return timeline.entryAt(e.paymentDate()).filter(x -> x.value().kinds().contains(e.kind()));
    }

    /** Base rate (CONFIG) + Art. 33(1) points, capped at maxRate (CONFIG). */
    @Cites(article = "Art. 33(1), 33(3)", since = "2015-06-02")
    private BigDecimal rate(String item, QuoteRequest r, QuoteRequest.Expense e, LocalDate refDate,
                            List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<BigDecimal>> base = config.baseRates.get(item).entryAt(refDate);
        String origin = config.origin("baseRates", item);
        if (base.isEmpty()) {
            trace.add(step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate,
                    "source", origin), "MANUAL_REVIEW: no base rate configured for the date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, CONFIG_RATE));
            return BigDecimal.ZERO;
        }
        BigDecimal rate = base.get().value();
        trace.add(step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate,
                "period", base.get().describePeriod(), "source", origin), rate.toPlainString()));

        boolean bonusItem = catalogue.bonusItems.at(refDate).map(s -> s.contains(item)).orElse(false);
        if (bonusItem) {
            rate = rate.add(targetCountryBonus(r, refDate, trace)).add(provinceBonus(r, refDate, trace));
        }
        rate = rate.add(fairBonus(item, r, e, refDate, trace));

        Optional<Timeline.Entry<BigDecimal>> max = config.maxRate.entryAt(refDate);
        BigDecimal cap = max.map(Timeline.Entry::value).orElse(BigDecimal.ONE);
        BigDecimal capped = rate.min(cap);
        trace.add(step("rate.max", "CONFIG maxRate (no maximum in the sources, DOMAIN A-27(b))",
                inputs("rate", rate, "maxRate", cap,
                        "source", max.isPresent() ? config.origin("maxRate") : "none configured for the date: 1"),
                capped.toPlainString()));
        return capped;
    }

    /** Art. 33(2),(3): +20 on participation and transport when all countries (of the line's trip) are in EK-1. */
    @Cites(article = "Art. 33(2), 33(3)", since = "2015-06-02")
    private BigDecimal fairBonus(String item, QuoteRequest r, QuoteRequest.Expense e, LocalDate refDate,
                                 List<Quote.TraceStep> trace) {
        Optional<Timeline.Entry<Catalogue.FairBonus>> bonus = catalogue.fairBonus.entryAt(refDate);
        if (bonus.isEmpty() || !bonus.get().value().items().contains(item)) {
            return BigDecimal.ZERO;
        }
        Catalogue.FairBonus b = bonus.get().value();
        if (!b.kinds().contains(e.kind())) {
            trace.add(step(b.rule(), bonus.get().reference(), inputs("kind", e.kind()),
                    "+0 (only " + String.join(", ", b.kinds()) + " lines)"));
            return BigDecimal.ZERO;
        }
        Set<String> ek1 = config.ek1Countries.at(refDate).orElse(Set.of());
        List<String> countries = e.countries() != null && !e.countries().isEmpty() ? e.countries()
                : r.activity() == null || r.activity().countries() == null ? List.of() : r.activity().countries();
        boolean all = !countries.isEmpty() && ek1.containsAll(countries);
        BigDecimal add = all ? b.points() : BigDecimal.ZERO;
        trace.add(step(b.rule(), bonus.get().reference(), inputs("kind", e.kind(), "countries",
                String.join(",", countries), "allInEk1", String.valueOf(all), "ek1Source",
                config.origin("ek1Countries")), "+" + add.toPlainString()));
        return add;
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
        return List.copyOf(new java.util.LinkedHashSet<>(rejections));
    }
}
