package dev.destek.rules.internal;

import dev.destek.rules.DocumentRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code regulation/documents/document_rules.yaml} (named in the index under {@code parameters}) into dated
 * {@link DocumentRules}. Kept apart from {@link Catalogue}: only the application checklist needs it, and the
 * document types it names are checked against the catalogue's here.
 */
public final class DocumentRulesData {
    static final String PARAMETER = "document_rules";
    private final Timeline<DocumentRules> timeline;

    private DocumentRulesData(Timeline<DocumentRules> timeline) {
        this.timeline = timeline;
    }

    public static DocumentRulesData load(final Catalogue catalogue) {
        Node index = Tree.resource(Catalogue.ROOT + "index.yaml");
        Node doc = Tree.resource(Catalogue.ROOT + index.get("parameters").get(PARAMETER).string());
        return new DocumentRulesData(Timeline.ofDatedValues(doc.get("values"),
                new Catalogue.Values<DocumentRules>(catalogue, Catalogue.DOCUMENT_RULES)));
    }

    public Optional<DocumentRules> at(LocalDate day) {
        return timeline.at(day);
    }

    static DocumentRules parse(Node v, Catalogue catalogue) {
        Node threshold = v.get("counsellorThresholdUsd");
        Node age = v.get("reportMaxAge");
        for (Node item : age.get("items").list()) {
            knownItem(catalogue, item);
        }
        Map<String, DocumentRules.CounsellorRule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : v.get("counsellorApproval").entries()) {
            knownItem(catalogue, new Node(e.getKey(), e.getValue().path(), e.getValue().source()));
            Node r = e.getValue();
            rules.put(e.getKey(), new DocumentRules.CounsellorRule(r.get("article").string(),
                    types(r.get("documentTypes"), catalogue), types(r.get("alwaysForeign"), catalogue),
                    r.get("overThresholdOnly").bool()));
        }
        Node onceOnly = v.get("onceOnly");
        return new DocumentRules(threshold.get("value").decimal(), threshold.get("article").string(),
                age.get("value").period(), age.get("article").string(), new LinkedHashSet<>(age.get("items").strings()),
                rules, types(onceOnly.get("documentTypes"), catalogue), onceOnly.get("article").string());
    }

    private static LinkedHashSet<String> types(Node list, Catalogue catalogue) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Node t : list.list()) {
            if (!catalogue.documentTypes.containsKey(t.string())) {
                throw t.error("unknown document type " + t.string());
            }
            out.add(t.string());
        }
        return out;
    }

    private static void knownItem(Catalogue catalogue, Node id) {
        if (!catalogue.items.containsKey(id.string())) {
            throw id.error("unknown support item " + id.string());
        }
    }
}
