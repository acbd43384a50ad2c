package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programmes of the Ministry of Trade deck of November 2024 (S0, P§03–P§07) as data:
 * {@code regulation/programmes/}, named by {@code programmes} in {@code regulation/index.yaml}, plus the switchable
 * interpretations of {@code interpretations}. Kept apart from {@link Catalogue}: the deck's decrees are
 * separate rule sets (DOMAIN §0 warning 2) and share none of the circular's articles.
 */
public final class ProgrammeCatalogue {

    /** A printed rate: {@code min == max} for a single rate ("%50"), else the printed range ("%50-%75"). */
    public record Range(BigDecimal min, BigDecimal max) {
        public boolean fixed() {
            return min.compareTo(max) == 0;
        }

        public boolean contains(BigDecimal rate) {
            return rate.compareTo(min) >= 0 && rate.compareTo(max) <= 0;
        }

        public String describe() {
            return fixed() ? percent(min) : percent(min) + "-" + percent(max);
        }
    }

    /** A rate for support years {@code fromYear}..{@code toYear} (null: every later year). */
    public record Step(String id, int fromYear, Integer toYear, BigDecimal rate) {
        public boolean covers(int year) {
            return year >= fromYear && (toYear == null || year <= toYear);
        }
    }

    /** A printed cap on the support amount, in the programme's currency; {@code subtype} null: every line. */
    public record Cap(String id, String subtype, BigDecimal amount) { }

    /** A printed count of persons whose cost is counted ("en fazla 10 kişi"). */
    public record PersonsCap(String id, int max) { }

    /** One version of an item, as printed. {@code rate} null: no rate printed; {@code steps} non-empty: step-down. */
    public record ItemVersion(String group, String nameTr, String nameEn, Range rate, List<Step> steps, List<Cap> caps,
                              PersonsCap maxPersons, Set<String> sectors, Set<String> roles) { }

    /** {@code currency} null: the deck prints no amount for the programme (then configuration names it). */
    public record ProgrammeVersion(String nameEn, String nameTr, String currency) { }

    /**
     * {@code eligibility}: conditions on the applicant beyond role and sector (P§04 application conditions, P§05
     * E-TURQUALITY® membership, P§06 cooperation organisation), by rule id; empty when the deck prints none.
     */
    public record Programme(String id, String reference, Timeline<ProgrammeVersion> versions,
                            Map<String, Timeline<ItemVersion>> items,
                            Map<String, Timeline<EligibilityRule>> eligibility) { }

    /**
     * One eligibility condition as the deck states it: the {@link Test} and its printed parameters, the rejection it
     * gives, and whom it concerns ({@code roles} / {@code groups} empty: every applicant / every item).
     */
    public record EligibilityRule(Test test, String rejection, Set<String> roles, Set<String> groups,
                                  String description) {
        public boolean appliesTo(String role, String group) {
            return (roles.isEmpty() || roles.contains(role)) && (groups.isEmpty() || groups.contains(group));
        }
    }

    /** What an eligibility rule tests; the parameters are the deck's (thresholds, service lists). */
    public sealed interface Test permits ResidentInTurkey, YldaCooperationOrganisation, BrandRegisteredInTurkey,
            BrandInMadridCountry, ProgrammeMember {
        String name();
    }

    /** The applicant is resident in Türkiye. */
    public record ResidentInTurkey() implements Test {
        public String name() {
            return "RESIDENT_IN_TURKEY";
        }
    }

    /** Decree 5449's cooperation organisation (P§06); thresholds inclusive. */
    public record YldaCooperationOrganisation(Set<String> directKinds, String companyKind, Set<String> allServices,
                                              Set<String> oneOfServices, BigDecimal minWarehouseM2,
                                              int minLocalPlateVehicles, String subsidiaryKind,
                                              BigDecimal minOwnershipPercent) implements Test {
        public String name() {
            return "YLDA_COOPERATION_ORGANISATION";
        }

        public Set<String> kinds() {
            Set<String> out = new LinkedHashSet<>(directKinds);
            out.add(companyKind);
            out.add(subsidiaryKind);
            return out;
        }

        public Set<String> services() {
            Set<String> out = new LinkedHashSet<>(allServices);
            out.addAll(oneOfServices);
            return out;
        }
    }

