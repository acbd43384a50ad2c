package dev.destek.rules;

import dev.destek.rules.internal.Catalogue;
import dev.destek.rules.internal.CatalogueViews;
import dev.destek.rules.internal.DocumentRulesData;
import dev.destek.rules.internal.MoneyRules;
import dev.destek.rules.internal.TimeRules;
import dev.destek.rules.internal.DeploymentConfig;
import dev.destek.rules.internal.ProgrammeCatalogue;
import dev.destek.rules.internal.ProgrammeConfig;
import dev.destek.rules.internal.ProgrammeQuotes;
import dev.destek.rules.internal.QuoteCalculator;
import dev.destek.rules.internal.Timeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the Decree 2015/8 circular and of the 2024 deck's programmes (S0 P§03–P§07) as catalogues of dated,
 * cited data plus the deployment configuration, and the calculations over them. Immutable and thread-safe: load
 * once at cold start.
 */
public final class Rules {
    private final Catalogue catalogue;
    private final DeploymentConfig config;
    /**
     * The quote engines are built on first use, not by {@link #load}: their constructors validate nothing (the
     * catalogue and configuration they use are validated at load), and loading their classes (~90 kB of bytecode,
     * the largest of the module) was a few ms of a fresh JVM's first {@code Rules.load}. A Decree 2015/8 quote never
     * loads the deck's engine, a deck quote never loads the 2015/8 one.
     */
    private volatile QuoteCalculator calculator;
    /** Built on first use, as the engines below: the catalogue's data were validated when the bundle was built. */
    private volatile List<SupportItem> supportItems;
    private volatile TimeRules timeRules;
    private volatile MoneyRules money;
    /** The 2024 deck's programmes (S0 P§03–P§07): quoted when the request names one of them. */
    private volatile ProgrammeQuotes programmes;
    /**
     * The option in force of every switchable interpretation (regulation/interpretations.yaml), validated at load.
     * The deck's programmes themselves are read on first use, unless the deployment configures them: their shipped
     * data were validated when the bundle was built, so only a deployment's settings can be wrong at start-up.
     */
    private final Map<String, String> interpretations;
    private volatile DocumentRulesData documentRules;
    private volatile CatalogueView view;

    private Rules(Catalogue catalogue, DeploymentConfig config) {
        this.catalogue = catalogue;
        this.config = config;
        this.interpretations = ProgrammeConfig.selectInterpretations(config, ProgrammeCatalogue.readings());
        // two options in force that change the same rule, item or route fail here, at start-up, not on first use
        ProgrammeConfig.ruleChanges(interpretations);
        ProgrammeConfig.sectorChanges(interpretations);
        ProgrammeConfig.routeChanges(interpretations);
        if (config.overrides("programmes")) {
            programmes();
        }
    }

    /**
     * Catalogue from the classpath + deployment configuration: embedded defaults, overridden by the YAML/JSON
     * file named by env var DESTEK_RULES_CONFIG if set. Validates at load; on error throws
     * RulesConfigException whose message names the key and the reason.
     */
    public static Rules load(Map<String, String> env) {
        Catalogue catalogue = Catalogue.load();
        return new Rules(catalogue, DeploymentConfig.load(env == null ? Map.of() : env, catalogue));
    }

    /** Catalogue version string (regulation/index.yaml). */
    public String version() {
        return catalogue.version;
    }

    /** Where the deployment configuration came from: {@code embedded-defaults} or defaults + the file. */
    public String configurationSource() {
        return config.describe();
    }

    /** The latest version of the item; {@link SupportItem#effectiveTo()} is set once it is repealed. */
    public Optional<SupportItem> supportItem(String id) {
        Timeline<Catalogue.ItemVersion> versions = catalogue.items.get(id);
        if (versions == null) {
            return Optional.empty();
        }
        Optional<Timeline.Entry<Catalogue.ItemVersion>> latest = versions.latest();
        return latest.isPresent() ? Optional.of(toItem(id, latest.get())) : Optional.empty();
    }

