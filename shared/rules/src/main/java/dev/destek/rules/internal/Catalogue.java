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

    public record DocType(String article, Set<String> mediaTypes, String descriptionEn, String descriptionTr) { }

    public record Eligibility(Set<String> roles, Set<String> sectors) { }

    public enum Trigger { PAYMENT_DATE, PAYMENT_DOCUMENT_DATE, DOCUMENT_ISSUE_DATE }

    public record FilingPeriod(Trigger trigger, Period period, Map<String, Trigger> triggerByKind) {
        public Trigger triggerFor(String kind) {
            return triggerByKind.getOrDefault(kind, trigger);
        }
    }

    public record ProvinceBonus(BigDecimal points, Set<String> applicantRoles) { }

    public record SupportCap(Set<String> kinds, BigDecimal maxUsd, String scope, String basis) { }

    public final String version;
    public final String programme;
    public final Map<String, Timeline<ItemVersion>> items;
    public final Map<String, Timeline<List<ChecklistLine>>> checklists;
    public final Map<String, DocType> documentTypes;
    public final Set<String> expenseKinds;
    public final Map<String, Timeline<Eligibility>> eligibility;
    public final Map<String, Timeline<Set<String>>> exclusions;
    public final Map<String, Timeline<FilingPeriod>> filingPeriods;
    public final Timeline<Set<String>> bonusItems;
    public final Timeline<BigDecimal> targetCountryBonus;
    public final Timeline<ProvinceBonus> provinceBonus;
    public final Map<String, Timeline<SupportCap>> supportCaps;

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
            it.put(id, Timeline.ofDatedValues(doc.get("values"), v -> new ItemVersion(v.get("article").string(),
                    v.get("claimForm").string(), v.get("nameEn").string(), v.get("nameTr").string())));
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

        Map<String, Timeline<List<ChecklistLine>>> cl = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : index.get("checklists").entries()) {
            knownItem(e.getKey(), e.getValue());
            Node doc = Tree.resource(ROOT + e.getValue().string());
            cl.put(e.getKey(), Timeline.ofDatedValues(doc.get("values"), this::checklistLines));
        }
        checklists = Collections.unmodifiableMap(cl);

        Node params = index.get("parameters");
        eligibility = perItem(param(params, "eligible_applicants"),
                v -> new Eligibility(orderedSet(v.get("roles").strings()), orderedSet(v.get("sectors").strings())));
        exclusions = perItem(param(params, "excluded_expense_kinds"), v -> kinds(v));
        filingPeriods = perItem(param(params, "claim_filing_period"), this::filingPeriod);
        bonusItems = Timeline.ofDatedValues(param(params, "bonus_items").get("values"), v -> {
            for (Node id : v.list()) {
                knownItem(id.string(), id);
            }
            return orderedSet(v.strings());
        });
        targetCountryBonus = Timeline.ofDatedValues(param(params, "target_country_bonus").get("values"),
                Catalogue::points);
        provinceBonus = Timeline.ofDatedValues(param(params, "province_bonus").get("values"),
                v -> new ProvinceBonus(points(v.get("points")), orderedSet(v.get("applicantRoles").strings())));
        supportCaps = perItem(param(params, "support_amount_caps"), v -> new SupportCap(kinds(v.get("kinds")),
                new BigDecimal(v.get("maxUsd").string()), v.get("scope").string(), v.get("basis").string()));
    }

    public static Catalogue load() {
        return new Catalogue(Tree.resource(ROOT + "index.yaml"));
    }

    private static Node param(Node params, String name) {
        return Tree.resource(ROOT + params.get(name).string());
    }

    private <T> Map<String, Timeline<T>> perItem(Node doc, Function<Node, T> parse) {
        Map<String, Timeline<T>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : doc.get("items").entries()) {
            knownItem(e.getKey(), e.getValue());
            out.put(e.getKey(), Timeline.ofDatedValues(e.getValue().get("values"), parse));
        }
        return Collections.unmodifiableMap(out);
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
        try {
            return Trigger.valueOf(n.string());
        } catch (IllegalArgumentException e) {
            throw n.error("unknown trigger " + n.raw() + ", expected one of " + List.of(Trigger.values()));
        }
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
