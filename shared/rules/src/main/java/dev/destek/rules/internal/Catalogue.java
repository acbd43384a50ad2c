package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The regulation as data: everything under {@code src/main/resources/regulation/}, read through
 * {@code regulation/index.yaml}. Immutable once loaded; cross-references (item ids, document types, expense
 * kinds) are checked at load so a typo in the data fails the build's tests, not a claim.
 */
public final class Catalogue {
    public static final String ROOT = "regulation/";

    /** One version of a support item. */
    public record ItemVersion(String article, String claimForm, String nameEn, String nameTr) { }

    /** One line of a checklist as stored; descriptions fall back to the document type's. */
    public record ChecklistLine(String documentType, String article, boolean required, boolean onceOnly,
                                String descriptionEn, String descriptionTr) { }

    /** A flag of an expense line that, when true, rejects the line with {@code code} under {@code article}. */
    public record LineCondition(String article, String code) { }

    public record DocType(String article, Set<String> mediaTypes, String descriptionEn, String descriptionTr) { }

    /** {@code types} / {@code sectors} empty: not restricted by the text (DOMAIN A-28). */
    public record Eligibility(Set<String> roles, Set<String> types, Set<String> sectors) { }

    /** Art. 34 triggers (DOMAIN Appendix B DeadlineTrigger). */
    public enum Trigger { PAYMENT_DATE, PAYMENT_DOCUMENT_DATE, DOCUMENT_ISSUE_DATE, ACTIVITY_END, PATIENT_REGISTRATION,
        FILM_RELEASE }

    public record FilingPeriod(Trigger trigger, Period period, Map<String, Trigger> triggerByKind) {
        public Trigger triggerFor(String kind) {
            return triggerByKind.getOrDefault(kind, trigger);
        }
    }

    public record ProvinceBonus(BigDecimal points, Set<String> applicantRoles) { }

    public record SupportCap(String id, Set<String> kinds, BigDecimal maxUsd, String scope, String basis) { }

    /** A cap on the expense base (quantity), DOMAIN §5.4. {@code value} null for ECONOMY_FARE. */
    public record BaseCap(String id, String type, Set<String> kinds, BigDecimal value, String article) { }

    /** Art. 33(2) bonus on participation/transport lines. */
    public record FairBonus(String rule, BigDecimal points, Set<String> items, Set<String> kinds) { }

    public record PriorStep(String kind, String form, Period leadTime, String rule, String article) { }

    /** A counted limit (DOMAIN §9); with {@code fact} it is checked in a quote. */
    /**
     * A counted limit on a fact of the activity (DOMAIN §9); with {@code lists}, the fact (an event id) must be in
     * one of those configured annex lists instead.
     */
    /**
     * A counted limit of an item. With {@code periodMonths}, the counted months must be one period of that many
     * months counted from the activity date {@code periodsFrom} (the project's last period may be shorter).
     */
    public record Limit(String id, String what, String limit, String article, String fact, Integer min, Integer max,
                        Integer minInEk2Province, String subtype, boolean unlessMinistryOrganised, String rejection,
                        List<String> lists, Integer periodMonths, String periodsFrom) { }

    /** The activity dates fixed claim periods can be counted from (QuoteCalculator.limits). */
    static final List<String> PERIOD_ANCHORS = List.of("hireDate", "projectStart");

    /** The activity facts a counted limit can read (QuoteRequest.Activity); see QuoteCalculator.limits. */
    static final List<String> COUNTED_FACTS = List.of("programmeDays", "participants", "delegationsInYear", "quotes",
            "claimMonths");

    /** Art. 9(5): rent paid in advance for at least {@code minMonths} is paid out per {@code trancheMonths}. */
    public record PrepaidRent(String rule, String article, Set<String> kinds, int minMonths, int trancheMonths) { }

    public record ItemProfile(String route, PriorStep prior, String claimAfter, String claimAfterArticle,
                              Integer supportPeriodMonths, String supportPeriodRule, String supportPeriodArticle,
                              List<String> bonusRules, List<String> expenseKinds, List<Limit> limits,
                              PrepaidRent prepaidRent) { }

