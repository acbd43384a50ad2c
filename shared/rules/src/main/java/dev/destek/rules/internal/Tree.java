package dev.destek.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.destek.rules.RulesConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON into plain maps, lists and scalars with the streaming parser only: no ObjectMapper, no
 * reflection, which keeps the cold-start load small. Scalars become String, Long, BigDecimal, Boolean or null
 * (YAML dates stay strings). Duplicate keys are an error (they would silently hide an effective date).
 */
public final class Tree {
    /** Build-time bundle of all catalogue YAML as JSON (see {@link CatalogueBundler}). */
    public static final String BUNDLE = "regulation/catalogue.bundle.json";
    private static final JsonFactory JSON = new JsonFactory();
    private static volatile Map<String, Object> bundle;

    private Tree() {
    }

    /** A classpath resource: from the build-time JSON bundle when present, else parsed from YAML. */
    public static Node resource(String name) {
        Map<String, Object> b = bundle();
        if (b != null && b.containsKey(name)) {
            return new Node(b.get(name), "", name);
        }
        return yamlResource(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bundle() {
        Map<String, Object> b = bundle;
        if (b == null) {
            try (InputStream in = Tree.class.getClassLoader().getResourceAsStream(BUNDLE)) {
                b = in == null ? Map.of() : (Map<String, Object>) parse(in, BUNDLE, true);
            } catch (IOException e) {
                throw new RulesConfigException(BUNDLE, "cannot read: " + e.getMessage(), e);
            }
            bundle = b;
        }
        return b;
    }

    /** Parses a classpath YAML resource. */
    public static Node yamlResource(String name) {
        try (InputStream in = Tree.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new RulesConfigException(name, "resource not found on the classpath");
            }
            return new Node(parse(in, name, false), "", name);
        } catch (IOException e) {
            throw new RulesConfigException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    public static Object parse(InputStream in, String source, boolean json) {
        try (JsonParser p = (json ? JSON : Yaml.FACTORY).createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Object value = value(p, t, source, "");
            return value;
        } catch (IOException e) {
            throw new RulesConfigException(source, "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Holder: SnakeYAML is only initialised when YAML is actually read. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private static Object value(JsonParser p, JsonToken t, String source, String path) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    Object v = value(p, p.nextToken(), source, child);
                    if (map.containsKey(key)) {
                        throw new RulesConfigException(child, "duplicate key in " + source);
                    }
                    map.put(key, v);
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, source, path + "[" + list.size() + "]"));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new RulesConfigException(path, "unsupported YAML construct " + t + " in " + source);
        }
    }
}
