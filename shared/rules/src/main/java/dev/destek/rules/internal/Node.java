package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A value of a parsed tree with the path that leads to it, so every type error names its key:
 * {@code baseRates.ADVERTISING[0].value: expected a number, got "half"}.
 */
public final class Node {
    private final Object value;
    /** The path, built lazily from parent + key/index: only error messages need it (cold start). */
    private String path;
    private final Node parent;
    private final String key;
    private final int index;
    private final String source;

    public Node(Object value, String path, String source) {
        this.value = value;
        this.path = path;
        this.parent = null;
        this.key = null;
        this.index = -1;
        this.source = source;
    }

    private Node(Object value, Node parent, String key, int index) {
        this.value = value;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.source = parent.source;
    }

    private String rawPath() {
        String p = path;
        if (p == null) {
            if (key != null) {
                String up = parent.rawPath();
                p = up.isEmpty() ? key : up + "." + key;
            } else {
                p = parent.path() + "[" + index + "]";
            }
            path = p;
        }
        return p;
    }

    public String path() {
        String p = rawPath();
        return p.isEmpty() ? source : p;
    }

    public String source() {
        return source;
    }

    public Object raw() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public RulesConfigException error(String reason) {
        return new RulesConfigException(path(), reason);
    }

    private String child(String key) {
        String p = rawPath();
        return p.isEmpty() ? key : p + "." + key;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        if (!(value instanceof Map)) {
            throw error("expected a mapping, got " + describe());
        }
        return (Map<String, Object>) value;
    }

    public boolean has(String key) {
        return map().containsKey(key);
    }

    /** A required key whose value may not be null. */
    public Node get(String key) {
        Object v = map().get(key); // one lookup: absent and null are both missing (cold start)
        if (v == null) {
            throw new RulesConfigException(child(key), "missing key");
        }
        return new Node(v, this, key, -1);
    }

    /** An optional key: a null node when absent. */
    public Node opt(String key) {
        return new Node(map().get(key), this, key, -1);
    }

    /** Children of a mapping, in document order. */
    public List<Map.Entry<String, Node>> entries() {
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : map().entrySet()) {
            out.add(Map.entry(e.getKey(), new Node(e.getValue(), this, e.getKey(), -1)));
        }
        return out;
    }

    public List<Node> list() {
        if (value == null) {
            return Collections.emptyList();
        }
        if (!(value instanceof List)) {
            throw error("expected a list, got " + describe());
        }
        List<?> l = (List<?>) value;
        List<Node> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(new Node(l.get(i), this, null, i));
        }
        return out;
    }

    public String string() {
        if (!(value instanceof String) || !startsPrintable((String) value) && ((String) value).isBlank()) {
            throw error("expected a non-blank string, got " + describe());
        }
        return (String) value;
    }

    public String stringOr(String fallback) {
        return value == null ? fallback : string();
    }

    public BigDecimal decimal() {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long) {
            return BigDecimal.valueOf((Long) value);
        }
        throw error("expected a number, got " + describe());
    }

    public long longValue() {
        if (value instanceof Long) {
            return (Long) value;
        }
        throw error("expected a whole number, got " + describe());
    }

    public boolean bool() {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw error("expected true or false, got " + describe());
    }

    public LocalDate date() {
        return parseDate(string(), this);
    }

    public Period period() {
        String text = string();
        Period known = PERIODS.get(text);
        if (known != null) {
            return known;
        }
        try {
            Period p = simplePeriod(text);
            if (p == null) {
                p = Period.parse(text);
            }
            if (PERIODS.size() < 4096) {
                PERIODS.put(text, p);
            }
            return p;
        } catch (DateTimeParseException e) {
            throw error("expected an ISO-8601 period such as P1Y, got " + describe());
        }
    }

    /**
     * {@code P<n>Y}, {@code P<n>M}, {@code P<n>W} or {@code P<n>D} (all the catalogue uses) without
     * {@link Period#parse}, whose first call compiles a regular expression (~3 ms interpreted at cold start); null
     * for any other form, which {@link Period#parse} then reads.
     */
    static Period simplePeriod(String text) {
        int last = text.length() - 1;
        if (last < 2 || last > 6 || text.charAt(0) != 'P' || !isDigits(text, 1, last)) {
            return null;
        }
        int n = digits(text, 1, last);
        switch (text.charAt(last)) {
            case 'Y': return Period.ofYears(n);
            case 'M': return Period.ofMonths(n);
            case 'W': return Period.ofWeeks(n);
            case 'D': return Period.ofDays(n);
            default: return null;
        }
    }

    /** Periods already parsed, by text: a handful (P1Y ~30 times), and each interpreted regex match is costly. */
    private static final Map<String, Period> PERIODS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A first character that is printable ASCII makes a string non-blank without {@code isBlank}'s scan. */
    private static boolean startsPrintable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c > ' ' && c < 0x7f;
    }

    public List<String> strings() {
        List<String> out = new ArrayList<>();
        for (Node n : list()) {
            out.add(n.string());
        }
        return out;
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Dates already parsed, by text: the catalogue repeats a few effective dates hundreds of times (2015-06-02 in
     * every file), and the bundle's strings are shared instances whose hash is computed once. Bounded by the distinct
     * dates of the catalogue and configuration (a cap guards against a huge override file).
     */
    private static final Map<String, LocalDate> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    static LocalDate parseDate(String text, Node at) {
        LocalDate known = DATES.get(text);
        if (known != null) {
            return known;
        }
        LocalDate d = parseNewDate(text, at);
        if (DATES.size() < 4096) {
            DATES.put(text, d);
        }
        return d;
    }

    private static LocalDate parseNewDate(String text, Node at) {
        // fast path for yyyy-mm-dd without the DateTimeFormatter machinery (cold start); same result and errors
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && isDigits(text, 0, 4)
                && isDigits(text, 5, 7) && isDigits(text, 8, 10)) {
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (java.time.DateTimeException e) {
                throw at.error("expected an ISO date (yyyy-mm-dd), got \"" + text + "\"");
            }
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw at.error("expected an ISO date (yyyy-mm-dd), got \"" + text + "\"");
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value.toString();
    }
}
