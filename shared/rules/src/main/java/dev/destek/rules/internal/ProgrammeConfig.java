package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Deployment configuration of the deck's programmes: the sections {@code programmes} and {@code interpretations} of
 * the merged configuration ({@link DeploymentConfig}), validated against what the deck prints. A configured rate
 * must lie inside the printed range of every item it applies to; a printed fixed rate or step-down cannot be
 * configured at all; a programme without printed amounts needs a currency. Errors are
 * {@link RulesConfigException}s {@code <key>: <reason>}, at load.
 */
public final class ProgrammeConfig {
    private static final Set<String> PROGRAMME_KEYS = Set.of("currency", "defaultRate", "rates");

    /** Programme → the currency of its quotes (printed, else configured). */
    public final Map<String, String> currency;
    /** Programme → where its currency comes from. */
    public final Map<String, String> currencySource;
    /** Programme → rate of every item with a printed range (absent: no such default). */
    public final Map<String, Timeline<BigDecimal>> defaultRate;
    /** Programme → item → configured rate. */
    public final Map<String, Map<String, Timeline<BigDecimal>>> rates;
    /** Interpretation id → selected option. */
    public final Map<String, String> interpretations;
    private final DeploymentConfig config;

    private ProgrammeConfig(DeploymentConfig config, ProgrammeCatalogue catalogue) {
        this.config = config;
        Node section = config.section("programmes");
        Map<String, String> cur = new LinkedHashMap<>();
        Map<String, String> curSource = new LinkedHashMap<>();
        Map<String, Timeline<BigDecimal>> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Timeline<BigDecimal>>> itemRates = new LinkedHashMap<>();
        if (!section.isNull()) {
            for (Map.Entry<String, Node> e : section.entries()) {
                if (!catalogue.programmes.containsKey(e.getKey())) {
                    throw e.getValue().error("unknown programme " + e.getKey() + " (expected one of "
                            + new TreeSet<>(catalogue.programmes.keySet()) + ")");
                }
            }
        }
        for (ProgrammeCatalogue.Programme p : catalogue.programmes.values()) {
            Node n = section.isNull() ? new Node(null, "programmes." + p.id(), DeploymentConfig.DEFAULTS)
                    : section.opt(p.id());
            if (!n.isNull()) {
                for (String key : n.map().keySet()) {
                    if (!PROGRAMME_KEYS.contains(key)) {
                        throw new RulesConfigException(n.path() + "." + key,
                                "unknown key (expected one of " + new TreeSet<>(PROGRAMME_KEYS) + ")");
                    }
                }
            }
            currency(p, n, cur, curSource);
            if (!n.isNull() && !n.opt("defaultRate").isNull()) {
                Node d = n.get("defaultRate");
                Timeline<BigDecimal> t = Timeline.ofPeriods(d, rate());
                checkDefault(p, d, t);
                defaults.put(p.id(), t);
            }
            Map<String, Timeline<BigDecimal>> perItem = new LinkedHashMap<>();
            if (!n.isNull() && !n.opt("rates").isNull()) {
                for (Map.Entry<String, Node> e : n.get("rates").entries()) {
                    Timeline<ProgrammeCatalogue.ItemVersion> item = p.items().get(e.getKey());
                    if (item == null) {
                        throw e.getValue().error("unknown item " + e.getKey() + " of " + p.id());
                    }
                    Timeline<BigDecimal> t = Timeline.ofPeriods(e.getValue(), rate());
                    checkItemRate(p, e.getKey(), item, e.getValue(), t);
                    perItem.put(e.getKey(), t);
                }
            }
            itemRates.put(p.id(), Collections.unmodifiableMap(perItem));
        }
        currency = Collections.unmodifiableMap(cur);
        currencySource = Collections.unmodifiableMap(curSource);
        defaultRate = Collections.unmodifiableMap(defaults);
        rates = Collections.unmodifiableMap(itemRates);

        interpretations = selectInterpretations(config, catalogue.interpretations);
    }