    /** The applicant's brand is registered in Türkiye (P§04). */
    public record BrandRegisteredInTurkey() implements Test {
        public String name() {
            return "BRAND_REGISTERED_IN_TURKEY";
        }
    }

    /** The brand is registered by one of {@code registrants} in a configured Madrid-System country (P§04). */
    public record BrandInMadridCountry(Set<String> registrants, Set<String> excludeCountries) implements Test {
        public String name() {
            return "BRAND_IN_MADRID_COUNTRY";
        }
    }

    /** The applicant is a member of {@code programme} (P§05 E-TURQUALITY®). */
    public record ProgrammeMember(String programme) implements Test {
        public String name() {
            return "PROGRAMME_MEMBER";
        }
    }

    /** Rejection codes an eligibility rule may give (RejectionCodes). */
    private static final Set<String> ELIGIBILITY_REJECTIONS = Set.of("APPLICANT_TYPE", "SECTOR_NOT_ELIGIBLE",
            "BRAND_NOT_REGISTERED");

    /**
     * A switchable reading. {@code timeRules}: per option, what it changes in time rules (rule id → change), so the
     * deadlines, the quote checks and the catalogue all apply the reading in force from the same data.
     */
    public record Interpretation(String id, String article, String question, Map<String, String> options,
                                 String defaultOption, String why, Map<String, Map<String, RuleChange>> timeRules,
                                 Map<String, Map<String, SectorChange>> sectors,
                                 Map<String, Map<String, RouteChange>> routes) { }

    /**
     * What an option changes in who may claim an item: the list of item {@code sameAs}, no sector condition
     * ({@code unrestricted}), or the item's own list plus {@code add} when it lists {@code ifListed}.
     */
    public record SectorChange(String sameAs, boolean unrestricted, List<String> add, String ifListed) { }

    /**
     * What an option changes in an item's filing (or, for {@code ALL}, every item's): its claim {@code route} and the
     * channels {@code accepted}; a route other than {@code otherThan} that {@code becomes} another; where its prior
     * step is filed ({@code priorStep}).
     */
    public record RouteChange(String route, List<String> accepted, String otherThan, String becomes,
                              String priorStep) { }

    /** What an interpretation's option changes in one time rule; null (empty) parts keep the rule's own. */
    public record RuleChange(String trigger, String subject, java.time.Period offset, List<String> alsoItems,
                             String description, String descriptionTr) { }

    public final Map<String, Programme> programmes;
    public final Map<String, Interpretation> interpretations;
    public final String interpretationsReference;

    private ProgrammeCatalogue(Map<String, Programme> programmes, Map<String, Interpretation> interpretations,
                               String interpretationsReference) {
        this.programmes = programmes;
        this.interpretations = interpretations;
        this.interpretationsReference = interpretationsReference;
    }

    /** Reads the files the index names; a catalogue without them has no deck programmes. */
    public static ProgrammeCatalogue load() {
        Node index = Tree.resource(Catalogue.ROOT + "index.yaml");
        Map<String, Programme> out = new LinkedHashMap<>();
        for (Node file : index.opt("programmes").list()) {
            Programme p = programme(Tree.resource(Catalogue.ROOT + file.string()));
            if (out.containsKey(p.id())) {
                throw file.error("programme " + p.id() + " defined twice");
            }
            out.put(p.id(), p);
        }
        Node file = index.opt("interpretations");
        String reference = file.isNull() ? null
                : Tree.resource(Catalogue.ROOT + file.string()).get("reference").string();
        return new ProgrammeCatalogue(Collections.unmodifiableMap(out), readings(), reference);
    }

    /**
     * The switchable interpretations (regulation/interpretations.yaml), without the programmes: the circular's
     * engines need them at start-up, the deck's programmes only for a deck request.
     */
    public static Map<String, Interpretation> readings() {
        Map<String, Interpretation> r = readings;
        if (r == null) {
            r = parseReadings();
            readings = r;
        }
        return r;
    }

