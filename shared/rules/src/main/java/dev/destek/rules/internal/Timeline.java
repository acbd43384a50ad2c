package dev.destek.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Values keyed by effective date (house style §7, OpenFisca-like). Each {@link Entry} is in force from
 * {@code from} to {@code to} inclusive ({@code to == null}: open-ended). Entries never overlap; a gap means
 * "no provision" (repealed, or not yet in force).
 */
public final class Timeline<T> {

    /** One version of a value. {@code reference} is the article or source of this version, may be null. */
    public record Entry<T>(LocalDate from, LocalDate to, T value, String reference) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        public String describePeriod() {
            return TraceInputs.date(from) + ".." + (to == null ? "open" : TraceInputs.date(to));
        }
    }

    private final List<Entry<T>> entries;

    private Timeline(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
    }

    public static <T> Timeline<T> of(List<Entry<T>> entries) {
        return new Timeline<>(entries);
    }

    public Optional<T> at(LocalDate day) {
        for (Entry<T> e : entries) { // no lambda: load path and hot path
            if (e.covers(day)) {
                return Optional.ofNullable(e.value());
            }
        }
        return Optional.empty();
    }

    public Optional<Entry<T>> entryAt(LocalDate day) {
        for (Entry<T> e : entries) {
            if (e.covers(day)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** {@link #entryAt} without the Optional (quote hot path): the entry in force on {@code day}, else null. */
    public Entry<T> entryOrNull(LocalDate day) {
        for (Entry<T> e : entries) {
            if (e.covers(day)) {
                return e;
            }
        }
        return null;
    }

    /** {@link #at} without the Optional (quote hot path): the value in force on {@code day}, else null. */
    public T valueOrNull(LocalDate day) {
        Entry<T> e = entryOrNull(day);
        return e == null ? null : e.value();
    }

    public List<Entry<T>> entries() {
        return entries;
    }

    /** The latest version (the one with the greatest start date), if any. */
    public Optional<Entry<T>> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** Stable insertion sort of the indexes by their dates (a handful of versions; no Comparator lambda at load). */
    private static void sortBy(Integer[] order, List<LocalDate> dates) {
        for (int k = 1; k < order.length; k++) {
            Integer x = order[k];
            LocalDate d = dates.get(x);
            int j = k - 1;
            while (j >= 0 && dates.get(order[j]).compareTo(d) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    /**
     * Regulation form: a mapping {@code <effective date>: {value: …, reference: …}}. A {@code null} value (or a
     * bare {@code null}) ends the provision from that date. A version ends the day before the next key.
     */
    public static <T> Timeline<T> ofDatedValues(Node values, Function<Node, T> parse) {
        List<Map.Entry<String, Node>> keyed = new ArrayList<>(values.entries());
        if (keyed.isEmpty()) {
            throw values.error("no effective dates");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (Map.Entry<String, Node> e : keyed) {
            dates.add(Node.parseDate(e.getKey(), e.getValue()));
        }
        Integer[] order = new Integer[keyed.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        sortBy(order, dates);
        List<Entry<T>> out = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            Node version = keyed.get(i).getValue();
            Node valueNode = version;
            String reference = null;
            if (version.isMap() && version.has("value")) {
                valueNode = version.opt("value");
                reference = version.opt("reference").stringOr(null);
            } else if (version.isMap()) {
                throw version.error("expected {value: …} (use value: null to end the provision)");
            }
            if (valueNode.isNull()) {
                continue;
            }
            LocalDate to = k + 1 < order.length ? dates.get(order[k + 1]).minusDays(1) : null;
            out.add(new Entry<>(dates.get(i), to, parse.apply(valueNode), reference));
        }
        return new Timeline<>(out);
    }

    /**
     * Configuration form: a list of {@code {from: date, to: date (inclusive, optional), value: …}}. Periods
     * must not overlap.
     */
    public static <T> Timeline<T> ofPeriods(Node list, Function<Node, T> parse) {
        if (!list.isList()) {
            throw list.error("expected a list of {from, to, value} periods, got "
                    + (list.isMap() ? "a mapping" : String.valueOf(list.raw())));
        }
        List<Entry<T>> out = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (Node p : list.list()) {
            LocalDate from = p.get("from").date();
            Node toNode = p.opt("to");
            LocalDate to = toNode.isNull() ? null : toNode.date();
            if (to != null && to.isBefore(from)) {
                throw toNode.error("ends before it starts (from " + from + ")");
            }
            T value = parse.apply(p.get("value"));
            out.add(new Entry<>(from, to, value, p.opt("note").stringOr(null)));
            paths.add(p.path());
        }
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<LocalDate> froms = new ArrayList<>(out.size());
        for (Entry<T> e : out) {
            froms.add(e.from());
        }
        sortBy(order, froms);
        List<Entry<T>> sorted = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            Entry<T> e = out.get(order[k]);
            if (k > 0) {
                Entry<T> prev = out.get(order[k - 1]);
                if (prev.to() == null || !prev.to().isBefore(e.from())) {
                    throw new dev.destek.rules.RulesConfigException(paths.get(order[k]),
                            "overlapping effective dates: " + e.describePeriod() + " overlaps "
                                    + paths.get(order[k - 1]) + " " + prev.describePeriod());
                }
            }
            sorted.add(e);
        }
        return new Timeline<>(sorted);
    }
}
