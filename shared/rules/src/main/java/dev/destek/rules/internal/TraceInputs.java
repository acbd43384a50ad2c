package dev.destek.rules.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The inputs of a trace step: an immutable, insertion-ordered map over one {@code key, value, key, value…} array.
 * Values may be given as {@link BigDecimal}, {@link java.time.LocalDate}, a {@link Timeline.Entry} (its period),
 * {@link #joined} or any other immutable value ({@code String.valueOf}, e.g. a {@code Period}): they are turned into
 * their trace text ({@code toPlainString()}, ISO date, …) only when read, so a quote whose trace is never serialised
 * does not pay for formatting (the text is then kept; racy but benign: immutable values, idempotent conversion).
 * Equal to (and prints and serialises like) the {@code LinkedHashMap} it replaces, but built with one allocation
 * and no hashing: a quote writes ~70 of them (hot path). Keys are unique by construction (callers write literals);
 * a repeated key behaves as with {@code LinkedHashMap.put}.
 */
public final class TraceInputs extends AbstractMap<String, String> {
    private final Object[] raw;
    private volatile Object[] checked;
    private Set<Map.Entry<String, String>> entries;

    /**
     * Takes ownership of {@code kv} (even length, keys non-null strings). A repeated key keeps its first position and
     * takes the last value, as {@code LinkedHashMap.put} would; that check runs on first read, not here (hot path).
     */
    public TraceInputs(Object... kv) {
        if ((kv.length & 1) != 0) {
            throw new IllegalArgumentException("odd number of key/value strings");
        }
        this.raw = kv;
    }

    /** The checked array (keys validated, duplicates merged): computed once, racy but idempotent. */
    private Object[] kv() {
        Object[] k = checked;
        if (k == null) {
            Object[] kv = raw;
            boolean duplicates = false;
            for (int i = 0; i < kv.length; i += 2) {
                if (!(kv[i] instanceof String)) {
                    throw new IllegalArgumentException("trace input key must be a string: " + kv[i]);
                }
                for (int j = 0; j < i; j += 2) {
                    if (kv[j].equals(kv[i])) {
                        duplicates = true;
                    }
                }
            }
            k = duplicates ? dedupe(kv) : kv;
            checked = k;
        }
        return k;
    }

    private static Object[] dedupe(Object[] kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        Object[] out = new Object[m.size() * 2];
        int k = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out[k++] = e.getKey();
            out[k++] = e.getValue();
        }
        return out;
    }

    @Override
    public int size() {
        return kv().length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return raw.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = index(key);
        return i < 0 ? null : text(i + 1);
    }

    private String text(int at) {
        Object[] kv = kv();
        Object v = kv[at];
        if (v == null || v instanceof String) {
            return (String) v;
        }
        String t = v instanceof java.math.BigDecimal ? plain((java.math.BigDecimal) v)
                : v instanceof java.time.LocalDate ? date((java.time.LocalDate) v)
                : v instanceof Timeline.Entry ? ((Timeline.Entry<?>) v).describePeriod() : String.valueOf(v);
        kv[at] = t;
        return t;
    }

    private int index(Object key) {
        Object[] kv = kv();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        Set<Map.Entry<String, String>> s = entries;
        if (s == null) {
            s = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private final Object[] kv = kv();
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < kv.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (i >= kv.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, String> e = new SimpleImmutableEntry<>((String) kv[i], text(i + 1));
                            i += 2;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return kv().length >> 1;
                }
            };
            entries = s;
        }
        return s;
    }

    /**
     * An input value that reads as {@code String.join(",", values)}, joined on first read. Only for collections that
     * never change (the catalogue's and configuration's), since the join happens later.
     */
    public static Object joined(java.util.Collection<String> values) {
        return new Joined(values);
    }

    private static final class Joined {
        private final java.util.Collection<String> values;

        Joined(java.util.Collection<String> values) {
            this.values = values;
        }

        @Override
        public String toString() {
            return String.join(",", values);
        }
    }

    /** {@code d.toString()} (ISO-8601 yyyy-MM-dd) without StringBuilder for years 0..9999; hot path of the trace. */
    public static String date(java.time.LocalDate d) {
        long day = d.toEpochDay();
        int slot = (int) (day & (DATES.length - 1));
        DateString cached = DATES[slot];
        if (cached != null && cached.epochDay == day) {
            return cached.text;
        }
        String text = format(d);
        DATES[slot] = new DateString(day, text); // racy but safe: immutable holder, worst case a recomputation
        return text;
    }

    private static final DateString[] DATES = new DateString[1024];

    private static final class DateString {
        final long epochDay;
        final String text;

        DateString(long epochDay, String text) {
            this.epochDay = epochDay;
            this.text = text;
        }
    }

    private static String format(java.time.LocalDate d) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            return d.toString();
        }
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        byte[] b = {(byte) ('0' + y / 1000), (byte) ('0' + y / 100 % 10), (byte) ('0' + y / 10 % 10),
            (byte) ('0' + y % 10), '-', (byte) ('0' + m / 10), (byte) ('0' + m % 10), '-', (byte) ('0' + day / 10),
            (byte) ('0' + day % 10)};
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code v.toPlainString()}, the same text, for the trace's amounts and rates (scale 1..9, up to 18 digits) with
     * one buffer instead of the JDK's digit string, StringBuilder and copy: a quote writes ~40 of them (hot path).
     */
    public static String plain(java.math.BigDecimal v) {
        return plain("", v);
    }

    /**
     * {@code prefix + plain(v)} in one buffer (trace outputs such as {@code "CAPPED 12.50"}: no intermediate
     * string). {@code prefix} must be ASCII (callers pass literals).
     */
    public static String plain(String prefix, java.math.BigDecimal v) {
        int scale = v.scale();
        if (scale <= 0 || scale > 9 || v.precision() > 18) {
            return prefix.isEmpty() ? v.toPlainString() : prefix + v.toPlainString();
        }
        long u = v.scaleByPowerOfTen(scale).longValueExact(); // the unscaled value, |u| < 10^18
        boolean negative = u < 0;
        if (negative) {
            u = -u;
        }
        int digits = 1;
        for (long p = 10; digits < 18 && p <= u; p *= 10) {
            digits++;
        }
        int intDigits = Math.max(digits - scale, 1); // 0.05: one integer digit
        int pre = prefix.length();
        byte[] b = new byte[pre + (negative ? 1 : 0) + intDigits + 1 + scale];
        for (int i = 0; i < pre; i++) {
            b[i] = (byte) prefix.charAt(i);
        }
        int at = b.length;
        for (int i = 0; i < scale; i++) {
            b[--at] = (byte) ('0' + u % 10);
            u /= 10;
        }
        b[--at] = '.';
        for (int i = 0; i < intDigits; i++) {
            b[--at] = (byte) ('0' + u % 10);
            u /= 10;
        }
        if (negative) {
            b[pre] = '-';
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final String[] SMALL = new String[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    /** {@code String.valueOf(v)} for a nullable Integer, cached for 0..255 (quantities in the trace). */
    public static String number(Integer v) {
        if (v == null) {
            return "null";
        }
        int x = v;
        return x >= 0 && x < SMALL.length ? SMALL[x] : Integer.toString(x);
    }
}
