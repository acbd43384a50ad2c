package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the build-time catalogue bundle only (cold start: no Jackson class loading, no
 * lambdas, no regex). Same tree as {@link Tree#parse} gives for JSON: LinkedHashMap, ArrayList, String, Long
 * (integers), BigDecimal (numbers with a fraction or exponent), Boolean, null; duplicate keys are an error.
 * Override files written by people are still read with Jackson ({@link Tree#parse}).
 */
final class MiniJson {
    /** The text as a char array: plain array reads are far cheaper than String.charAt in the interpreter. */
    private final char[] s;
    private final int n;
    private final String source;
    private int i;

    private MiniJson(String text, String source) {
        this.s = text.toCharArray();
        this.n = s.length;
        this.source = source;
    }

    static Object parse(InputStream in, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, in.available()));
        byte[] buf = new byte[16384];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
        }
        MiniJson p = new MiniJson(out.toString(StandardCharsets.UTF_8), source);
        p.ws();
        if (p.i >= p.n) {
            return null;
        }
        Object v = p.value("");
        p.ws();
        if (p.i != p.n) {
            throw p.error("trailing content");
        }
        return v;
    }

    private RulesConfigException error(String what) {
        return new RulesConfigException(source, "not valid JSON: " + what + " at offset " + i);
    }

    private void ws() {
        char[] t = s;
        int k = i;
        while (k < n) {
            char c = t[k];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            k++;
        }
        i = k;
    }

    private Object value(String path) {
        if (i >= n) {
            throw error("unexpected end");
        }
        char c = s[i];
        switch (c) {
            case '{': return object(path);
            case '[': return array(path);
            case '"': return string();
            case 't': literal("true"); return Boolean.TRUE;
            case 'f': literal("false"); return Boolean.FALSE;
            case 'n': literal("null"); return null;
            default: return number();
        }
    }

    private Map<String, Object> object(String path) {
        i++;
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            i++;
            return map;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a key");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            Object v = value(path);
            if (map.containsKey(key)) {
                throw new RulesConfigException(path.isEmpty() ? key : path + "." + key, "duplicate key in " + source);
            }
            map.put(key, v);
            ws();
            char c = peek();
            i++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                i--;
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array(String path) {
        i++;
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
            i++;
            return list;
        }
        while (true) {
            ws();
            list.add(value(path));
            ws();
            char c = peek();
            i++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                i--;
                throw error("expected , or ]");
            }
        }
    }

    private char peek() {
        if (i >= n) {
            throw error("unexpected end");
        }
        return s[i];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected " + c);
        }
        i++;
    }

    private void literal(String word) {
        if (i + word.length() > n) {
            throw error("expected " + word);
        }
        for (int k = 0; k < word.length(); k++) {
            if (s[i + k] != word.charAt(k)) {
                throw error("expected " + word);
            }
        }
        i += word.length();
    }

    private String string() {
        int start = ++i;
        char[] t = s;
        for (int k = start; k < n; k++) {
            char c = t[k];
            if (c == '"') {
                i = k + 1;
                return new String(t, start, k - start);
            }
            if (c == '\\') {
                return escaped(start, k);
            }
        }
        throw error("unterminated string");
    }

    private String escaped(int start, int k) {
        StringBuilder b = new StringBuilder(64);
        b.append(s, start, k - start);
        while (k < n) {
            char c = s[k++];
            if (c == '"') {
                i = k;
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (k >= n) {
                break;
            }
            char e = s[k++];
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (k + 4 > n) {
                        i = k;
                        throw error("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(new String(s, k, 4), 16));
                    k += 4;
                    break;
                default:
                    i = k;
                    throw error("bad escape \\" + e);
            }
        }
        i = k;
        throw error("unterminated string");
    }

    private Object number() {
        int start = i;
        boolean integer = true;
        int k = i;
        while (k < n) {
            char c = s[k];
            if (c >= '0' && c <= '9' || c == '-' || c == '+') {
                k++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                integer = false;
                k++;
            } else {
                break;
            }
        }
        if (k == start) {
            throw error("unexpected character '" + s[start] + "'");
        }
        i = k;
        String text = new String(s, start, k - start);
        try {
            return integer ? (Object) Long.parseLong(text) : new BigDecimal(text);
        } catch (NumberFormatException e) {
            i = start;
            throw error("bad number " + text);
        }
    }
}
