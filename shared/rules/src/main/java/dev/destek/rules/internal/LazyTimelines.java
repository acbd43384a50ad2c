package dev.destek.rules.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dated values by id (support item or time rule) from one catalogue file, each built when it is first asked for: a
 * quote reads its own item's entries, not all 32 items' of every parameter file, and Rules.load builds none. The
 * shipped files were validated whole when the bundle was built ({@link Catalogue#parseAll}), so building an entry
 * later cannot meet an error a deployment could have caused.
 *
 * @param <T> the value of each dated entry
 */
final class LazyTimelines<T> extends AbstractMap<String, Timeline<T>> {
    private final Catalogue owner;
    private final int kind;
    private final String resource;
    private final String section;
    /** The ids' nodes: the entries of {@code section} of {@code resource}, or, without a resource, file names. */
    private volatile Node nodes;
    private final Map<String, Timeline<T>> built = new java.util.concurrent.ConcurrentHashMap<>();
    /** All entries once {@link #entrySet} has built them. */
    private volatile Map<String, Timeline<T>> complete;

    /** The ids of {@code section} in {@code resource}, each with its own {@code values}. */
    LazyTimelines(Catalogue owner, int kind, String resource, String section) {
        this.owner = owner;
        this.kind = kind;
        this.resource = resource;
        this.section = section;
    }

    /** The ids of {@code files} (id → file name), each file holding the id's {@code values}. */
    LazyTimelines(Catalogue owner, int kind, Node files) {
        this(owner, kind, null, null);
        this.nodes = files;
    }

    Node nodes() {
        Node n = nodes;
        if (n == null) {
            n = Tree.resource(resource).get(section);
            nodes = n;
        }
        return n;
    }

    @Override
    public Timeline<T> get(Object id) {
        Timeline<T> t = built.get(id);
        if (t == null && id instanceof String && containsKey(id)) {
            Node n = nodes().get((String) id);
            Node values = resource == null ? Tree.resource(Catalogue.ROOT + n.string()).get("values") : n.get("values");
            t = Timeline.ofDatedValues(values, new Catalogue.Values<T>(owner, kind, (String) id));
            Timeline<T> raced = built.putIfAbsent((String) id, t);
            t = raced == null ? t : raced;
        }
        return t;
    }

    @Override
    public boolean containsKey(Object id) {
        return nodes().map().containsKey(id);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(nodes().map().keySet());
    }

    @Override
    public int size() {
        return nodes().map().size();
    }

    /** Every entry, built, in file order; made once: values() and every deadline list iterate through it. */
    @Override
    public Set<Entry<String, Timeline<T>>> entrySet() {
        Map<String, Timeline<T>> all = complete;
        if (all == null) {
            Map<String, Timeline<T>> built = new LinkedHashMap<>();
            for (String id : keySet()) {
                built.put(id, get(id));
            }
            all = Collections.unmodifiableMap(built);
            complete = all;
        }
        return all.entrySet();
    }
}