    /** One time rule T01–T59 (DOMAIN §4.1); see regulation/deadlines/time_rules.yaml for the directions. */
    public record TimeRule(String id, Set<String> items, String trigger, Period offset, String direction,
                           String kinds, String rejection, String consequence, String description, String subject,
                           boolean requireTrigger, String when, String unless, String descriptionTr,
                           String consequenceTr, String programme, Scale scale) {
        public boolean appliesTo(String item) {
            return items.contains(item) || items.contains("ALL");
        }

        public boolean appliesToKind(String kind) {
            if (kinds == null) {
                return true;
            }
            return kinds.startsWith("!") ? !kinds.substring(1).equals(kind) : kinds.equals(kind);
        }
    }

    /**
     * A period that grows with a count the request states (S0 P§04): the rule's length is {@code offset + each × n}
     * with {@code n} = the fact's value, {@code min <= n <= max} ({@code max} null: no upper bound).
     */
    public record Scale(String fact, Period each, int min, Integer max) {
        /** Facts a scale may read (QuoteRequest.Activity). */
        public static final Set<String> FACTS = Set.of("TARGET_MARKETS", "PROJECT_YEARS");

        public Period times(int n) {
            return each.multipliedBy(n);
        }
    }

    public record GreenPassportBand(int passports, BigDecimal minInclusive, BigDecimal minExclusive,
                                    BigDecimal maxInclusive) { }

    public record GreenPassportRule(int years, List<GreenPassportBand> bands) { }

    /**
     * Art. 36(4)-(5): which of the payment document's dates counts ({@code dateOrder}: the first one it shows), and
     * per payment channel its rule; a channel with {@code countriesKey} is supportable only in the configured
     * countries, and with {@code needsApproval} only with the counsellor's approval.
     */
    public record PaymentDocumentRule(String dateRuleId, List<String> dateOrder, String dateArticle,
                                      Map<String, PaymentChannel> channels) { }

    public record PaymentChannel(String id, String article, String countriesKey, boolean needsApproval,
                                 String notAllowedCode, String approvalMissingCode) { }

    public final String version;
    public final String programme;
    public final Map<String, Timeline<ItemVersion>> items;
    public final Map<String, Timeline<List<ChecklistLine>>> checklists;
    public final Map<String, DocType> documentTypes;
    public final Set<String> expenseKinds;
    public final Map<String, Timeline<Eligibility>> eligibility;
    public final Map<String, Timeline<Set<String>>> exclusions;
    public final Map<String, Timeline<FilingPeriod>> filingPeriods;
    /** Per item: expense flags that exclude a line (Art. 8(3), 12(3)), flag → article. */
    public final Map<String, Timeline<Map<String, LineCondition>>> excludedConditions;
    public final Timeline<Set<String>> bonusItems;
    public final Timeline<BigDecimal> targetCountryBonus;
    public final Timeline<ProvinceBonus> provinceBonus;
    public final Map<String, Timeline<SupportCap>> supportCaps;
    public final Map<String, Timeline<List<BaseCap>>> baseCaps;
    public final Timeline<FairBonus> fairBonus;
    public final Map<String, Timeline<ItemProfile>> profiles;
    public final Map<String, Timeline<TimeRule>> timeRules;
    public final Timeline<GreenPassportRule> greenPassport;
    public final Timeline<Map<String, Object>> debtOffset;
    public final Timeline<List<Map<String, Object>>> fxRateDate;
    public final Timeline<PaymentDocumentRule> paymentDocument;
    private final Node params;
    /** The per-item sections built on first use ({@link LazyTimelines}), for {@link #parseAll}. */
    private final List<LazyTimelines<?>> perItemSections = new java.util.ArrayList<>();

    private Catalogue(Node index) {
        version = index.get("version").string();
        programme = index.get("programme").string();

        Map<String, Timeline<ItemVersion>> it = new LinkedHashMap<>();
        for (Node file : index.get("supportItems").list()) {
            Node doc = Tree.resource(ROOT + file.string());
            String id = doc.get("id").string();
            if (it.containsKey(id)) {
                throw doc.get("id").error("support item " + id + " defined twice");
            }
            it.put(id, Timeline.ofDatedValues(doc.get("values"), new Values<ItemVersion>(this, ITEM_VERSION)));
        }
        items = Collections.unmodifiableMap(it);

        Node typesDoc = Tree.resource(ROOT + index.get("documentTypes").string());
        Map<String, DocType> dt = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : typesDoc.get("types").entries()) {
            Node t = e.getValue();
            dt.put(e.getKey(), new DocType(t.get("article").string(), orderedSet(t.get("mediaTypes").strings()),
                    t.get("descriptionEn").string(), t.get("descriptionTr").string()));
        }
        documentTypes = Collections.unmodifiableMap(dt);

