package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads YAML or JSON into plain maps, lists and scalars with the streaming parser only: no ObjectMapper, no
 * reflection, which keeps the cold-start load small. Scalars become String, Long, BigDecimal, Boolean or null
 * (YAML dates stay strings). Duplicate keys are an error (they would silently hide an effective date).
 */
public final class Tree {
    /** Build-time bundle of all catalogue YAML as JSON (see {@link CatalogueBundler}). */
    public static final String BUNDLE = "regulation/catalogue.bundle.json";
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
                b = in == null ? Map.of() : (Map<String, Object>) JacksonTree.parse(in, BUNDLE, true);
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

    /** YAML or JSON through Jackson's streaming parser (override files, YAML without a bundle). */
    public static Object parse(InputStream in, String source, boolean json) {
        return JacksonTree.parse(in, source, json);
    }
}
