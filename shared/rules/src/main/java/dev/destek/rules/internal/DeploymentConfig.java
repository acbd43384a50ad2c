package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deployment configuration: what the sources leave open (base rates, maxRate, the EK-1/EK-2 lists, size
 * limits, deadline switches). Embedded defaults ({@code config/defaults.yaml}) merged with the YAML/JSON file
 * named by {@value #ENV}. Mappings merge key by key; lists and scalars from the file replace the default; an
 * explicit {@code null} removes the default (and then fails validation as a missing key).
 */
public final class DeploymentConfig {
    public static final String ENV = "DESTEK_RULES_CONFIG";
    public static final String DEFAULTS = "config/defaults.yaml";

    private static final Set<String> TOP_KEYS = Set.of("source", "baseRates", "maxRate", "ek1Countries",
            "ek2Provinces", "noInternationalBankingCountries", "documentLimits", "deadlines", "eventLists", "decreeCaps",
            "programmes", "interpretations", "madridCountries", "competentAuthority");
    private static final Set<String> AUTHORITY_KEYS = Set.of("nameTr", "nameEn");
    /** The annex event lists the circular names but does not contain (DOMAIN §0 warning 4). */
    public static final Set<String> EVENT_LISTS = Set.of("EK_31B", "EK_32E", "LIST_2017_4_SECTORAL_FAIRS");
    /** What a Decree money cap is counted over; FILM is the Art. 20(2) "support limit" per film. */
    public static final Set<String> CAP_SCOPES = Set.of("CALENDAR_YEAR", "ACTIVITY", "FILM", "TOTAL");
    private static final Set<String> CAP_KEYS = Set.of("maxUsd", "scope");
    private static final Set<String> LIMIT_KEYS = Set.of("defaultMaxSizeBytes", "maxSizeBytes");
    private static final Set<String> DEADLINE_KEYS = Set.of("extendToNextBusinessDay", "holidays", "dueSoonDays",
            "finalReportDueDays");

    public final String source;
    public final Map<String, Timeline<BigDecimal>> baseRates;
    public final Timeline<BigDecimal> maxRate;
    public final Timeline<Set<String>> ek1Countries;
    public final Timeline<Set<String>> ek2Provinces;
    /** Art. 36(5): countries without international-standard banking (the sources list none). */
    public final Timeline<Set<String>> noInternationalBankingCountries;
    /**
     * Parties to the Madrid System (Decree 2564 application condition, S0 P§04; the deck does not list them). No
     * default: without a list in force a quote cannot decide the condition and sends it to MANUAL_REVIEW.
     */
    public final Timeline<Set<String>> madridCountries;
    /**
     * DOMAIN A-04: the General Directorate that decides claims, by period. S2 Art. 3(1)(b) names one, the 2024 deck
     * (S0) is issued by another; the sources give no date for the change, so the name is configuration.
     */
    public final Timeline<Authority> competentAuthority;
    public final long defaultMaxSizeBytes;
    public final Map<String, Long> maxSizeBytes;
    public final boolean extendToNextBusinessDay;
    public final Set<LocalDate> holidays;
    /** Event ids per annex list (EK-31B, EK-32E, the 2017/4 sectoral fairs list), dated. */
    public final Map<String, Timeline<Set<String>>> eventLists;
    /** Decree 2015/8 money caps per support item (not in the sources, DOMAIN §5.1 / Appendix A). */
    public final Map<String, Timeline<DecreeCap>> decreeCaps;
    /** Days before a deadline from which its status is DUE_SOON (house setting, default 7). */
    public final int dueSoonDays;
    /**
     * DOMAIN A-41: days after the HİSER project end by which the EK-28 final report is due (Art. 28(1) gives none);
     * null: no deadline, the digest's reading.
     */
    public final Integer finalReportDueDays;
    private final Map<String, Object> overrideTree;
    /** The merged tree; sections read by other classes ({@link ProgrammeConfig}) come from here. */
    private final Node root;
    private final String overrideFile;
    private static final String DEFAULT_ORIGIN = "default (" + DEFAULTS + ")";
    private final String overrideOrigin;

    private DeploymentConfig(Node root, Map<String, Object> overrideTree, String overrideFile, Catalogue catalogue) {
        this.overrideTree = overrideTree;
        this.overrideFile = overrideFile;
        this.overrideOrigin = ENV + " (" + overrideFile + ")";
        this.root = root;
        onlyKeys(root, TOP_KEYS);
        source = root.get("source").string();

        Map<String, Timeline<BigDecimal>> rates = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : root.get("baseRates").entries()) {
            if (!catalogue.items.containsKey(e.getKey())) {
                throw e.getValue().error("unknown support item " + e.getKey());
            }
            if (e.getValue().isNull()) {
                throw e.getValue().error("missing key");
            }
            rates.put(e.getKey(), Timeline.ofPeriods(e.getValue(), new Catalogue.Values<BigDecimal>(null, Catalogue.RATE)));
        }
        baseRates = Collections.unmodifiableMap(rates);
        maxRate = Timeline.ofPeriods(root.get("maxRate"), new Catalogue.Values<BigDecimal>(null, Catalogue.RATE));
        ek1Countries = Timeline.ofPeriods(root.get("ek1Countries"), new Catalogue.Values<Set<String>>(null, Catalogue.COUNTRIES));
        ek2Provinces = Timeline.ofPeriods(root.get("ek2Provinces"), new Catalogue.Values<Set<String>>(null, Catalogue.CODES));
        noInternationalBankingCountries = Timeline.ofPeriods(root.get("noInternationalBankingCountries"),
                new Catalogue.Values<Set<String>>(null, Catalogue.COUNTRIES));
        Node madrid = root.opt("madridCountries");
        madridCountries = madrid.isNull() ? Timeline.of(List.of())
                : Timeline.ofPeriods(madrid, new Catalogue.Values<Set<String>>(null, Catalogue.COUNTRIES));

        competentAuthority = Timeline.ofPeriods(root.get("competentAuthority"),
                new Catalogue.Values<Authority>(null, Catalogue.AUTHORITY));

        Node limits = root.get("documentLimits");
        onlyKeys(limits, LIMIT_KEYS);
        defaultMaxSizeBytes = positive(limits.get("defaultMaxSizeBytes"));
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : limits.get("maxSizeBytes").entries()) {
            if (!catalogue.documentTypes.containsKey(e.getKey())) {
                throw e.getValue().error("unknown document type " + e.getKey());
            }
            sizes.put(e.getKey(), positive(e.getValue()));
        }
        maxSizeBytes = Collections.unmodifiableMap(sizes);

        Node deadlines = root.get("deadlines");
        onlyKeys(deadlines, DEADLINE_KEYS);
        extendToNextBusinessDay = deadlines.get("extendToNextBusinessDay").bool();
        Set<LocalDate> days = new LinkedHashSet<>();
        for (Node d : deadlines.opt("holidays").list()) {
            days.add(d.date());
        }
        holidays = Collections.unmodifiableSet(days);
        Node soon = deadlines.get("dueSoonDays");
        long n = soon.longValue();
        if (n < 0 || n > 366) {
            throw soon.error("must be between 0 and 366, got " + n);
        }
        dueSoonDays = (int) n;
        Node finalReport = deadlines.opt("finalReportDueDays");
        if (finalReport.isNull()) {
            finalReportDueDays = null;
        } else {
            long due = finalReport.longValue();
            if (due < 1 || due > 3660) {
                throw finalReport.error("must be between 1 and 3660 days, got " + due);
            }
            finalReportDueDays = (int) due;
        }

        Map<String, Timeline<Set<String>>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : root.opt("eventLists").entries()) {
            if (!EVENT_LISTS.contains(e.getKey())) {
                throw e.getValue().error("unknown event list " + e.getKey() + " (expected one of "
                        + new java.util.TreeSet<>(EVENT_LISTS) + ")");
            }
            lists.put(e.getKey(), Timeline.ofPeriods(e.getValue(),
                    new Catalogue.Values<Set<String>>(null, Catalogue.CODES)));
        }
        eventLists = Collections.unmodifiableMap(lists);

        Map<String, Timeline<DecreeCap>> caps = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : root.opt("decreeCaps").entries()) {
            if (!catalogue.items.containsKey(e.getKey())) {
                throw e.getValue().error("unknown support item " + e.getKey());
            }
            caps.put(e.getKey(), Timeline.ofPeriods(e.getValue(),
                    new Catalogue.Values<DecreeCap>(null, Catalogue.DECREE_CAP)));
        }
        decreeCaps = Collections.unmodifiableMap(caps);
    }

    /** The competent General Directorate's name (DOMAIN A-04), in Turkish as the circular prints it and in English. */
    public record Authority(String nameTr, String nameEn) { }

    static Authority authority(Node v) {
        if (!v.isMap()) {
            throw v.error("expected {nameTr, nameEn}");
        }
        onlyKeys(v, AUTHORITY_KEYS);
        return new Authority(nonBlank(v.get("nameTr")), nonBlank(v.get("nameEn")));
    }

    private static String nonBlank(Node n) {
        String s = n.string();
        if (s.isBlank()) {
            throw n.error("must not be blank");
        }
        return s;
    }

    /** A Decree money cap: at most {@code maxUsd} of support per {@code scope} (one of {@link #CAP_SCOPES}). */
    public record DecreeCap(BigDecimal maxUsd, String scope) { }

    static DecreeCap decreeCap(Node v) {
        if (!v.isMap()) {
            throw v.error("expected {maxUsd, scope}");
        }
        onlyKeys(v, CAP_KEYS);
        Node max = v.get("maxUsd");
        BigDecimal amount = max.decimal();
        if (amount.signum() <= 0) {
            throw max.error("must be a positive USD amount, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw max.error("USD amount has more than 2 decimals: " + amount.toPlainString());
        }
        Node scope = v.get("scope");
        if (!CAP_SCOPES.contains(scope.string())) {
            throw scope.error("unknown cap scope " + scope.string() + " (expected one of "
                    + new java.util.TreeSet<>(CAP_SCOPES) + ")");
        }
        return new DecreeCap(amount.setScale(2), scope.string());
    }

    /** Loads the embedded defaults and, when {@value #ENV} is set, merges the named file over them. */
    public static DeploymentConfig load(Map<String, String> env, Catalogue catalogue) {
        Node defaults = Tree.resource(DEFAULTS);
        Map<String, Object> merged = defaults.map();
        Map<String, Object> override = Map.of();
        String file = env == null ? null : env.get(ENV);
        if (file != null && !file.isBlank()) {
            Object tree = read(Path.of(file));
            if (!(tree instanceof Map)) {
                throw new RulesConfigException(ENV, "file " + file + " must contain a mapping at the top level");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) tree;
            override = o;
            merged = merge(merged, override);
        } else {
            file = null;
        }
        return new DeploymentConfig(new Node(merged, "", DEFAULTS), override, file, catalogue);
    }

    /** Where a configured value came from: the override file when it sets {@code path}, else the defaults. */
    public String origin(String... path) {
        Object at = overrideTree;
        for (String key : path) {
            if (!(at instanceof Map) || !((Map<?, ?>) at).containsKey(key)) {
                return DEFAULT_ORIGIN;
            }
            at = ((Map<?, ?>) at).get(key);
        }
        return overrideOrigin;
    }

    /** Whether the override file sets the top-level {@code key} (else the shipped defaults, checked at build). */
    public boolean overrides(String key) {
        return overrideTree.containsKey(key);
    }

    /** A top-level section of the merged configuration (a null node when absent), validated by its reader. */
    public Node section(String key) {
        return root.opt(key);
    }

    public String describe() {
        return overrideFile == null ? source : source + "+" + overrideFile;
    }

    public long maxSizeBytes(String documentType) {
        return maxSizeBytes.getOrDefault(documentType, defaultMaxSizeBytes);
    }

    private static Object read(Path path) {
        return OverrideFile.read(path);
    }

    /** Holder: its exception classes are loaded only when an override file is read, not at every cold start. */
    private static final class OverrideFile {
        static Object read(Path path) {
            boolean json = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
            try (InputStream in = Files.newInputStream(path)) {
                return Tree.parse(in, path.toString(), json);
            } catch (NoSuchFileException e) {
                throw new RulesConfigException(ENV, "file not found: " + path);
            } catch (IOException e) {
                throw new RulesConfigException(ENV, "cannot read " + path + ": " + e.getMessage(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object b = out.get(e.getKey());
            Object o = e.getValue();
            if (b instanceof Map && o instanceof Map) {
                out.put(e.getKey(), merge((Map<String, Object>) b, (Map<String, Object>) o));
            } else {
                out.put(e.getKey(), o);
            }
        }
        return out;
    }

    private static void onlyKeys(Node n, Set<String> allowed) {
        for (String key : n.map().keySet()) {
            if (!allowed.contains(key)) {
                throw new RulesConfigException(n.path().equals(n.source()) ? key : n.path() + "." + key,
                        "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    /** A rate: a fraction 0..1 with at most 4 decimals, so that percent has at most 2. */
    static BigDecimal rate(Node n) {
        BigDecimal r = n.decimal();
        if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw n.error("rate outside 0..1: " + r.toPlainString() + " (rates are fractions: 0.50 = 50 %)");
        }
        if (r.stripTrailingZeros().scale() > 4) {
            throw n.error("rate has more than 4 decimals: " + r.toPlainString());
        }
        return r;
    }

    static Set<String> codes(Node list, boolean country) {
        if (!list.isList()) {
            throw list.error("expected a list of codes");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node c : list.list()) {
            String code = c.string();
            if (country && !(code.length() == 2 && code.charAt(0) >= 'A' && code.charAt(0) <= 'Z'
                    && code.charAt(1) >= 'A' && code.charAt(1) <= 'Z')) { // [A-Z]{2}, no regex at cold start
                throw c.error("expected an ISO 3166-1 alpha-2 country code, got \"" + code + "\"");
            }
            if (!out.add(code)) {
                throw c.error("duplicate code " + code);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static long positive(Node n) {
        long v = n.longValue();
        if (v <= 0) {
            throw n.error("must be a positive number of bytes, got " + v);
        }
        return v;
    }

    static List<String> topKeys() {
        return List.copyOf(TOP_KEYS);
    }
}
