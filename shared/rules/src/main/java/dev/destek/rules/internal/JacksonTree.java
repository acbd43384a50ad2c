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
 * Resources and override files through Jackson's streaming parser (never databind: the bundle is plain maps,
 * lists and scalars). The functions load jackson-core for their events anyway, so reading the bundle with it
 * adds no classes there.
 */
final class JacksonTree {
    private JacksonTree() {
    }

    static Object parse(InputStream in, String source, boolean json) {
        try (JsonParser p = (json ? Json.FACTORY : Yaml.FACTORY).createParser(in)) {
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

    /** Holder, so that the YAML factory below is created only when YAML is read. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
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