    /** What the options in force change in the time rules: rule id → change (rules no option changes: absent). */
    public static Map<String, ProgrammeCatalogue.RuleChange> ruleChanges(Map<String, String> selected) {
        return inForce(ProgrammeCatalogue.readings(), selected, "timeRules");
    }

    /** What the options in force change in who may claim: item → change. */
    public static Map<String, ProgrammeCatalogue.SectorChange> sectorChanges(Map<String, String> selected) {
        return inForce(ProgrammeCatalogue.readings(), selected, "sectors");
    }

    /** What the options in force change in the filing routes: item (or ALL) → change. */
    public static Map<String, ProgrammeCatalogue.RouteChange> routeChanges(Map<String, String> selected) {
        return inForce(ProgrammeCatalogue.readings(), selected, "routes");
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> inForce(Map<String, ProgrammeCatalogue.Interpretation> readings,
                                              Map<String, String> selected, String what) {
        Map<String, T> out = new LinkedHashMap<>();
        for (ProgrammeCatalogue.Interpretation i : readings.values()) {
            Map<String, ? extends Map<String, ?>> byOption = what.equals("timeRules") ? i.timeRules()
                    : what.equals("sectors") ? i.sectors() : i.routes();
            Map<String, ?> changes = byOption.get(selected.get(i.id()));
            if (changes != null) {
                for (Map.Entry<String, ?> c : changes.entrySet()) {
                    if (out.put(c.getKey(), (T) c.getValue()) != null) {
                        throw new RulesConfigException("interpretations." + i.id(), "changes " + what + " of "
                                + c.getKey() + ", which another interpretation in force changes too");
                    }
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The option in force of every interpretation: its default unless the configuration picks another. */
    public static Map<String, String> selectInterpretations(DeploymentConfig config,
                                                            Map<String, ProgrammeCatalogue.Interpretation> readings) {
        Map<String, String> selected = new LinkedHashMap<>();
        for (ProgrammeCatalogue.Interpretation i : readings.values()) {
            selected.put(i.id(), i.defaultOption());
        }
        Node chosen = config.section("interpretations");
        if (!chosen.isNull()) {
            for (Map.Entry<String, Node> e : chosen.entries()) {
                ProgrammeCatalogue.Interpretation i = readings.get(e.getKey());
                if (i == null) {
                    throw e.getValue().error("unknown interpretation " + e.getKey() + " (expected one of "
                            + new TreeSet<>(readings.keySet()) + ")");
                }
                String option = e.getValue().string();
                if (!i.options().containsKey(option)) {
                    throw e.getValue().error("unknown option " + option + " (expected one of " + i.options().keySet()
                            + ")");
                }
                selected.put(i.id(), option);
            }
        }
        return Collections.unmodifiableMap(selected);
    }

    public static ProgrammeConfig load(DeploymentConfig config, ProgrammeCatalogue catalogue) {
        return new ProgrammeConfig(config, catalogue);
    }

    /** The Madrid-System parties configured for {@code day}; null when no list is in force (P§04 then reviews). */
    public Set<String> madridCountries(java.time.LocalDate day) {
        return config.madridCountries.valueOrNull(day);
    }

    /** Where a configured value came from (override file or shipped defaults). */
    public String origin(String... path) {
        return config.origin(path);
    }

    private static void currency(ProgrammeCatalogue.Programme p, Node n, Map<String, String> out,
                                 Map<String, String> source) {
        String printed = p.versions().latest().isPresent() ? p.versions().latest().get().value().currency() : null;
        Node c = n.isNull() ? n : n.opt("currency");
        if (printed != null) {
            if (!c.isNull()) {
                throw c.error("the deck prints the amounts of " + p.id() + " in " + printed + " (" + p.reference()
                        + "): the currency is not configuration");
            }
            out.put(p.id(), printed);
            source.put(p.id(), p.reference() + " (amounts printed in " + printed + ")");
            return;
        }
        if (c.isNull()) {
            throw new RulesConfigException(n.path() + ".currency", "missing key (the deck prints no amount for "
                    + p.id() + ", so the currency of its quotes is configuration)");
        }
        String code = c.string();
        if (!isCommonIsoCurrency(code)) {
            try {
                Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw c.error("expected an ISO 4217 currency code, got \"" + code + "\"");
            }
        }
        out.put(p.id(), code);
        source.put(p.id(), "CONFIG programmes." + p.id() + ".currency");
    }

    /** The default applies to every item with a printed range: it must lie in each range in force in its period. */
    private static void checkDefault(ProgrammeCatalogue.Programme p, Node list, Timeline<BigDecimal> t) {
        boolean anyRange = false;
        for (Map.Entry<String, Timeline<ProgrammeCatalogue.ItemVersion>> item : p.items().entrySet()) {
            for (Timeline.Entry<ProgrammeCatalogue.ItemVersion> v : item.getValue().entries()) {
                ProgrammeCatalogue.Range range = v.value().rate();
                if (range == null || range.fixed()) {
                    continue;
                }
                anyRange = true;
                checkInRange(p, item.getKey(), v, range, list, t);
            }
        }
        if (!anyRange) {
            throw list.error(p.id() + " has no item with a printed rate range, so a default rate has nothing to"
                    + " apply to");
        }
    }

    private static void checkItemRate(ProgrammeCatalogue.Programme p, String itemId,
                                      Timeline<ProgrammeCatalogue.ItemVersion> item, Node list,
                                      Timeline<BigDecimal> t) {
        for (Timeline.Entry<ProgrammeCatalogue.ItemVersion> v : item.entries()) {
            ProgrammeCatalogue.ItemVersion iv = v.value();
            if (!iv.steps().isEmpty()) {
                throw list.error("the deck prints the rates of " + itemId + " by support year (" + v.reference()
                        + "): they are not configuration");
            }
            if (iv.rate() != null && iv.rate().fixed()) {
                throw list.error("the deck prints the rate of " + itemId + ", " + iv.rate().describe() + " ("
                        + v.reference() + "): it is not configuration");
            }
            if (iv.rate() != null) {
                checkInRange(p, itemId, v, iv.rate(), list, t);
            }
        }
    }

    private static void checkInRange(ProgrammeCatalogue.Programme p, String itemId,
                                     Timeline.Entry<ProgrammeCatalogue.ItemVersion> version,
                                     ProgrammeCatalogue.Range range, Node list, Timeline<BigDecimal> t) {
        for (int i = 0; i < t.entries().size(); i++) {
            Timeline.Entry<BigDecimal> period = t.entries().get(i);
            boolean overlaps = (period.to() == null || !period.to().isBefore(version.from()))
                    && (version.to() == null || !version.to().isBefore(period.from()));
            if (overlaps && !range.contains(period.value())) {
                throw new RulesConfigException(pathOf(list, period),
                        "rate " + period.value().toPlainString() + " is outside the range the deck prints for "
                                + p.id() + " " + itemId + ", " + range.min().toPlainString() + ".."
                                + range.max().toPlainString() + " (" + version.reference() + ", in force from "
                                + version.from() + ")");
            }
        }
    }

    /** The key of the period's value (periods are sorted by the timeline, so find the node by its start). */
    private static String pathOf(Node list, Timeline.Entry<BigDecimal> period) {
        for (Node p : list.list()) {
            if (p.get("from").date().equals(period.from())) {
                return p.path() + ".value";
            }
        }
        return list.path();
    }

    /** The shared parser class, not an anonymous one (class loading at cold start). */
    private static Function<Node, BigDecimal> rate() {
        return new Catalogue.Values<BigDecimal>(null, Catalogue.RATE);
    }

    /**
     * TRY, USD and EUR (the default configuration's and the usual request's codes) are ISO 4217 codes without asking
     * {@link Currency}: its first use reads the JDK's currency data from the module image (~5-15 ms of a cold
     * {@code Rules.load}, which checks the configured programme currencies). Any other code still goes to Currency.
     */
    static boolean isCommonIsoCurrency(String code) {
        return "TRY".equals(code) || "USD".equals(code) || "EUR".equals(code);
    }
}