    /** The classpath's readings, parsed once (immutable, like the bundle they come from). */
    private static volatile Map<String, Interpretation> readings;

    private static Map<String, Interpretation> parseReadings() {
        Node file = Tree.resource(Catalogue.ROOT + "index.yaml").opt("interpretations");
        Map<String, Interpretation> interpretations = new LinkedHashMap<>();
        if (!file.isNull()) {
            Node doc = Tree.resource(Catalogue.ROOT + file.string());
            Timeline<Map<String, Interpretation>> t = Timeline.ofDatedValues(doc.get("values"),
                    new Catalogue.Values<Map<String, Interpretation>>(null, Catalogue.INTERPRETATIONS));
            // the list of readings is not dated in use: the latest list is the one the configuration selects from
            if (t.latest().isPresent()) { // no lambda on the load path (cold start)
                interpretations.putAll(t.latest().get().value());
            }
        }
        return Collections.unmodifiableMap(interpretations);
    }

    private static Programme programme(Node doc) {
        String id = doc.get("id").string();
        Timeline<ProgrammeVersion> versions = Timeline.ofDatedValues(doc.get("values"),
                new Catalogue.Values<ProgrammeVersion>(null, Catalogue.PROGRAMME_VERSION));
        Map<String, Timeline<ItemVersion>> items = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : doc.get("items").entries()) {
            items.put(e.getKey(), Timeline.ofDatedValues(e.getValue().get("values"),
                    new Catalogue.Values<ItemVersion>(null, Catalogue.PROGRAMME_ITEM)));
        }
        Map<String, Timeline<EligibilityRule>> eligibility = new LinkedHashMap<>();
        Node rules = doc.opt("eligibility");
        for (Map.Entry<String, Node> e : rules.isNull() ? List.<Map.Entry<String, Node>>of() : rules.entries()) {
            Timeline<EligibilityRule> t = Timeline.ofDatedValues(e.getValue().get("values"),
                    new Catalogue.Values<EligibilityRule>(null, Catalogue.ELIGIBILITY_RULE));
            for (Timeline.Entry<EligibilityRule> v : t.entries()) {
                for (String g : v.value().groups()) {
                    if (!groupExists(items, g)) {
                        throw e.getValue().error("unknown item group " + g + " of " + id);
                    }
                }
            }
            eligibility.put(e.getKey(), t);
        }
        return new Programme(id, doc.get("reference").string(), versions, Collections.unmodifiableMap(items),
                Collections.unmodifiableMap(eligibility));
    }

    private static boolean groupExists(Map<String, Timeline<ItemVersion>> items, String group) {
        for (Timeline<ItemVersion> t : items.values()) {
            for (Timeline.Entry<ItemVersion> v : t.entries()) {
                if (v.value().group().equals(group)) {
                    return true;
                }
            }
        }
        return false;
    }

    static EligibilityRule eligibilityRule(Node v) {
        String rejection = v.get("rejection").string();
        if (!ELIGIBILITY_REJECTIONS.contains(rejection)) {
            throw v.get("rejection").error("unknown rejection " + rejection + " (expected one of "
                    + new java.util.TreeSet<>(ELIGIBILITY_REJECTIONS) + ")");
        }
        String kind = v.get("test").string();
        Test test;
        switch (kind) {
            case "RESIDENT_IN_TURKEY":
                test = new ResidentInTurkey();
                break;
            case "BRAND_REGISTERED_IN_TURKEY":
                test = new BrandRegisteredInTurkey();
                break;
            case "BRAND_IN_MADRID_COUNTRY":
                test = new BrandInMadridCountry(set(v.get("registrants")), set(v.opt("excludeCountries")));
                break;
            case "PROGRAMME_MEMBER":
                test = new ProgrammeMember(v.get("programme").string());
                break;
            case "YLDA_COOPERATION_ORGANISATION": {
                Node c = v.get("logisticsCompany");
                Node s = v.get("subsidiary");
                BigDecimal m2 = c.get("minWarehouseM2").decimal();
                BigDecimal pct = s.get("minOwnershipPercent").decimal();
                if (m2.signum() <= 0) {
                    throw c.get("minWarehouseM2").error("expected a positive area");
                }
                if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw s.get("minOwnershipPercent").error("expected a percentage in (0, 100]");
                }
                test = new YldaCooperationOrganisation(set(v.get("directKinds")), c.get("kind").string(),
                        set(c.get("allServices")), set(c.get("oneOfServices")), m2,
                        (int) c.get("minLocalPlateVehicles").longValue(), s.get("kind").string(), pct);
                break;
            }
            default:
                throw v.get("test").error("unknown eligibility test " + kind);
        }
        return new EligibilityRule(test, rejection, set(v.opt("roles")), set(v.opt("groups")),
                v.get("description").string());
    }

    static ProgrammeVersion programmeVersion(Node v) {
        Node currency = v.opt("currency");
        return new ProgrammeVersion(v.get("nameEn").string(), v.get("nameTr").string(),
                currency.isNull() ? null : currency.string());
    }

    static ItemVersion item(Node v) {
        Range rate = null;
        Node r = v.opt("rate");
        if (!r.isNull()) {
            rate = new Range(fraction(r.get("min")), fraction(r.get("max")));
            if (rate.min().compareTo(rate.max()) > 0) {
                throw r.error("min above max");
            }
        }
        List<Step> steps = new ArrayList<>();
        int expectedFrom = 1;
        for (Node s : v.opt("steps").list()) {
            int from = (int) s.get("fromYear").longValue();
            Node to = s.opt("toYear");
            if (from != expectedFrom) {
                throw s.error("steps must cover support years from 1 without gaps; expected fromYear " + expectedFrom);
            }
            Integer toYear = to.isNull() ? null : (int) to.longValue();
            steps.add(new Step(s.get("id").string(), from, toYear, fraction(s.get("rate"))));
            expectedFrom = toYear == null ? -1 : toYear + 1;
        }
        if (!steps.isEmpty() && steps.get(steps.size() - 1).toYear() != null) {
            throw v.get("steps").error("the last step must be open-ended (no toYear)");
        }
        if (rate != null && !steps.isEmpty()) {
            throw v.error("an item has either a rate or steps, not both");
        }
        List<Cap> caps = new ArrayList<>();
        for (Node c : v.opt("caps").list()) {
            Node subtype = c.opt("subtype");
            BigDecimal amount = new BigDecimal(c.get("amount").string());
            if (amount.signum() <= 0 || amount.scale() != 2) {
                throw c.get("amount").error("expected a positive amount with 2 decimals, got " + amount);
            }
            caps.add(new Cap(c.get("id").string(), subtype.isNull() ? null : subtype.string(), amount));
        }
        Node persons = v.opt("maxPersons");
        PersonsCap maxPersons = persons.isNull() ? null
                : new PersonsCap(persons.get("id").string(), (int) persons.get("value").longValue());
        return new ItemVersion(v.get("group").string(), v.get("nameTr").string(), v.get("nameEn").string(), rate,
                List.copyOf(steps), List.copyOf(caps), maxPersons, set(v.opt("sectors")), set(v.opt("roles")));
    }

    static Map<String, Interpretation> interpretations(Node v) {
        Map<String, Interpretation> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : v.entries()) {
            Node i = e.getValue();
            Map<String, String> options = new LinkedHashMap<>();
            for (Map.Entry<String, Node> o : i.get("options").entries()) {
                options.put(o.getKey(), o.getValue().string());
            }
            String def = i.get("default").string();
            if (!options.containsKey(def)) {
                throw i.get("default").error("default " + def + " is not one of the options " + options.keySet());
            }
            out.put(e.getKey(), new Interpretation(e.getKey(), i.get("article").string(), i.get("question").string(),
                    Collections.unmodifiableMap(options), def, i.get("why").string(),
                    ProgrammeCatalogue.<RuleChange>changes(i, "timeRules", options),
                    ProgrammeCatalogue.<SectorChange>changes(i, "sectors", options),
                    ProgrammeCatalogue.<RouteChange>changes(i, "routes", options)));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Checks what every option of every reading changes names something that exists: a time rule and facts it can
     * read, a support item (or ALL for routes). Run by the build (CatalogueBundler) over all options, since at
     * runtime only the options in force are read and a typo in another would surface only where it is chosen.
     */
    static void checkChangeTargets(Catalogue catalogue, Map<String, Interpretation> readings) {
        for (Interpretation i : readings.values()) {
            String at = "regulation/interpretations.yaml: " + i.id();
            for (Map.Entry<String, Map<String, RuleChange>> o : i.timeRules().entrySet()) {
                for (Map.Entry<String, RuleChange> c : o.getValue().entrySet()) {
                    String where = at + ".timeRules." + o.getKey() + "." + c.getKey();
                    if (!catalogue.timeRules.containsKey(c.getKey())) {
                        throw new RulesConfigException(where, "unknown time rule " + c.getKey());
                    }
                    for (String fact : new String[] {c.getValue().trigger(), c.getValue().subject()}) {
                        if (fact != null && !TimeRules.CLAIM_FACTS.contains(fact)
                                && !TimeRules.EXPENSE_FACTS.contains(fact)) {
                            throw new RulesConfigException(where, "unknown fact " + fact);
                        }
                    }
                    knownItems(catalogue, where, c.getValue().alsoItems());
                }
            }
            for (Map.Entry<String, Map<String, SectorChange>> o : i.sectors().entrySet()) {
                for (Map.Entry<String, SectorChange> c : o.getValue().entrySet()) {
                    String where = at + ".sectors." + o.getKey();
                    knownItems(catalogue, where, List.of(c.getKey()));
                    if (c.getValue().sameAs() != null) {
                        knownItems(catalogue, where + "." + c.getKey() + ".sameAs", List.of(c.getValue().sameAs()));
                    }
                }
            }
            for (Map.Entry<String, Map<String, RouteChange>> o : i.routes().entrySet()) {
                for (String target : o.getValue().keySet()) {
                    if (!target.equals("ALL")) {
                        knownItems(catalogue, at + ".routes." + o.getKey(), List.of(target));
                    }
                }
            }
        }
    }

    private static void knownItems(Catalogue catalogue, String where, List<String> items) {
        for (String item : items) {
            if (!catalogue.items.containsKey(item)) {
                throw new RulesConfigException(where, "unknown support item " + item);
            }
        }
    }

    /** An interpretation's {@code what} (timeRules, sectors, routes): per option, per target, the change. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, Map<String, T>> changes(Node interpretation, String what,
                                                         Map<String, String> options) {
        Node byOption = interpretation.opt(what);
        if (byOption.isNull()) {
            return Map.of();
        }
        Map<String, Map<String, T>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> o : byOption.entries()) {
            if (!options.containsKey(o.getKey())) {
                throw o.getValue().error("unknown option " + o.getKey() + " (expected one of " + options.keySet() + ")");
            }
            Map<String, T> targets = new LinkedHashMap<>();
            for (Map.Entry<String, Node> r : o.getValue().entries()) {
                targets.put(r.getKey(), (T) change(what, r.getValue()));
            }
            out.put(o.getKey(), Collections.unmodifiableMap(targets));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object change(String what, Node c) {
        switch (what) {
            case "timeRules":
                return new RuleChange(c.opt("trigger").stringOr(null), c.opt("subject").stringOr(null),
                        c.opt("offset").isNull() ? null : c.get("offset").period(), c.opt("alsoItems").strings(),
                        c.opt("description").stringOr(null), c.opt("descriptionTr").stringOr(null));
            case "sectors":
                return new SectorChange(c.opt("sameAs").stringOr(null),
                        !c.opt("unrestricted").isNull() && c.get("unrestricted").bool(), c.opt("add").strings(),
                        c.opt("ifListed").stringOr(null));
            default:
                return new RouteChange(c.opt("route").stringOr(null), c.opt("accepted").strings(),
                        c.opt("otherThan").stringOr(null), c.opt("becomes").stringOr(null),
                        c.opt("priorStep").stringOr(null));
        }
    }

    private static BigDecimal fraction(Node n) {
        return DeploymentConfig.rate(n);
    }

    private static Set<String> set(Node list) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(list.strings()));
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
