package dev.destek.rules.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build step (process-classes): parses every YAML file reachable from {@code regulation/index.yaml} plus
 * {@code config/defaults.yaml} and writes them, as trees keyed by resource name, to {@value Tree#BUNDLE}. At
 * runtime {@link Tree#resource} reads the bundle with the JSON parser only, which keeps SnakeYAML off the
 * cold-start path. The YAML files stay the source of truth; without the bundle they are read directly.
 */
public final class CatalogueBundler {
    private CatalogueBundler() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Set<String> names = new LinkedHashSet<>();
        names.add(Catalogue.ROOT + "index.yaml");
        names.add(DeploymentConfig.DEFAULTS);
        Node index = Tree.yamlResource(Catalogue.ROOT + "index.yaml");
        collect(index.raw(), names);
        try (JsonGenerator g = new JsonFactory().createGenerator(
                Files.newOutputStream(classes.resolve(Tree.BUNDLE)), JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (String name : names) {
                g.writeFieldName(name);
                write(g, Tree.yamlResource(name).raw());
            }
            g.writeEndObject();
        }
        // validate what was bundled, so a broken catalogue fails the build here
        Catalogue.load();
        System.out.println("[destek-rules] bundled " + names.size() + " regulation files into " + Tree.BUNDLE);
    }

    /** Every string value ending in .yaml in the index names a file under regulation/. */
    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map) {
            for (Object v : ((Map<?, ?>) node).values()) {
                collect(v, names);
            }
        } else if (node instanceof List) {
            for (Object v : (List<?>) node) {
                collect(v, names);
            }
        } else if (node instanceof String && ((String) node).endsWith(".yaml")) {
            names.add(Catalogue.ROOT + node);
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) v) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber(((BigDecimal) v).toPlainString()); // keeps the exact decimal text, e.g. 0.50
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else {
            throw new IllegalStateException("unexpected value " + v.getClass());
        }
    }
}
