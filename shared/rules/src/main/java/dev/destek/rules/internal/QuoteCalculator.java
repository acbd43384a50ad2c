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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final String COOPERATION_ORGANISATION = "COOPERATION_ORGANISATION";
    /** The counted fact of T25 (Arts. 12(1), 17(1)): months between claimPeriodFrom and claimPeriodTo. */
    private static final String CLAIM_MONTHS = "claimMonths";
    private static final String CONFIG_RATE = "CONFIG (Decree 2015/8 rate, not in the sources)";

    private final Catalogue catalogue;
    private final DeploymentConfig config;
    private final TimeRules timeRules;
    private final String rulesVersion;
    private final String ek1Origin;
    private final String ek2Origin;
    private final String maxRateOrigin;
    /** Per item, what its quotes look up: built on the item's first quote (not in Rules.load: cold start). */
    private final Map<String, ItemRules> itemRules = new ConcurrentHashMap<>();
    /** Trace texts of the catalogue's and configuration's own decimals (rates, points), made once. */
    private final Map<BigDecimal, String> plainTexts = new IdentityHashMap<>();
    private final Map<BigDecimal, String> plusTexts = new IdentityHashMap<>();

    /** DOMAIN A-29 (interpretation A29_QUOTE_PROVINCE): the activity's province decides the quote count. */
    private final boolean quotesByActivityProvince;
    /** DOMAIN A-17(b) (A17_EVENT_DAYS): of an event longer than 5 days, the 5 costliest days count, not the first 5. */
    private final boolean costliestDays;
    /**
     * DOMAIN A-23 (A23_REPRESENTATIVES): Art. 21(4)'s "at most 2 representatives" is 2 for the whole delegation claim,
     * not 2 per entity. Art. 21 only: 26(2) says "from one beneficiary", 29(1)/30(4) count per invitee.
     */
    private final boolean representativesInTotal;
    /**
     * DOMAIN A-27(c) (A27_COOP_PROVINCE_BONUS): a cooperation organisation's Art. 29 activity gets the EK-2 points
     * by its headquarters province too, although 33(1) names beneficiaries.
     */
    private final boolean coopProvinceBonus;
    /** DOMAIN A-31 (A31_COOP_ADVERTISING_RATE_DATE): the Art. 36(2) 15th-of-month rate date also for Art. 29(1). */
    private final boolean coopSocialSearchRateDate;
    /**
     * DOMAIN A-21, §5.4 (A21_CAP_BASIS): the 7(3) / 15(2) caps limit the expense base before the rate instead of the
     * support amount after it ("supported in the amount of at most" read as the expense counted).
     */
    private final boolean supportCapsOnExpenseBase;
    /**
     * DOMAIN A-13 (A13_PERIOD_MODE): "at least three-monthly periods" (12(1), 17(1)) read as fixed 3-month periods
     * counted from the first supported month, one claim each, instead of a claim covering 3 months or more.
     */
    private final boolean fixedClaimPeriods;
    /**
     * DOMAIN A-15 (A15_ECONOMY_FARE_EVIDENCE): the travel class is evidence to be stated like the economy fare; a
     * transport line under C_ECONOMY that does not state it is not read as economy but reviewed by hand.
     */
    private final boolean travelClassRequired;
    /** DOMAIN: the sector lists of Arts. 29(2) and 32(1) as the switches read them. */
    private final SectorReadings sectorReadings;

    /** @param interpretations the option in force of every switchable interpretation (regulation/interpretations.yaml) */
    public QuoteCalculator(Catalogue catalogue, DeploymentConfig config, TimeRules timeRules,
                           Map<String, String> interpretations) {
        this.catalogue = catalogue;
        this.config = config;
        this.quotesByActivityProvince = "ACTIVITY_PROVINCE".equals(interpretations.get("A29_QUOTE_PROVINCE"));
        this.costliestDays = "COSTLIEST_FIVE_DAYS".equals(interpretations.get("A17_EVENT_DAYS"));
        this.representativesInTotal = "TOTAL".equals(interpretations.get("A23_REPRESENTATIVES"));
        this.coopSocialSearchRateDate =
                !"ADVERTISERS_ONLY".equals(interpretations.get("A31_COOP_ADVERTISING_RATE_DATE"));
        this.fixedClaimPeriods = "THREE_MONTH_PERIODS".equals(interpretations.get("A13_PERIOD_MODE"));
        this.supportCapsOnExpenseBase = "EXPENSE_BASE".equals(interpretations.get("A21_CAP_BASIS"));
        this.coopProvinceBonus =
                "ALSO_COOPERATION_ORGANISATIONS".equals(interpretations.get("A27_COOP_PROVINCE_BONUS"));
        this.sectorReadings = new SectorReadings(catalogue, interpretations);
        this.travelClassRequired =
                "ALSO_REQUIRE_TRAVEL_CLASS".equals(interpretations.get("A15_ECONOMY_FARE_EVIDENCE"));
        this.timeRules = timeRules;
        this.rulesVersion = catalogue.version + "; config " + config.describe();
        this.ek1Origin = config.origin("ek1Countries");
        this.ek2Origin = config.origin("ek2Provinces");
        this.maxRateOrigin = config.origin("maxRate");
        for (Timeline<BigDecimal> rates : config.baseRates.values()) {
            for (Timeline.Entry<BigDecimal> e : rates.entries()) {
                plainTexts.put(e.value(), e.value().toPlainString());
            }
        }
        for (Timeline.Entry<BigDecimal> e : config.maxRate.entries()) {
            plainTexts.put(e.value(), e.value().toPlainString());
        }
        plainTexts.put(BigDecimal.ONE, BigDecimal.ONE.toPlainString());
        plusTexts.put(BigDecimal.ZERO, "+" + BigDecimal.ZERO.toPlainString());
        for (Timeline.Entry<BigDecimal> e : catalogue.targetCountryBonus.entries()) {
            plusTexts.put(e.value(), "+" + e.value().toPlainString());
        }
        for (Timeline.Entry<Catalogue.ProvinceBonus> e : catalogue.provinceBonus.entries()) {
            plusTexts.put(e.value().points(), "+" + e.value().points().toPlainString());
        }
        for (Timeline.Entry<Catalogue.FairBonus> e : catalogue.fairBonus.entries()) {
            plusTexts.put(e.value().points(), "+" + e.value().points().toPlainString());
        }
    }

    /**
     * The catalogue and configuration of one item, looked up once instead of ~15 map lookups per line, and the
     * quantity caps per expense kind already filtered and in their order of application.
     */
    private static final class ItemRules {
        final Timeline<Catalogue.ItemVersion> versions;
        /** Article of the latest version: cited when the item is not in force on the payment date. */
        final String latestArticle;
        final Timeline<Catalogue.FilingPeriod> filingPeriods;
        final Timeline<Set<String>> exclusions;
        final Timeline<Map<String, Catalogue.LineCondition>> excludedConditions;
        final Timeline<Map<String, List<Catalogue.BaseCap>>> baseCapsByKind;
        final Timeline<Catalogue.SupportCap> supportCaps;
        final Timeline<Catalogue.Eligibility> eligibility;
        final Timeline<Catalogue.ItemProfile> profiles;
        final Timeline<BigDecimal> baseRates;
        final String baseRateOrigin;
        /** Art. 36(2): the 15th-of-the-month rate date for social/search ads (ADVERTISING; COOP_ADVERTISING: A-31). */
        final boolean socialSearchRateDate;
        /** Art. 36(3): the e-ticket date for PATIENT_TRAVEL. */
        final boolean eTicketRateDate;
        /** A23_REPRESENTATIVES TOTAL: the Art. 21(4) person cap is shared by the claim's lines (TRADE_DELEGATION). */
        final boolean representativesInTotal;

        ItemRules(String item, Catalogue catalogue, DeploymentConfig config, boolean coopSocialSearchRateDate,
                  boolean representativesInTotal) {
            versions = catalogue.items.get(item);
            latestArticle = versions.latest().isPresent() ? versions.latest().get().value().article() : item;
            filingPeriods = catalogue.filingPeriods.get(item);
            exclusions = catalogue.exclusions.get(item);
            excludedConditions = catalogue.excludedConditions.get(item);
            Timeline<List<Catalogue.BaseCap>> caps = catalogue.baseCaps.get(item);
            baseCapsByKind = caps == null ? null : byKind(caps, catalogue.expenseKinds);
            supportCaps = catalogue.supportCaps.get(item);
            eligibility = catalogue.eligibility.get(item);
            profiles = catalogue.profiles.get(item);
            baseRates = config.baseRates.get(item);
            baseRateOrigin = config.origin("baseRates", item);
            socialSearchRateDate = item.equals("ADVERTISING")
                    || coopSocialSearchRateDate && item.equals("COOP_ADVERTISING");
            eTicketRateDate = item.equals("PATIENT_TRAVEL");
            this.representativesInTotal = representativesInTotal && item.equals("TRADE_DELEGATION");
        }

        /**
         * In {@link Catalogue#BASE_CAP_TYPES} order, stable; an insertion sort rather than a Comparator lambda, whose
         * first bootstrap in a fresh JVM costs a cold function's first quote several ms.
         */
        private static void sortByType(List<Catalogue.BaseCap> caps) {
            for (int i = 1; i < caps.size(); i++) {
                Catalogue.BaseCap c = caps.get(i);
                int rank = Catalogue.BASE_CAP_TYPES.indexOf(c.type());
                int j = i - 1;
                while (j >= 0 && Catalogue.BASE_CAP_TYPES.indexOf(caps.get(j).type()) > rank) {
                    caps.set(j + 1, caps.get(j));
                    j--;
                }
                caps.set(j + 1, c);
            }
        }

        /** Each version's caps for each kind, in the order they apply (persons → days → … → economy). */
        private static Timeline<Map<String, List<Catalogue.BaseCap>>> byKind(Timeline<List<Catalogue.BaseCap>> caps,
                                                                             Set<String> kinds) {
            List<Timeline.Entry<Map<String, List<Catalogue.BaseCap>>>> out = new ArrayList<>();
            for (Timeline.Entry<List<Catalogue.BaseCap>> v : caps.entries()) {
                Map<String, List<Catalogue.BaseCap>> byKind = new HashMap<>();
                for (String kind : kinds) {
                    List<Catalogue.BaseCap> forKind = new ArrayList<>();
                    for (Catalogue.BaseCap c : v.value()) {
                        if (c.kinds().contains(kind)) {
                            forKind.add(c);
                        }
                    }
                    sortByType(forKind);
                    byKind.put(kind, List.copyOf(forKind));
                }
                out.add(new Timeline.Entry<>(v.from(), v.to(), byKind, v.reference()));
            }
            return Timeline.of(out);
        }
    }

    private ItemRules itemRules(String item) {
        ItemRules rules = itemRules.get(item);
        if (rules == null) {
            rules = new ItemRules(item, catalogue, config, coopSocialSearchRateDate, representativesInTotal);
            ItemRules raced = itemRules.putIfAbsent(item, rules);
            rules = raced == null ? rules : raced;
        }
        return rules;
    }

    /** Per request: what every line of it shares (claim facts as trace text, the Art. 33(1) steps per date). */
    private static final class Claim {
        final QuoteRequest request;
        final ItemRules rules;
        final String countriesText;
        final Map<String, BigDecimal> capUse = new HashMap<>();
        /** A23_REPRESENTATIVES TOTAL: persons already counted per MAX_PERSONS cap and kind by earlier lines. */
        final Map<String, Integer> personsUsed = new HashMap<>();
        /** The current line's persons under that cap: counted only once the line is supported (not rejected). */
        String linePersonsKey;
        int linePersons;
        /**
         * The last Art. 34 deadline computed (period, trigger and its date, last allowed day) and its step: lines of
         * one date share one immutable step, as they share the Art. 33(1) steps below.
         */
        Catalogue.FilingPeriod filingPeriod;
        Catalogue.Trigger filingTrigger;
        LocalDate filingFrom;
        LocalDate filingLast;
        Quote.TraceStep filingStep;
        /** The last rate date and its base-rate step; the last rate and cap entry and their maxRate step. */
        LocalDate rateDate;
        Quote.TraceStep rateStep;
        BigDecimal maxRateOf;
        Timeline.Entry<BigDecimal> maxRateEntry;
        Quote.TraceStep maxRateStep;
        /** The last payment date judged for the item's version in force, the version and its step. */
        LocalDate inForceDate;
        Catalogue.ItemVersion inForceVersion;
        Quote.TraceStep inForceStep;
        /** The payment date the Art. 33(1) steps below were made for (null: none yet). */
        LocalDate bonusDate;
        BigDecimal targetCountryAdd;
        BigDecimal provinceAdd;
        Quote.TraceStep targetCountryStep;
        Quote.TraceStep provinceStep;

        Claim(QuoteRequest request, ItemRules rules) {
            this.request = request;
            this.rules = rules;
            List<String> countries = request.activity() == null || request.activity().countries() == null
                    ? List.of() : request.activity().countries();
            this.countriesText = String.join(",", countries);
        }
    }

    public Quote quote(QuoteRequest request) {
        String item = validate(request);
        List<Quote.Rejection> claimRejections = eligibility(item, request);
        claimRejections.addAll(limits(item, request));
        claimRejections.addAll(protocol(item, request));
        List<Quote.Line> lines = new ArrayList<>(request.expenses().size());
        BigDecimal total = ZERO;
        Claim claim = new Claim(request, itemRules(item));
        for (QuoteRequest.Expense e : request.expenses()) {
            Quote.Line line = line(item, claim, e, claimRejections);
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
        ItemRules ir = itemRules(item);
        Catalogue.Eligibility eligible = r.filingDate() == null || ir.eligibility == null ? null
                : ir.eligibility.valueOrNull(r.filingDate());
        boolean sectorRestricted = eligible != null
                && !sectorReadings.sectors(item, eligible, r.filingDate()).isEmpty();
        if (sectorRestricted) {
            required(r.applicant().sector(), "/applicant/sector");
        }
        if (r.filingDate() == null) {
            throw new QuoteRequestException("/filingDate", "filingDate is required");
        }
        Set<String> bonusItems = catalogue.bonusItems.valueOrNull(r.filingDate());
        boolean bonusItem = bonusItems != null && bonusItems.contains(item);
        List<String> countries = r.activity() == null ? null : r.activity().countries();
        if (bonusItem && (countries == null || countries.isEmpty())) {
            throw new QuoteRequestException("/activity/countries",
                    "the countries the activity is directed at are required for " + item + " (Art. 33(1),(3))");
        }
        if (countries != null) {
            for (int i = 0; i < countries.size(); i++) {
                String country = countries.get(i);
                if (country == null || country.isBlank()) { // the pointer only on failure (hot path)
                    required(country, "/activity/countries/" + i);
                }
            }
        }
        if (r.activity() != null) {
            positive(r.activity().delegationsInYear(), "/activity/delegationsInYear");
            if (r.activity().claimPeriodFrom() != null && r.activity().claimPeriodTo() != null
                    && r.activity().claimPeriodTo().isBefore(r.activity().claimPeriodFrom())) {
                throw new QuoteRequestException("/activity/claimPeriodTo", "claimPeriodTo is before claimPeriodFrom");
            }
            if (r.activity().supportReceivedUsd() != null && r.activity().supportReceivedUsd().signum() < 0) {
                throw new QuoteRequestException("/activity/supportReceivedUsd", "must be zero or positive");
            }
        }
        if (r.expenses() == null || r.expenses().isEmpty()) {
            throw new QuoteRequestException("/expenses", "at least one expense is required");
        }
        Set<String> ids = new HashSet<>();
        Catalogue.FilingPeriod period = ir.filingPeriods.valueOrNull(r.filingDate());
        for (int i = 0; i < r.expenses().size(); i++) {
            validateExpense(item, r, period, r.expenses().get(i), expensePointer(i), ids);
        }
        validateRates(r);
        return item;
    }

    private void validateExpense(String item, QuoteRequest r, Catalogue.FilingPeriod period, QuoteRequest.Expense e,
                                 String at, Set<String> ids) {
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
        if (e.paymentDate() == null && e.paymentDocument() != null) {
            throw new QuoteRequestException(at + "/paymentDocument/transactionDate",
                    "the payment document's transaction date is required (Art. 36(4))");
        }
        if (e.paymentDate() == null) {
            throw new QuoteRequestException(at + "/paymentDate", "paymentDate is required (Art. 36(4))");
        }
        if (period != null) {
            Catalogue.Trigger t = period.triggerFor(kind);
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
        if (e.dayAmounts() != null) {
            validateDayAmounts(e, at);
        }
        if (e.travelClass() != null && !List.of("ECONOMY", "BUSINESS", "FIRST").contains(e.travelClass())) {
            throw new QuoteRequestException(at + "/travelClass", "expected ECONOMY, BUSINESS or FIRST, got "
                    + e.travelClass());
        }
        if (e.paymentDocument() != null) {
            validatePaymentDocument(e, at);
        }
    }

    private static void validatePaymentDocument(QuoteRequest.Expense e, String at) {
        QuoteRequest.PaymentDocument d = e.paymentDocument();
        String doc = at + "/paymentDocument";
        if (d.countingDate() == null) {
            throw new QuoteRequestException(doc + "/transactionDate", "the payment document's transaction date is "
                    + "required (Art. 36(4)): paymentDate alone does not say which of its dates it is");
        }
        if (!d.countingDate().equals(e.paymentDate())) {
            throw new QuoteRequestException(at + "/paymentDate", "paymentDate " + e.paymentDate() + " is not the "
                    + (d.valueDate() != null ? "value date " : "transaction date ") + d.countingDate()
                    + " of the payment document, which counts (Art. 36(4)); leave paymentDate out or send that date");
        }
        if (d.channel() != null && !Catalogue.PAYMENT_CHANNELS.contains(d.channel())) {
            throw new QuoteRequestException(doc + "/channel", "expected one of " + Catalogue.PAYMENT_CHANNELS
                    + ", got " + d.channel());
        }
        if ("NON_BANK".equals(d.channel())) {
            String country = d.country();
            if (country == null || country.length() != 2 || country.charAt(0) < 'A' || country.charAt(0) > 'Z'
                    || country.charAt(1) < 'A' || country.charAt(1) > 'Z') { // [A-Z]{2}, as the configured lists
                throw new QuoteRequestException(doc + "/country", "the ISO 3166-1 alpha-2 country of a payment "
                        + "outside the banking system is required (Art. 36(5)), got " + country);
            }
        }
    }

    /** DOMAIN A-17(b): the per-day amounts must describe the line itself, or the days kept would be made up. */
    private static void validateDayAmounts(QuoteRequest.Expense e, String at) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < e.dayAmounts().size(); i++) {
            BigDecimal d = e.dayAmounts().get(i);
            if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > SCALE) {
                throw new QuoteRequestException(at + "/dayAmounts/" + i,
                        "expected an amount of zero or more with at most " + SCALE + " decimals");
            }
            sum = sum.add(d);
        }
        if (e.days() != null && e.days() != e.dayAmounts().size()) {
            throw new QuoteRequestException(at + "/dayAmounts",
                    "expected one amount per day (" + e.days() + "), got " + e.dayAmounts().size());
        }
        if (sum.compareTo(e.amount()) != 0) {
            throw new QuoteRequestException(at + "/dayAmounts", "the day amounts add up to " + sum.toPlainString()
                    + ", not to the line's amount " + e.amount().toPlainString());
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

    /** Holder: the pointers are made on the first quote, not when Rules.load loads this class (cold start). */
    private static final class ExpensePointers {
        static final String[] POINTERS = new String[64];

        static {
            for (int i = 0; i < POINTERS.length; i++) {
                POINTERS[i] = "/expenses/" + i;
            }
        }
    }

    private static String expensePointer(int i) {
        return i < ExpensePointers.POINTERS.length ? ExpensePointers.POINTERS[i] : "/expenses/" + i;
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
            if (x == null) {
                throw new QuoteRequestException(ratePointer(i), "exchange rate is required");
            }
            if (x.currency() == null || !isIsoCurrency(x.currency())) {
                throw new QuoteRequestException(ratePointer(i) + "/currency", "unknown currency " + x.currency());
            }
            if (x.date() == null) {
                throw new QuoteRequestException(ratePointer(i) + "/date", "missing date");
            }
            if (x.usdPerUnit() == null || x.usdPerUnit().signum() <= 0) {
                throw new QuoteRequestException(ratePointer(i) + "/usdPerUnit", "usdPerUnit must be positive");
            }
            if (x.source() == null || !x.source().equals("TCMB_INDICATIVE") && !x.source().equals("OANDA")) {
                throw new QuoteRequestException(ratePointer(i) + "/source",
                        "expected TCMB_INDICATIVE or OANDA (Art. 36(1))");
            }
        }
    }

    /** Built only for an error (hot path). */
    private static String ratePointer(int i) {
        return "/exchangeRates/" + i;
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
        if (ProgrammeConfig.isCommonIsoCurrency(code)) {
            return true;
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
        Set<String> sectors = sectorReadings.sectors(item, e.get().value(), r.filingDate());
        if (!sectors.isEmpty() && !sectors.contains(r.applicant().sector())) {
            out.add(new Quote.Rejection(RejectionCodes.SECTOR_NOT_ELIGIBLE, article));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- line level

    private Quote.Line line(String item, Claim claim, QuoteRequest.Expense e, List<Quote.Rejection> claimLevel) {
        QuoteRequest r = claim.request;
        ItemRules ir = claim.rules;
        List<Quote.Rejection> rejections = new ArrayList<>(4);
        if (!claimLevel.isEmpty()) { // addAll copies even an empty list
            rejections.addAll(claimLevel);
        }
        TraceSteps trace = new TraceSteps();
        BigDecimal claimed = e.amount().setScale(SCALE, ROUNDING); // exact: at most 2 decimals (validated)
        LocalDate refDate = e.paymentDate(); // list/rate versions in force on the expense date (DOMAIN A-27(d))

        if (!claimLevel.isEmpty()) {
            trace.add(step("applicant.eligibility", claimLevel.get(0).article(),
                    inputs("role", r.applicant().role(), "type", String.valueOf(r.applicant().type()),
                            "sector", String.valueOf(r.applicant().sector()), "filingDate", r.filingDate()),
                    "REJECTED " + codes(claimLevel)));
        }
        inForce(item, claim, e, rejections, trace);
        if (e.paymentDocument() != null) {
            paymentDocument(e, rejections, trace);
        }
        filingPeriod(claim, e, rejections, trace);
        excludedKind(ir, e, rejections, trace);
        excludedCondition(ir, e, rejections, trace);
        timeRules.check(item, r, e, rejections, trace);

        BigDecimal usdPerUnit = conversion(ir, r, e, rejections, trace);
        BigDecimal amountUsd = usdPerUnit == null ? null
                : usdPerUnit == BigDecimal.ONE ? claimed : claimed.multiply(usdPerUnit).setScale(SCALE, ROUNDING);
        claim.linePersonsKey = null;
        BigDecimal capped = amountUsd == null ? ZERO : baseCaps(claim, e, amountUsd, usdPerUnit, rejections, trace);

        BigDecimal rate = rate(item, claim, e, refDate, rejections, trace);
        Timeline.Entry<Catalogue.SupportCap> cap = supportCap(ir, e);
        if (cap != null && e.capUsedUsd() == null) {
            trace.add(step(cap.value().id(), cap.reference(), inputs("kind", e.kind(), "maxUsd",
                    cap.value().maxUsd(), "scope", cap.value().scope(),
                    "basis", supportCapsOnExpenseBase ? "EXPENSE_BASE" : cap.value().basis(), "capUsedUsd", "unknown"),
                    "MANUAL_REVIEW: cap is cumulative per " + cap.value().scope()
                            + " over all claims; send capUsedUsd from the claim history"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, cap.reference()));
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
        if (claim.linePersonsKey != null && base.signum() > 0) { // a rejected line leaves its persons to the others
            claim.personsUsed.merge(claim.linePersonsKey, claim.linePersons, Integer::sum);
        }
        boolean capOnBase = supportCapsOnExpenseBase && cap != null && e.capUsedUsd() != null && base.signum() > 0;
        if (capOnBase) {
            base = applySupportCap(cap, e, "EXPENSE_BASE", "eligibleBase", base, claim.capUse, trace);
        }
        trace.add(step("eligible-base", ir.latestArticle, inputs("claimed", claimed,
                "currency", e.currency(), "amountUsd", amountUsd == null ? "n/a" : amountUsd,
                "afterCaps", capped, "rejections", codes(rejections)), TraceInputs.plain(base)));
        BigDecimal support = base.multiply(rate).setScale(SCALE, ROUNDING);
        trace.add(step("support", "House rule (DOMAIN A-54): HALF_UP to 2 decimals",
                inputs("eligibleBase", base, "rate", rate), TraceInputs.plain(support)));
        if (!capOnBase && cap != null && e.capUsedUsd() != null && base.signum() > 0) {
            support = applySupportCap(cap, e, cap.value().basis(), "support", support, claim.capUse, trace);
        }
        if (decreeCap.isPresent() && received != null && base.signum() > 0) {
            support = applyDecreeCap(item, decreeCap.get(), received, support, claim.capUse, trace);
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
        Catalogue.ItemProfile itemProfile = profile == null ? null : profile.valueOrNull(r.filingDate());
        Catalogue.PrepaidRent rule = itemProfile == null ? null : itemProfile.prepaidRent();
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

    /**
     * Support-amount caps (Art. 7(3), 15(2); DOMAIN §5.4): min(amount, cap − earlier use − use in this request), the
     * amount being the support (basis SUPPORT_AMOUNT) or, under A21_CAP_BASIS EXPENSE_BASE, the eligible base.
     */
    @Cites(article = "Art. 7(3), 15(2)", since = "2015-06-02")
    private BigDecimal applySupportCap(Timeline.Entry<Catalogue.SupportCap> cap, QuoteRequest.Expense e, String basis,
                                       String amountName, BigDecimal support, Map<String, BigDecimal> capUse,
                                       List<Quote.TraceStep> trace) {
        String key = cap.value().id() + "/" + (e.capKey() == null ? "" : e.capKey());
        BigDecimal usedHere = capUse.getOrDefault(key, ZERO);
        BigDecimal remaining = cap.value().maxUsd().subtract(e.capUsedUsd()).subtract(usedHere).max(ZERO);
        BigDecimal out = support.min(remaining).setScale(SCALE, ROUNDING);
        capUse.put(key, usedHere.add(out));
        trace.add(step(cap.value().id(), cap.reference(), inputs("capKey", String.valueOf(e.capKey()), "maxUsd",
                cap.value().maxUsd(), "capUsedUsd", e.capUsedUsd(),
                "usedInThisRequest", usedHere, amountName, support,
                "basis", basis), out.compareTo(support) < 0 ? TraceInputs.plain("CAPPED ", out)
                : TraceInputs.plain("WITHIN_CAP ", out)));
        return out;
    }

    /**
     * Art. 36: USD per unit of the line's currency on the rate date the rules select, from the request's rate table.
     * Null when no rate is given (NEEDS_CONVERSION, never guessed).
     */
    @Cites(article = "Art. 36(1)-(4)", since = "2015-06-02")
    private BigDecimal conversion(ItemRules ir, QuoteRequest r, QuoteRequest.Expense e,
                                  List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        if (USD.equals(e.currency())) {
            trace.add(USD_STEP);
            return BigDecimal.ONE;
        }
        String rule = "FX_VALUE_DATE";
        String article = "Art. 36(4)";
        LocalDate rateDate = e.paymentDate();
        if (ir.socialSearchRateDate && Boolean.TRUE.equals(e.socialOrSearchAd())) {
            YearMonth month = YearMonth.from(e.paymentDate());
            long n = r.expenses().stream().filter(x -> Boolean.TRUE.equals(x.socialOrSearchAd())
                    && YearMonth.from(x.paymentDate()).equals(month)).count();
            if (n > 3) {
                rule = "FX_SOCIAL_SEARCH_15TH";
                article = "Art. 36(2)";
                rateDate = timeRules.nextBusinessDayOnOrAfter(month.atDay(15));
            }
        } else if (ir.eTicketRateDate && e.eTicketIssueDate() != null) {
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
                        : TraceInputs.plain("USD per unit ", found.usdPerUnit())));
        if (found == null) {
            rejections.add(new Quote.Rejection(RejectionCodes.NEEDS_CONVERSION, "Art. 36(1)"));
            return null;
        }
        return found.usdPerUnit();
    }

    /** Quantity caps on the expense base (DOMAIN §5.4): representatives, days, per-person-day, m², %, economy. */
    @Cites(article = "Art. 13(1), 14(3)-(4), 21(4), 26(2), 29(1), 30(4), 32(5)", since = "2015-06-02")
    private BigDecimal baseCaps(Claim claim, QuoteRequest.Expense e, BigDecimal amountUsd, BigDecimal usdPerUnit,
                                List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        ItemRules ir = claim.rules;
        if (ir.baseCapsByKind == null) {
            return amountUsd;
        }
        Map<String, List<Catalogue.BaseCap>> byKind = ir.baseCapsByKind.valueOrNull(e.paymentDate());
        List<Catalogue.BaseCap> caps = byKind == null ? List.of() : byKind.getOrDefault(e.kind(), List.of());
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
                    int maxPersons = c.value().intValueExact();
                    String usedKey = null;
                    if (ir.representativesInTotal) { // the lines share one allowance, in their order in the claim
                        usedKey = c.id() + "/" + e.kind();
                        maxPersons = Math.max(0, maxPersons - claim.personsUsed.getOrDefault(usedKey, 0));
                    }
                    int effective = Math.min(persons, maxPersons);
                    if (usedKey != null) {
                        claim.linePersonsKey = usedKey;
                        claim.linePersons = effective;
                    }
                    if (effective < persons) { // else the base stays the same object: nothing to divide or compare
                        base = base.multiply(BigDecimal.valueOf(effective)).divide(BigDecimal.valueOf(persons), 10,
                                ROUNDING);
                    }
                    persons = effective;
                    break;
                case "MAX_DAYS":
                    List<BigDecimal> perDay = e.dayAmounts();
                    Integer days = e.days() != null ? e.days()
                            : perDay != null ? Integer.valueOf(perDay.size()) : nights;
                    if (days == null) {
                        missing = "days";
                        break;
                    }
                    int keep = Math.min(days, c.value().intValueExact());
                    if (keep < days && perDay != null) {
                        base = base.multiply(keptDays(perDay, keep)).divide(e.amount(), 10, ROUNDING);
                    } else if (keep < days && costliestDays) {
                        missing = "dayAmounts";
                        break;
                    } else if (keep < days) {
                        base = base.multiply(BigDecimal.valueOf(keep)).divide(BigDecimal.valueOf(days), 10, ROUNDING);
                    }
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
                    if (e.travelClass() == null && travelClassRequired) {
                        missing = "travelClass";
                        break;
                    }
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
                trace.add(step(c.id(), c.article(), inputs("type", c.type(), "value", c.value(),
                        "persons", TraceInputs.number(e.persons()), "nights", TraceInputs.number(e.nights()),
                        "days", TraceInputs.number(e.days()), "areaM2", String.valueOf(e.areaM2()),
                        "totalRentedAreaM2", String.valueOf(e.totalRentedAreaM2()),
                        "travelClass", String.valueOf(e.travelClass()), "before", before),
                        base != before && base.compareTo(before) < 0
                                ? TraceInputs.plain("CAPPED ", base.setScale(SCALE, ROUNDING))
                                : "WITHIN_CAP"));
            }
        }
        // a pro-rata cap may leave more than 2 decimals: the base is rounded to cents once (house rule, A-54)
        return base.setScale(SCALE, ROUNDING);
    }

    /** DOMAIN A-17(b): the amount of the days that count, the first {@code keep} or the {@code keep} costliest. */
    private BigDecimal keptDays(List<BigDecimal> perDay, int keep) {
        List<BigDecimal> days = perDay;
        if (costliestDays) {
            days = new ArrayList<>(perDay);
            days.sort(java.util.Comparator.reverseOrder());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < keep; i++) {
            sum = sum.add(days.get(i));
        }
        return sum;
    }

    /** Lines excluded by a flag: mass media in Turkish / aimed at Türkiye (8(3), A-52), partner interpreters (12(3)). */
    @Cites(article = "Art. 8(3), 12(3)", since = "2015-06-02")
    private void excludedCondition(ItemRules ir, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                                   List<Quote.TraceStep> trace) {
        Map<String, Catalogue.LineCondition> conditions = ir.excludedConditions == null ? null
                : ir.excludedConditions.valueOrNull(e.paymentDate());
        if (conditions == null) {
            return;
        }
        for (Map.Entry<String, Catalogue.LineCondition> c : conditions.entrySet()) {
            Boolean flag = flag(c.getKey(), e);
            if (flag == null) {
                continue;
            }
            trace.add(step("excluded-condition", c.getValue().article(), inputs(c.getKey(), flag.toString()),
                    flag ? "EXCLUDED " + c.getValue().code() : "NOT_EXCLUDED"));
            if (flag) {
                rejections.add(new Quote.Rejection(c.getValue().code(), c.getValue().article()));
            }
        }
    }

    /** The expense line's value of a {@link Catalogue#EXCLUSION_FLAGS flag}. */
    private static Boolean flag(String name, QuoteRequest.Expense e) {
        switch (name) {
            case "paidToPartner": return e.paidToPartner();
            case "invoiceNotLinkable": return e.invoiceNotLinkable();
            case "notOwnAccount": return e.notOwnAccount();
            default: return e.turkishOrTurkeyDirectedMedia();
        }
    }

    /** Art. 13(3): patient-travel claims only after the protocol with the GD is signed. Claim level. */
    @Cites(article = "Art. 13(3)", since = "2015-06-02")
    private List<Quote.Rejection> protocol(String item, QuoteRequest r) {
        Timeline<Catalogue.ItemProfile> profile = catalogue.profiles.get(item);
        Catalogue.ItemProfile itemProfile = profile == null ? null : profile.valueOrNull(r.filingDate());
        Catalogue.PriorStep prior = itemProfile == null ? null : itemProfile.prior();
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
        Catalogue.ItemProfile itemProfile = profile.valueOrNull(r.filingDate());
        List<Catalogue.Limit> limits = itemProfile == null || itemProfile.limits() == null ? List.of()
                : itemProfile.limits();
        for (Catalogue.Limit l : limits) {
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
            Integer v = countedFact(l.fact(), a);
            if (v == null) {
                continue;
            }
            if (l.periodMonths() != null) {
                if (!inFixedPeriod(a, v, l.periodMonths(), l.periodsFrom())) {
                    out.add(new Quote.Rejection(l.rejection(), l.article()));
                }
                continue;
            }
            if (fixedClaimPeriods && l.fact().equals(CLAIM_MONTHS)) {
                String code = claimPeriod(a, v);
                if (code != null) {
                    out.add(new Quote.Rejection(code, l.article()));
                }
                continue;
            }
            Integer min = l.min();
            String province = quotesByActivityProvince ? a.province() : r.applicant().hqProvince();
            if (l.minInEk2Province() != null && province != null
                    && containsAt(config.ek2Provinces, r.filingDate(), province)) {
                min = l.minInEk2Province();
            }
            boolean ok = (min == null || v >= min) && (l.max() == null || v <= l.max());
            if (!ok) {
                out.add(new Quote.Rejection(l.rejection(), l.article()));
            }
        }
        return out;
    }

    /** Whether the set in force on {@code day} holds {@code value} (no Optional, no lambda: quote hot path). */
    private static boolean containsAt(Timeline<Set<String>> sets, LocalDate day, String value) {
        Set<String> s = sets.valueOrNull(day);
        return s != null && s.contains(value);
    }

    /**
     * A13_PERIOD_MODE THREE_MONTH_PERIODS: the claim covers exactly one 3-month period counted from the first
     * supported month (null: it does). Without firstSupportedMonth only the length is judged.
     */
    private static String claimPeriod(QuoteRequest.Activity a, int months) {
        if (months < 3) {
            return RejectionCodes.CLAIM_PERIOD_TOO_SHORT;
        }
        return inPeriod(a, months, 3, a.firstSupportedMonth(), false) ? null : RejectionCodes.CLAIM_PERIOD_MISMATCH;
    }

    /** Art. 27(1), DOMAIN A-13 (T26): one period counted from the anchor's month; the project's last may be shorter. */
    private static boolean inFixedPeriod(QuoteRequest.Activity a, int covered, int months, String anchorFact) {
        LocalDate anchor = anchorFact.equals("hireDate") ? a.hireDate() : a.projectStart();
        return inPeriod(a, covered, months, anchor == null ? null : YearMonth.from(anchor), true);
    }

    /**
     * Whether the claim's {@code covered} months are exactly one {@code months}-month period counted from
     * {@code first} (without it only the length is judged), or, with {@code shorterLast}, a shorter last one that
     * ends in the project's last month ({@code activity.end}).
     */
    private static boolean inPeriod(QuoteRequest.Activity a, int covered, int months, YearMonth first,
                                    boolean shorterLast) {
        boolean lastOfProject = shorterLast && a.end() != null && a.claimPeriodTo().equals(YearMonth.from(a.end()));
        boolean length = covered == months || covered < months && lastOfProject;
        return length && (first == null || !a.claimPeriodFrom().isBefore(first)
                && first.until(a.claimPeriodFrom(), ChronoUnit.MONTHS) % months == 0);
    }

    /** The activity fact a counted limit reads; the names are checked at load (Catalogue.COUNTED_FACTS). */
    private static Integer countedFact(String fact, QuoteRequest.Activity a) {
        switch (fact) {
            case "programmeDays": return a.programmeDays();
            case "participants": return a.participants();
            case "delegationsInYear": return a.delegationsInYear();
            case "quotes": return a.quotes();
            case CLAIM_MONTHS: // months covered, both ends inclusive (order validated)
                return a.claimPeriodFrom() == null || a.claimPeriodTo() == null ? null
                        : (int) a.claimPeriodFrom().until(a.claimPeriodTo(), ChronoUnit.MONTHS) + 1;
            default: throw new IllegalStateException("unchecked counted fact " + fact);
        }
    }

    /** Whether the event is in one of the lists, as configured on the event's (start) day. */
    private boolean listed(List<String> lists, String eventId, LocalDate day) {
        for (String list : lists) {
            Timeline<Set<String>> ids = config.eventLists.get(list);
            if (ids != null && containsAt(ids, day, eventId)) {
                return true;
            }
        }
        return false;
    }

    private void inForce(String item, Claim claim, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                         List<Quote.TraceStep> trace) {
        ItemRules ir = claim.rules;
        if (!e.paymentDate().equals(claim.inForceDate)) {
            Catalogue.ItemVersion v = ir.versions.valueOrNull(e.paymentDate());
            claim.inForceStep = step("support-item.in-force", v != null ? v.article() : ir.latestArticle,
                    inputs("item", item, "paymentDate", e.paymentDate()), v != null ? "IN_FORCE" : "NOT_IN_FORCE");
            claim.inForceVersion = v;
            claim.inForceDate = e.paymentDate();
        }
        trace.add(claim.inForceStep);
        if (claim.inForceVersion == null) {
            String article = ir.latestArticle;
            rejections.add(new Quote.Rejection(RejectionCodes.NOT_IN_FORCE, article));
        }
    }

    /**
     * Art. 36(4)-(5): the payment document's date that counts, and whether its payment channel is supportable: the
     * banking channel is; a payment outside it only in a configured country without international-standard banking
     * and with the counsellor's approval.
     */
    @Cites(article = "Art. 36(4), 36(5)", since = "2015-06-02")
    private void paymentDocument(QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                                 List<Quote.TraceStep> trace) {
        Timeline.Entry<Catalogue.PaymentDocumentRule> entry = catalogue.paymentDocument.entryOrNull(e.paymentDate());
        if (entry == null) {
            return; // before the circular: NOT_IN_FORCE already rejects the line
        }
        Catalogue.PaymentDocumentRule rule = entry.value();
        QuoteRequest.PaymentDocument d = e.paymentDocument();
        trace.add(step(rule.dateRuleId(), rule.dateArticle(), inputs("transactionDate",
                String.valueOf(d.transactionDate()), "valueDate", String.valueOf(d.valueDate())),
                (d.valueDate() != null ? "VALUE_DATE " : "TRANSACTION_DATE ") + d.countingDate()));
        String channel = d.channel() == null ? "BANK" : d.channel();
        Catalogue.PaymentChannel c = rule.channels().get(channel);
        if (c == null) {
            trace.add(step("payment-channel", rule.dateArticle(), inputs("channel", channel), "NOT_SUPPORTED"));
            rejections.add(new Quote.Rejection(RejectionCodes.NON_BANK_PAYMENT, rule.dateArticle()));
            return;
        }
        String outcome = "OK";
        String code = null;
        if (c.countriesKey() != null) {
            Set<String> countries = config.noInternationalBankingCountries.valueOrNull(e.paymentDate());
            if (countries == null || !countries.contains(d.country())) {
                outcome = "NOT_SUPPORTED: " + d.country() + " is not configured as a country without "
                        + "international-standard banking";
                code = c.notAllowedCode();
            } else if (c.needsApproval() && !Boolean.TRUE.equals(d.counsellorApproved())) {
                outcome = "NOT_SUPPORTED: the counsellor's approval of the payment document is missing";
                code = c.approvalMissingCode();
            }
        }
        trace.add(step(c.id(), c.article(), inputs("channel", channel, "country", String.valueOf(d.country()),
                "counsellorApproved", String.valueOf(d.counsellorApproved()), "source",
                c.countriesKey() == null ? "n/a" : config.origin(c.countriesKey())), outcome));
        if (code != null) {
            rejections.add(new Quote.Rejection(code, c.article()));
        }
    }

    /** Art. 34: last allowed filing day = trigger date + period (java.time clamping), inclusive (DOMAIN §0). */
    @Cites(article = "Art. 34(1)-(5)", since = "2015-06-02")
    private void filingPeriod(Claim claim, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                              List<Quote.TraceStep> trace) {
        QuoteRequest r = claim.request;
        Timeline.Entry<Catalogue.FilingPeriod> entry = claim.rules.filingPeriods.entryOrNull(r.filingDate());
        if (entry == null) {
            trace.add(step("art34.filing-period", "Art. 34", inputs("filingDate", r.filingDate()),
                    "MANUAL_REVIEW: no filing period in force on the filing date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, "Art. 34"));
            return;
        }
        Catalogue.FilingPeriod p = entry.value();
        Catalogue.Trigger trigger = p.triggerFor(e.kind());
        LocalDate from = triggerDate(trigger, r, e);
        if (p != claim.filingPeriod || trigger != claim.filingTrigger || !from.equals(claim.filingFrom)) {
            LocalDate last = lastAllowedDay(from, p);
            // the Period itself: immutable, turned into its ISO text (toString) only when the trace is read
            claim.filingStep = step("art34.filing-period", entry.reference(), inputs("trigger", trigger.name(),
                    "triggerDate", from, "period", p.period(), "extendToNextBusinessDay",
                    String.valueOf(config.extendToNextBusinessDay), "lastAllowedDay", last,
                    "filingDate", r.filingDate()), r.filingDate().isAfter(last) ? "LATE" : "ON_TIME");
            claim.filingPeriod = p;
            claim.filingTrigger = trigger;
            claim.filingFrom = from;
            claim.filingLast = last;
        }
        trace.add(claim.filingStep);
        boolean late = r.filingDate().isAfter(claim.filingLast);
        String article = entry.reference();
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
        LocalDate last = TimeRules.plus(trigger, p.period());
        if (config.extendToNextBusinessDay) {
            while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY
                    || config.holidays.contains(last)) {
                last = last.plusDays(1);
            }
        }
        return last;
    }

    @Cites(article = "Art. 4(3), 5(3)", since = "2015-06-02")
    private void excludedKind(ItemRules ir, QuoteRequest.Expense e, List<Quote.Rejection> rejections,
                              List<Quote.TraceStep> trace) {
        Timeline.Entry<Set<String>> entry = ir.exclusions == null ? null : ir.exclusions.entryOrNull(e.paymentDate());
        if (entry == null) {
            return;
        }
        boolean excluded = entry.value().contains(e.kind());
        // the catalogue's (immutable) set: joined with "," only when the trace is read
        trace.add(step("excluded-expense-kind", entry.reference(),
                inputs("kind", e.kind(), "excluded", TraceInputs.joined(entry.value())),
                excluded ? "EXCLUDED" : "NOT_EXCLUDED"));
        if (excluded) {
            rejections.add(new Quote.Rejection(RejectionCodes.EXCLUDED_EXPENSE, entry.reference()));
        }
    }

    private static Timeline.Entry<Catalogue.SupportCap> supportCap(ItemRules ir, QuoteRequest.Expense e) {
        Timeline.Entry<Catalogue.SupportCap> entry = ir.supportCaps == null ? null
                : ir.supportCaps.entryOrNull(e.paymentDate());
        return entry != null && entry.value().kinds().contains(e.kind()) ? entry : null;
    }

    /** Base rate (CONFIG) + Art. 33(1) points, capped at maxRate (CONFIG). */
    @Cites(article = "Art. 33(1), 33(3)", since = "2015-06-02")
    private BigDecimal rate(String item, Claim claim, QuoteRequest.Expense e, LocalDate refDate,
                            List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) {
        ItemRules ir = claim.rules;
        Timeline.Entry<BigDecimal> base = ir.baseRates.entryOrNull(refDate);
        String origin = ir.baseRateOrigin;
        if (base == null) {
            trace.add(step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate,
                    "source", origin), "MANUAL_REVIEW: no base rate configured for the date"));
            rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, CONFIG_RATE));
            return BigDecimal.ZERO;
        }
        BigDecimal rate = base.value();
        if (!refDate.equals(claim.rateDate)) { // lines of one date share the step, as they share the bonus steps
            // the entry: its period text (describePeriod) is made only when the trace is read
            claim.rateStep = step("rate.base", CONFIG_RATE, inputs("item", item, "date", refDate,
                    "period", base, "source", origin), plain(rate));
            claim.rateDate = refDate;
        }
        trace.add(claim.rateStep);

        Set<String> bonusItems = catalogue.bonusItems.valueOrNull(refDate);
        if (bonusItems != null && bonusItems.contains(item)) {
            claimBonuses(claim, refDate);
            trace.add(claim.targetCountryStep);
            trace.add(claim.provinceStep);
            rate = plusPoints(plusPoints(rate, claim.targetCountryAdd), claim.provinceAdd);
        }
        rate = plusPoints(rate, fairBonus(item, claim, e, refDate, trace));

        Timeline.Entry<BigDecimal> max = config.maxRate.entryOrNull(refDate);
        BigDecimal cap = max == null ? BigDecimal.ONE : max.value();
        BigDecimal capped = rate.min(cap);
        // the same rate (value and scale: the same text) under the same cap entry: the same step
        if (!rate.equals(claim.maxRateOf) || max != claim.maxRateEntry || claim.maxRateStep == null) {
            claim.maxRateStep = step("rate.max", "CONFIG maxRate (no maximum in the sources, DOMAIN A-27(b))",
                    inputs("rate", rate, "maxRate", cap,
                            "source", max != null ? maxRateOrigin : "none configured for the date: 1"),
                    plain(capped));
            claim.maxRateOf = rate;
            claim.maxRateEntry = max;
        }
        trace.add(claim.maxRateStep);
        return capped;
    }

    /** Art. 33(2),(3): +20 on participation and transport when all countries (of the line's trip) are in EK-1. */
    @Cites(article = "Art. 33(2), 33(3)", since = "2015-06-02")
    private BigDecimal fairBonus(String item, Claim claim, QuoteRequest.Expense e, LocalDate refDate,
                                 List<Quote.TraceStep> trace) {
        Timeline.Entry<Catalogue.FairBonus> bonus = catalogue.fairBonus.entryOrNull(refDate);
        if (bonus == null || !bonus.value().items().contains(item)) {
            return BigDecimal.ZERO;
        }
        Catalogue.FairBonus b = bonus.value();
        if (!b.kinds().contains(e.kind())) {
            trace.add(step(b.rule(), bonus.reference(), inputs("kind", e.kind()),
                    "+0 (only " + String.join(", ", b.kinds()) + " lines)"));
            return BigDecimal.ZERO;
        }
        Set<String> ek1 = ek1(refDate);
        QuoteRequest r = claim.request;
        boolean own = e.countries() != null && !e.countries().isEmpty();
        List<String> countries = own ? e.countries()
                : r.activity() == null || r.activity().countries() == null ? List.of() : r.activity().countries();
        boolean all = !countries.isEmpty() && ek1.containsAll(countries);
        BigDecimal add = all ? b.points() : BigDecimal.ZERO;
        trace.add(step(b.rule(), bonus.reference(), inputs("kind", e.kind(), "countries",
                own ? String.join(",", countries) : claim.countriesText, "allInEk1", String.valueOf(all), "ek1Source",
                ek1Origin), plus(add)));
        return add;
    }

    /**
     * Art. 33(1) target-country and province bonuses: facts of the claim, so both steps are made once per payment
     * date of the claim and the same (immutable) steps are written into each line of that date.
     */
    private void claimBonuses(Claim claim, LocalDate refDate) {
        if (refDate.equals(claim.bonusDate)) {
            return;
        }
        QuoteRequest r = claim.request;
        Timeline.Entry<BigDecimal> points = catalogue.targetCountryBonus.entryOrNull(refDate);
        List<String> countries = r.activity() == null || r.activity().countries() == null
                ? List.of() : r.activity().countries();
        boolean all = !countries.isEmpty() && ek1(refDate).containsAll(countries);       // 33(3): all in EK-1
        BigDecimal add = all && points != null ? points.value() : BigDecimal.ZERO;
        claim.targetCountryAdd = add;
        claim.targetCountryStep = step("art33.target-country-bonus",
                points != null && points.reference() != null ? points.reference() : "Art. 33(1), 33(3)",
                inputs("countries", claim.countriesText, "allInEk1", String.valueOf(all), "ek1Source", ek1Origin),
                plus(add));

        Timeline.Entry<Catalogue.ProvinceBonus> bonus = catalogue.provinceBonus.entryOrNull(refDate);
        Set<String> ek2 = config.ek2Provinces.valueOrNull(refDate);
        String province = r.applicant().hqProvince();
        boolean roleOk = bonus != null && (bonus.value().applicantRoles().contains(r.applicant().role())
                || coopProvinceBonus && COOPERATION_ORGANISATION.equals(r.applicant().role()));
        boolean listed = province != null && ek2 != null && ek2.contains(province);
        BigDecimal provinceAdd = roleOk && listed ? bonus.value().points() : BigDecimal.ZERO;
        claim.provinceAdd = provinceAdd;
        claim.provinceStep = step("art33.province-bonus",
                bonus != null && bonus.reference() != null ? bonus.reference() : "Art. 33(1)",
                inputs("hqProvince", String.valueOf(province), "role", r.applicant().role(),
                        "provinceInEk2", String.valueOf(listed), "ek2Source", ek2Origin),
                plus(provinceAdd));
        claim.bonusDate = refDate;
    }

    /**
     * {@code rate.add(points)}; adding no points keeps the very same rate (same value and scale as the sum, since
     * rates have a scale of 0 or more), so the configured rate's trace text, made once, is found again.
     */
    private static BigDecimal plusPoints(BigDecimal rate, BigDecimal points) {
        return points == BigDecimal.ZERO && rate.scale() >= 0 ? rate : rate.add(points);
    }

    private Set<String> ek1(LocalDate day) {
        Set<String> ek1 = config.ek1Countries.valueOrNull(day);
        return ek1 == null ? Set.of() : ek1;
    }

    /** {@code toPlainString()}, made once for the configuration's own rates. */
    private String plain(BigDecimal v) {
        String text = plainTexts.get(v);
        return text != null ? text : TraceInputs.plain(v);
    }

    /** {@code "+" + toPlainString()}, made once for zero and the catalogue's bonus points. */
    private String plus(BigDecimal v) {
        String text = plusTexts.get(v);
        return text != null ? text : TraceInputs.plain("+", v);
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** Art. 36(1) for a USD line: nothing to convert, the same immutable step for every such line. */
    private static final Quote.TraceStep USD_STEP = step("currency", "Art. 36(1)", inputs("currency", USD),
            "USD: no conversion");

    private static Quote.TraceStep step(String ruleId, String article, Map<String, String> inputs, String output) {
        return new Quote.TraceStep(ruleId, article, inputs, output);
    }

    private static Map<String, String> inputs(Object... kv) {
        return new TraceInputs(kv);
    }

    private static String codes(List<Quote.Rejection> rejections) {
        if (rejections.isEmpty()) {
            return "";
        }
        List<String> c = new ArrayList<>();
        for (Quote.Rejection r : rejections) {
            c.add(r.code());
        }
        return String.join(",", c);
    }

    private static List<Quote.Rejection> dedupe(List<Quote.Rejection> rejections) {
        if (rejections.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new java.util.LinkedHashSet<>(rejections));
    }
}