        expenseKinds = orderedSet(Tree.resource(ROOT + index.get("expenseKinds").string()).get("values").strings());

        checklists = lazy(new LazyTimelines<List<ChecklistLine>>(this, CHECKLIST, index.get("checklists")));

        Node params = index.get("parameters");
        this.params = params;
        eligibility = perItem(params, "eligible_applicants", ELIGIBILITY);
        exclusions = perItem(params, "excluded_expense_kinds", EXCLUDED_KINDS);
        filingPeriods = perItem(params, "claim_filing_period", FILING_PERIOD);
        excludedConditions = perItem(params, "excluded_conditions", EXCLUDED_CONDITIONS);
        bonusItems = Timeline.ofDatedValues(param(params, "bonus_items").get("values"),
                new Values<Set<String>>(this, BONUS_ITEMS));
        targetCountryBonus = Timeline.ofDatedValues(param(params, "target_country_bonus").get("values"),
                new Values<BigDecimal>(this, TARGET_COUNTRY_BONUS));
        provinceBonus = Timeline.ofDatedValues(param(params, "province_bonus").get("values"),
                new Values<ProvinceBonus>(this, PROVINCE_BONUS));
        supportCaps = perItem(params, "support_amount_caps", SUPPORT_CAP);
        baseCaps = perItem(params, "expense_base_caps", BASE_CAPS);
        fairBonus = Timeline.ofDatedValues(param(params, "fair_bonus").get("values"),
                new Values<FairBonus>(this, FAIR_BONUS));
        profiles = perItem(params, "item_profiles", PROFILE);
        timeRules = new LazyTimelines<TimeRule>(this, TIME_RULE, ROOT + params.get("time_rules").string(), "rules");
        greenPassport = Timeline.ofDatedValues(param(params, "green_passport_bands").get("values"),
                new Values<GreenPassportRule>(this, GREEN_PASSPORT));
        debtOffset = Timeline.ofDatedValues(param(params, "debt_offset").get("values"),
                new Values<Map<String, Object>>(this, DEBT_OFFSET));
        fxRateDate = Timeline.ofDatedValues(param(params, "fx_rate_date").get("values"),
                new Values<List<Map<String, Object>>>(this, FX_RATE_DATE));
        paymentDocument = Timeline.ofDatedValues(param(params, "payment_document").get("values"),
                new Values<PaymentDocumentRule>(this, PAYMENT_DOCUMENT));
    }

    /** Article references of the dated parameter files, by parameter name (for the public catalogue). */
    public Map<String, String> parameterReferences() {
        Map<String, String> refs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : params.entries()) {
            refs.put(e.getKey(), Tree.resource(ROOT + e.getValue().string()).opt("reference").stringOr(""));
        }
        return Collections.unmodifiableMap(refs);
    }

    /**
     * Builds every entry that is otherwise built on first use, checking that each names a known support item: the
     * build's validation of the shipped catalogue (CatalogueBundler), since Rules.load no longer reads it all.
     */
    public void parseAll() {
        for (LazyTimelines<?> section : perItemSections) {
            for (String id : section.keySet()) {
                knownItem(id, section.nodes().get(id));
                section.get(id);
            }
        }
        for (String id : timeRules.keySet()) {
            timeRules.get(id);
        }
        parameterReferences();
    }

    /**
     * The parser of every kind of dated value, chosen by {@code kind}: one class instead of an anonymous class per
     * kind (17 here, and the deployment configuration's, the deck's and the document rules' 8), since each class
     * costs ~0.3-0.7 ms to load from the class path in a fresh JVM and Rules.load runs at cold start.
     */
    static final class Values<T> implements Function<Node, T> {
        private final Catalogue catalogue;
        private final int kind;
        private final String id;

        Values(Catalogue catalogue, int kind) {
            this(catalogue, kind, null);
        }

        Values(Catalogue catalogue, int kind, String id) {
            this.catalogue = catalogue;
            this.kind = kind;
            this.id = id;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T apply(Node v) {
            switch (kind) {
                case RATE: return (T) DeploymentConfig.rate(v);
                case COUNTRIES: return (T) DeploymentConfig.codes(v, true);
                case CODES: return (T) DeploymentConfig.codes(v, false);
                case DECREE_CAP: return (T) DeploymentConfig.decreeCap(v);
                case INTERPRETATIONS: return (T) ProgrammeCatalogue.interpretations(v);
                case PROGRAMME_VERSION: return (T) ProgrammeCatalogue.programmeVersion(v);
                case PROGRAMME_ITEM: return (T) ProgrammeCatalogue.item(v);
                case ELIGIBILITY_RULE: return (T) ProgrammeCatalogue.eligibilityRule(v);
                case DOCUMENT_RULES: return (T) DocumentRulesData.parse(v, catalogue);
                case AUTHORITY: return (T) DeploymentConfig.authority(v);
                default: return (T) catalogue.value(kind, id, v);
            }
        }
    }

    /**
     * Kinds of {@link Values} parsed outside the catalogue (no catalogue needed but for DOCUMENT_RULES): from 100, so
     * the catalogue's own kinds (below) can grow without taking one of these numbers.
     */
    static final int RATE = 100;
    static final int COUNTRIES = 101;
    static final int CODES = 102;
    static final int DECREE_CAP = 103;
    static final int INTERPRETATIONS = 104;
    static final int PROGRAMME_VERSION = 105;
    static final int PROGRAMME_ITEM = 106;
    static final int DOCUMENT_RULES = 107;
    static final int ELIGIBILITY_RULE = 108;
    static final int AUTHORITY = 109;

    private static final int ITEM_VERSION = 0;
    private static final int CHECKLIST = 1;
    private static final int ELIGIBILITY = 2;
    private static final int EXCLUDED_KINDS = 3;
    private static final int FILING_PERIOD = 4;
    private static final int EXCLUDED_CONDITIONS = 5;
    private static final int BONUS_ITEMS = 6;
    private static final int TARGET_COUNTRY_BONUS = 7;
    private static final int PROVINCE_BONUS = 8;
    private static final int SUPPORT_CAP = 9;
    private static final int BASE_CAPS = 10;
    private static final int FAIR_BONUS = 11;
    private static final int PROFILE = 12;
    private static final int TIME_RULE = 13;
    private static final int GREEN_PASSPORT = 14;
    private static final int DEBT_OFFSET = 15;
    private static final int FX_RATE_DATE = 16;
    private static final int PAYMENT_DOCUMENT = 17;

    private Object value(int kind, String id, Node v) {
        switch (kind) {
            case ITEM_VERSION:
                return new ItemVersion(v.get("article").string(), v.get("claimForm").string(),
                        v.get("nameEn").string(), v.get("nameTr").string());
            case CHECKLIST:
                return checklistLines(v);
            case ELIGIBILITY:
                return new Eligibility(orderedSet(v.get("roles").strings()), orderedSet(v.opt("types").strings()),
                        orderedSet(v.opt("sectors").strings()));
            case EXCLUDED_KINDS:
                return kinds(v);
            case FILING_PERIOD:
                return filingPeriod(v);
            case EXCLUDED_CONDITIONS: {
                Map<String, LineCondition> flags = new LinkedHashMap<>();
                for (Node c : v.list()) {
                    String flag = c.get("flag").string();
                    if (!EXCLUSION_FLAGS.contains(flag)) {
                        throw c.get("flag").error("unknown flag " + flag + ", expected one of " + EXCLUSION_FLAGS);
                    }
                    flags.put(flag, new LineCondition(c.get("article").string(),
                            c.opt("code").stringOr("EXCLUDED_EXPENSE")));
                }
                return Collections.unmodifiableMap(flags);
            }
            case BONUS_ITEMS: {
                for (Node n : v.list()) {
                    knownItem(n.string(), n);
                }
                return orderedSet(v.strings());
            }
            case TARGET_COUNTRY_BONUS:
                return Catalogue.points(v);
            case PROVINCE_BONUS:
                return new ProvinceBonus(points(v.get("points")), orderedSet(v.get("applicantRoles").strings()));
            case SUPPORT_CAP:
                return new SupportCap(v.get("id").string(), kinds(v.get("kinds")),
                        new BigDecimal(v.get("maxUsd").string()), v.get("scope").string(), v.get("basis").string());
            case BASE_CAPS: {
                List<BaseCap> caps = new java.util.ArrayList<>();
                for (Node c : v.list()) {
                    String type = c.get("type").string();
                    if (!BASE_CAP_TYPES.contains(type)) {
                        throw c.get("type").error("unknown cap type " + type + ", expected one of " + BASE_CAP_TYPES);
                    }
                    caps.add(new BaseCap(c.get("id").string(), type, kinds(c.get("kinds")),
                            c.opt("value").isNull() ? null : new BigDecimal(c.get("value").string()),
                            c.get("article").string()));
                }
                return List.copyOf(caps);
            }
            case FAIR_BONUS: {
                for (Node n : v.get("items").list()) {
                    knownItem(n.string(), n);
                }
                return new FairBonus(v.get("rule").string(), points(v.get("points")),
                        orderedSet(v.get("items").strings()), kinds(v.get("kinds")));
            }
            case PROFILE:
                return profile(v);
            case TIME_RULE:
                return timeRule(id, v);
            case GREEN_PASSPORT: {
                List<GreenPassportBand> bands = new java.util.ArrayList<>();
                for (Node b : v.get("bands").list()) {
                    bands.add(new GreenPassportBand((int) b.get("passports").longValue(), dec(b.opt("minInclusive")),
                            dec(b.opt("minExclusive")), dec(b.opt("maxInclusive"))));
                }
                return new GreenPassportRule((int) v.get("years").longValue(), List.copyOf(bands));
            }
            case DEBT_OFFSET:
                return v.map();
            case FX_RATE_DATE: {
                List<Map<String, Object>> rules = new java.util.ArrayList<>();
                for (Node r : v.list()) {
                    rules.add(r.map());
                }
                return List.copyOf(rules);
            }
            case PAYMENT_DOCUMENT:
                return paymentDocument(v);
            default:
                throw new IllegalStateException("kind " + kind);
        }
    }

    static final List<String> PAYMENT_DATES = List.of("VALUE_DATE", "TRANSACTION_DATE");
    static final List<String> PAYMENT_CHANNELS = List.of("BANK", "NON_BANK");

    private static PaymentDocumentRule paymentDocument(Node v) {
        Node date = v.get("dateRule");
        List<String> order = date.get("order").strings();
        for (Node o : date.get("order").list()) {
            if (!PAYMENT_DATES.contains(o.string())) {
                throw o.error("unknown payment-document date " + o.string() + " (expected one of " + PAYMENT_DATES + ")");
            }
        }
        Map<String, PaymentChannel> channels = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : v.get("channels").entries()) {
            if (!PAYMENT_CHANNELS.contains(e.getKey())) {
                throw e.getValue().error("unknown payment channel " + e.getKey() + " (expected one of "
                        + PAYMENT_CHANNELS + ")");
            }
            Node c = e.getValue();
            Node countries = c.opt("onlyInConfiguredCountries");
            if (!countries.isNull() && !countries.string().equals("noInternationalBankingCountries")) {
                throw countries.error("unknown configuration list " + countries.string()
                        + " (expected noInternationalBankingCountries)");
            }
            channels.put(e.getKey(), new PaymentChannel(c.get("id").string(), c.get("article").string(),
                    countries.stringOr(null), !c.opt("needsApproval").isNull() && c.get("needsApproval").bool(),
                    c.opt("notAllowed").stringOr(null), c.opt("approvalMissing").stringOr(null)));
        }
        if (!channels.containsKey("BANK")) {
            throw v.get("channels").error("the BANK channel must have a rule (Art. 36(4))");
        }
        return new PaymentDocumentRule(date.get("id").string(), List.copyOf(order), date.get("article").string(),
                Collections.unmodifiableMap(channels));
    }

    static final List<String> EXCLUSION_FLAGS = List.of("turkishOrTurkeyDirectedMedia", "paidToPartner",
            "invoiceNotLinkable", "notOwnAccount");
    static final List<String> BASE_CAP_TYPES = List.of("USD_PER_PERSON_DAY", "MAX_PERSONS", "MAX_DAYS", "MAX_AREA_M2",
            "MAX_SHARE_OF_AREA", "ECONOMY_FARE");
    static final List<String> DIRECTIONS = List.of("LATEST_BEFORE", "LATEST_AFTER", "LATEST_ON", "BEFORE_STRICT",
            "EARLIEST_BEFORE", "EARLIEST_AFTER", "EARLIEST_AFTER_OFFSET", "PERIOD_END", "NONE");

    private static Integer integer(Node n) {
        return n.isNull() ? null : (int) n.longValue();
    }

    private static BigDecimal dec(Node n) {
        return n.isNull() ? null : new BigDecimal(n.string());
    }

    private static String periodsFrom(Node limit) {
        Node from = limit.opt("periodsFrom");
        if (!from.isNull() && !PERIOD_ANCHORS.contains(from.string())) {
            throw from.error("unknown period anchor " + from.string() + ", expected one of " + PERIOD_ANCHORS);
        }
        if (from.isNull() != limit.opt("periodMonths").isNull()) {
            throw limit.error("periodMonths and periodsFrom go together");
        }
        return from.stringOr(null);
    }

    private ItemProfile profile(Node v) {
        Node p = v.opt("prior");
        PriorStep prior = p.isNull() ? null : new PriorStep(p.get("kind").string(), p.get("form").string(),
                p.opt("leadTime").isNull() ? null : p.get("leadTime").period(), p.opt("rule").stringOr(null),
                p.get("article").string());
        Node after = v.opt("claimAfter");
        Node period = v.opt("supportPeriod");
        List<Limit> limits = new java.util.ArrayList<>();
        for (Node l : v.opt("limits").list()) {
            String fact = l.opt("fact").stringOr(null);
            List<String> lists = eventLists(l.opt("lists"));
            if (fact != null && !(lists.isEmpty() ? COUNTED_FACTS.contains(fact) : fact.equals("eventId"))) {
                throw l.get("fact").error(lists.isEmpty() ? "unknown counted fact " + fact + ", expected one of "
                        + COUNTED_FACTS : "a limit with lists reads the fact eventId, not " + fact);
            }
            limits.add(new Limit(l.get("id").string(), l.get("what").string(), l.get("limit").string(),
                    l.get("article").string(), fact, integer(l.opt("min")),
                    integer(l.opt("max")), integer(l.opt("minInEk2Province")), l.opt("subtype").stringOr(null),
                    !l.opt("unlessMinistryOrganised").isNull() && l.get("unlessMinistryOrganised").bool(),
                    l.opt("rejection").stringOr(null), lists, integer(l.opt("periodMonths")), periodsFrom(l)));
        }
        Node rent = v.opt("prepaidRent");
        PrepaidRent prepaidRent = rent.isNull() ? null : new PrepaidRent(rent.get("rule").string(),
                rent.get("article").string(), kinds(rent.get("kinds")), (int) rent.get("minMonths").longValue(),
                (int) rent.get("trancheMonths").longValue());
        return new ItemProfile(v.get("route").string(), prior,
                after.isNull() ? null : after.get("event").string(), after.isNull() ? null : after.get("article").string(),
                period.isNull() ? null : (int) period.get("months").longValue(),
                period.isNull() ? null : period.get("rule").string(),
                period.isNull() ? null : period.get("article").string(),
                v.get("bonusRules").strings(), List.copyOf(kinds(v.get("expenseKinds"))), List.copyOf(limits),
                prepaidRent);
    }

    private static List<String> eventLists(Node n) {
        if (n.isNull()) {
            return List.of();
        }
        for (Node l : n.list()) {
            if (!DeploymentConfig.EVENT_LISTS.contains(l.string())) {
                throw l.error("unknown event list " + l.string());
            }
        }
        return n.strings();
    }

    private TimeRule timeRule(String id, Node v) {
        String direction = v.get("direction").string();
        if (!DIRECTIONS.contains(direction)) {
            throw v.get("direction").error("unknown direction " + direction + ", expected one of " + DIRECTIONS);
        }
        Set<String> its = orderedSet(v.get("items").strings());
        for (Node i : v.get("items").list()) {
            if (!i.string().equals("ALL") && !i.string().equals("S0")) {
                knownItem(i.string(), i);
            }
        }
        String trigger = v.opt("trigger").stringOr(null);
        if (!direction.equals("NONE") && trigger == null) {
            throw v.error("a dated rule needs a trigger");
        }
        return new TimeRule(id, its, trigger, v.opt("offset").isNull() ? null : v.get("offset").period(), direction,
                v.opt("kinds").stringOr(null), v.opt("rejection").stringOr(null), v.get("consequence").string(),
                v.get("description").string(), v.opt("subject").stringOr(null),
                !v.opt("requireTrigger").isNull() && v.get("requireTrigger").bool(), v.opt("when").stringOr(null),
                v.opt("unless").stringOr(null), v.get("descriptionTr").string(), v.get("consequenceTr").string(),
                v.opt("programme").stringOr(null), scale(v.opt("scale")));
    }

    private static Scale scale(Node n) {
        if (n.isNull()) {
            return null;
        }
        String fact = n.get("fact").string();
        if (!Scale.FACTS.contains(fact)) {
            throw n.get("fact").error("unknown fact " + fact + " (expected one of " + new java.util.TreeSet<>(Scale.FACTS)
                    + ")");
        }
        int min = (int) n.get("min").longValue();
        Integer max = n.opt("max").isNull() ? null : (int) n.get("max").longValue();
        if (min < 0 || max != null && max < min) {
            throw n.error("expected 0 <= min <= max");
        }
        return new Scale(fact, n.get("each").period(), min, max);
    }

    public static Catalogue load() {
        return new Catalogue(Tree.resource(ROOT + "index.yaml"));
    }

    private static Node param(Node params, String name) {
        return Tree.resource(ROOT + params.get(name).string());
    }

    private <T> Map<String, Timeline<T>> perItem(Node params, String name, int kind) {
        return lazy(new LazyTimelines<T>(this, kind, ROOT + params.get(name).string(), "items"));
    }

    private <T> LazyTimelines<T> lazy(LazyTimelines<T> section) {
        perItemSections.add(section);
        return section;
    }

    private List<ChecklistLine> checklistLines(Node list) {
        List<ChecklistLine> out = new java.util.ArrayList<>();
        for (Node n : list.list()) {
            String type = n.get("documentType").string();
            DocType t = documentTypes.get(type);
            if (t == null) {
                throw n.get("documentType").error("unknown document type " + type
                        + " (not in " + ROOT + "documents/document_types.yaml)");
            }
            boolean onceOnly = !n.opt("onceOnly").isNull() && n.get("onceOnly").bool();
            boolean required = !n.opt("required").isNull() && n.get("required").bool();
            out.add(new ChecklistLine(type, n.get("article").string(), required, onceOnly,
                    n.opt("descriptionEn").stringOr(t.descriptionEn()),
                    n.opt("descriptionTr").stringOr(t.descriptionTr())));
        }
        return List.copyOf(out);
    }

    private FilingPeriod filingPeriod(Node v) {
        Map<String, Trigger> byKind = new LinkedHashMap<>();
        if (!v.opt("triggerByKind").isNull()) {
            for (Map.Entry<String, Node> e : v.get("triggerByKind").entries()) {
                knownKind(e.getKey(), e.getValue());
                byKind.put(e.getKey(), trigger(e.getValue()));
            }
        }
        return new FilingPeriod(trigger(v.get("trigger")), v.get("period").period(), Map.copyOf(byKind));
    }

    private static Trigger trigger(Node n) {
        String name = n.string();
        for (Trigger t : Trigger.values()) { // not valueOf: that reflects on values() at cold start
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw n.error("unknown trigger " + n.raw() + ", expected one of " + List.of(Trigger.values()));
    }

    private Set<String> kinds(Node v) {
        for (Node k : v.list()) {
            knownKind(k.string(), k);
        }
        return orderedSet(v.strings());
    }

    private void knownItem(String id, Node at) {
        if (!items.containsKey(id)) {
            throw at.error("unknown support item " + id);
        }
    }

    private void knownKind(String kind, Node at) {
        if (!expenseKinds.contains(kind)) {
            throw at.error("unknown expense kind " + kind);
        }
    }

    static BigDecimal points(Node n) {
        BigDecimal p = n.decimal();
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new RulesConfigException(n.path(), "rate points outside 0..1: " + p.toPlainString());
        }
        return p;
    }

    static Set<String> orderedSet(List<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