    /** The version of the item in force on {@code on}, if any. */
    public Optional<SupportItem> supportItem(String id, LocalDate on) {
        Timeline<Catalogue.ItemVersion> versions = catalogue.items.get(id);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.entryAt(Objects.requireNonNull(on, "on")).map(e -> toItem(id, e));
    }

    public List<SupportItem> supportItems() {
        List<SupportItem> all = supportItems;
        if (all == null) {
            List<SupportItem> items = new ArrayList<>();
            for (String id : catalogue.items.keySet()) {
                Optional<SupportItem> item = supportItem(id);
                if (item.isPresent()) {
                    items.add(item.get());
                }
            }
            all = Collections.unmodifiableList(items);
            supportItems = all;
        }
        return all;
    }

    /**
     * Documents the rules require for the item on that date (empty list if unknown item). Once-only documents
     * (EK-3, Art. 34(6)) are listed with {@code required = false}; see {@link #checklist(String, LocalDate, boolean)}.
     */
    public List<ChecklistEntry> checklist(String supportItemId, LocalDate on) {
        return checklist(supportItemId, on, false);
    }

    /**
     * As {@link #checklist(String, LocalDate)}; with {@code firstApplication} the once-only documents (EK-3,
     * Art. 34(6): sent once, with the first support application) are required.
     */
    public List<ChecklistEntry> checklist(String supportItemId, LocalDate on, boolean firstApplication) {
        Objects.requireNonNull(on, "on");
        Timeline<List<Catalogue.ChecklistLine>> timeline = catalogue.checklists.get(supportItemId);
        Timeline<Catalogue.ItemVersion> item = catalogue.items.get(supportItemId);
        if (timeline == null || item == null || item.at(on).isEmpty()) {
            return List.of();
        }
        List<ChecklistEntry> out = new ArrayList<>();
        for (Catalogue.ChecklistLine l : timeline.at(on).orElse(List.of())) {
            out.add(new ChecklistEntry(l.documentType(), l.article(), l.descriptionEn(), l.descriptionTr(),
                    l.onceOnly() ? firstApplication : l.required()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The parameters of the document rules (counsellor approval, report age, once-only documents) in force on
     * {@code on}, each citing its article; empty before the circular applied.
     */
    public Optional<DocumentRules> documentRules(LocalDate on) {
        DocumentRulesData d = documentRules;
        if (d == null) {
            d = DocumentRulesData.load(catalogue);
            documentRules = d;
        }
        return d.at(Objects.requireNonNull(on, "on"));
    }

    /** Allowed sniffed media types and max size per document type (used by the upload validator). */
    public Optional<DocumentTypeRule> documentType(String documentType) {
        Catalogue.DocType t = catalogue.documentTypes.get(documentType);
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentTypeRule(documentType, t.mediaTypes(), config.maxSizeBytes(documentType),
                t.article()));
    }

    /** Every document type of the catalogue, in catalogue order. */
    public List<DocumentTypeRule> documentTypes() {
        List<DocumentTypeRule> out = new ArrayList<>();
        for (String type : catalogue.documentTypes.keySet()) {
            documentType(type).ifPresent(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Payout quote; throws QuoteRequestException(String pointer, String reason) on structurally invalid input,
     * e.g. unknown supportItem, missing amount, unknown currency.
     */
    public Quote quote(QuoteRequest request) {
        if (request != null && coversDeck(request.programme())) {
            return programmes().quote(request);
        }
        return calculator().quote(request);
    }

    /** Whether {@code programme} is one of the deck's; a Decree 2015/8 request never builds the deck's engine. */
    private boolean coversDeck(String programme) {
        return programme != null && !programme.equals(catalogue.programme) && programmes().covers(programme);
    }

    private QuoteCalculator calculator() {
        QuoteCalculator c = calculator;
        if (c == null) {
            synchronized (this) {
                c = calculator;
                if (c == null) {
                    c = new QuoteCalculator(catalogue, config, timeRules(), interpretations);
                    calculator = c;
                }
            }
        }
        return c;
    }

    private ProgrammeQuotes programmes() {
        ProgrammeQuotes p = programmes;
        if (p == null) {
            synchronized (this) {
                p = programmes;
                if (p == null) {
                    ProgrammeCatalogue deck = ProgrammeCatalogue.load();
                    p = new ProgrammeQuotes(deck, ProgrammeConfig.load(config, deck), catalogue.expenseKinds,
                            catalogue.version + "; config " + config.describe(), catalogue.timeRules,
                            config.dueSoonDays);
                    programmes = p;
                }
            }
        }
        return p;
    }

    private TimeRules timeRules() {
        TimeRules t = timeRules;
        if (t == null) {
            synchronized (this) {
                t = timeRules;
                if (t == null) {
                    t = new TimeRules(catalogue, config, interpretations);
                    timeRules = t;
                }
            }
        }
        return t;
    }

    private MoneyRules money() {
        MoneyRules m = money;
        if (m == null) {
            synchronized (this) {
                m = money;
                if (m == null) {
                    m = new MoneyRules(catalogue, interpretations);
                    money = m;
                }
            }
        }
        return m;
    }

    private static SupportItem toItem(String id, Timeline.Entry<Catalogue.ItemVersion> e) {
        Catalogue.ItemVersion v = e.value();
        return new SupportItem(id, v.article(), v.claimForm(), v.nameEn(), v.nameTr(), e.from(), e.to());
    }
    /**
     * Every deadline the facts of the request imply (time rules T01–T59 whose trigger fact is present), sorted by
     * date, with the status on {@code today}: OPEN, DUE_SOON (within {@code deadlines.dueSoonDays}, default 7),
     * MISSED; "not before" boundaries are NOT_YET / OPEN. Same body as a quote; only programme and supportItem
     * are required. Throws {@link QuoteRequestException} for a structurally invalid request.
     */
    public List<Deadline> deadlines(QuoteRequest request, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (request == null) {
            throw new QuoteRequestException("", "request body is required");
        }
        if (coversDeck(request.programme())) {
            return programmes().deadlines(request, today);
        }
        if (request.programme() == null || !request.programme().equals(catalogue.programme)) {
            throw new QuoteRequestException("/programme", request.programme() == null ? "missing programme"
                    : "unknown programme " + request.programme() + " (this catalogue covers " + catalogue.programme + ")");
        }
        if (request.supportItem() == null || !catalogue.items.containsKey(request.supportItem())) {
            throw new QuoteRequestException("/supportItem", request.supportItem() == null ? "missing supportItem"
                    : "unknown support item " + request.supportItem());
        }
        if (request.expenses() != null) {
            for (int i = 0; i < request.expenses().size(); i++) {
                QuoteRequest.Expense e = request.expenses().get(i);
                if (e == null || e.id() == null || e.id().isBlank()) {
                    throw new QuoteRequestException("/expenses/" + i + "/id", "missing id");
                }
                if (e.kind() == null || !catalogue.expenseKinds.contains(e.kind())) {
                    throw new QuoteRequestException("/expenses/" + i + "/kind", e.kind() == null ? "missing kind"
                            : "unknown expense kind " + e.kind());
                }
            }
        }
        return List.copyOf(timeRules().deadlines(request.supportItem(), request, today, config.dueSoonDays));
    }

    /** Art. 35: the entitlement split between tax authority, social security and applicant. */
    public Offset offset(OffsetRequest request) {
        return money().offset(request, LocalDate.of(2015, 6, 2));
    }

    /** S0 P§08: green passports from the last three calendar years' service exports. */
    public GreenPassport greenPassports(GreenPassportRequest request) {
        return money().greenPassports(request, LocalDate.of(2024, 11, 1));
    }

    /** The public catalogue: items, forms, deadlines, caps, bonuses, with articles and effective dates. */
    public CatalogueView catalogue() {
        CatalogueView v = view;
        if (v == null) {
            v = CatalogueViews.build(catalogue, config, interpretations)
                    .withProgrammes(programmes().view(), programmes().interpretations());
            view = v;
        }
        return v;
    }
}
