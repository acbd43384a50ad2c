package dev.destek.rules.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build step (process-classes): parses every YAML file reachable from {@code regulation/index.yaml} plus
 * {@code config/defaults.yaml} and writes them, as trees keyed by resource name, to {@value Tree#BUNDLE} in the
 * binary form {@link Tree#readBundle} decodes (a string table, then each file's tagged values). At runtime {@link Tree#resource}
 * reads only that, which keeps SnakeYAML and jackson-core off the cold-start path. The YAML files stay the source of
 * truth; without the bundle they are read directly, and {@code CatalogueBundleTest} checks the two agree.
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
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : names) {
            all.put(name, Tree.yamlResource(name).raw());
        }
        Map<String, Integer> strings = new LinkedHashMap<>();
        intern(all, strings);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(classes.resolve(Tree.BUNDLE))))) {
            out.writeInt(Tree.MAGIC);
            out.writeInt(Tree.FORMAT);
            writeCount(out, strings.size());
            for (String s : strings.keySet()) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                boolean ascii = utf8.length == s.length();
                writeCount(out, utf8.length << 1 | (ascii ? 0 : 1));
                out.write(utf8);
            }
            writeCount(out, all.size());
            for (Map.Entry<String, Object> e : all.entrySet()) {
                writeCount(out, strings.get(e.getKey()));
                java.io.ByteArrayOutputStream tree = new java.io.ByteArrayOutputStream();
                try (DataOutputStream t = new DataOutputStream(tree)) {
                    write(t, e.getValue(), strings);
                }
                out.writeInt(tree.size()); // lets the reader skip a resource until it is asked for
                tree.writeTo(out);
            }
        }
        // validate what was bundled, so a broken catalogue fails the build here: all of it, with the shipped
        // configuration, since Rules.load leaves to first use what a deployment's configuration cannot change
        Catalogue catalogue = Catalogue.load();
        catalogue.parseAll();
        ProgrammeCatalogue.checkChangeTargets(catalogue, ProgrammeCatalogue.readings());
        DeploymentConfig config = DeploymentConfig.load(Map.of(), catalogue);
        ProgrammeConfig deck = ProgrammeConfig.load(config, ProgrammeCatalogue.load());
        new TimeRules(catalogue, config, deck.interpretations);
        DocumentRulesData.load(catalogue);
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

    /** The string table: each key and string value once, in first-seen order. */
    private static void intern(Object v, Map<String, Integer> strings) {
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                strings.putIfAbsent((String) e.getKey(), strings.size());
                intern(e.getValue(), strings);
            }
        } else if (v instanceof List) {
            for (Object o : (List<?>) v) {
                intern(o, strings);
            }
        } else if (v instanceof String) {
            strings.putIfAbsent((String) v, strings.size());
        } else if (v instanceof BigDecimal && !fitsLong((BigDecimal) v)) {
            strings.putIfAbsent(((BigDecimal) v).toPlainString(), strings.size());
        }
    }

    private static boolean fitsLong(BigDecimal d) {
        return d.unscaledValue().bitLength() < 64;
    }

    /** A count or index: 7 bits a byte, low bits first, high bit set on all but the last byte. */
    private static void writeCount(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7f) != 0) {
            out.writeByte(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static void write(DataOutputStream out, Object v, Map<String, Integer> strings) throws IOException {
        if (v == null) {
            out.writeByte(Tree.NULL);
        } else if (v instanceof Map) {
            out.writeByte(Tree.MAP);
            writeCount(out, ((Map<?, ?>) v).size());
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                writeCount(out, strings.get((String) e.getKey()));
                write(out, e.getValue(), strings);
            }
        } else if (v instanceof List) {
            out.writeByte(Tree.LIST);
            writeCount(out, ((List<?>) v).size());
            for (Object o : (List<?>) v) {
                write(out, o, strings);
            }
        } else if (v instanceof String) {
            out.writeByte(Tree.STRING);
            writeCount(out, strings.get((String) v));
        } else if (v instanceof Long) {
            out.writeByte(Tree.LONG);
            out.writeLong((Long) v);
        } else if (v instanceof BigDecimal && fitsLong((BigDecimal) v)) {
            out.writeByte(Tree.DECIMAL); // keeps the exact scale, e.g. 0.50
            out.writeLong(((BigDecimal) v).unscaledValue().longValueExact());
            out.writeInt(((BigDecimal) v).scale());
        } else if (v instanceof BigDecimal) {
            out.writeByte(Tree.BIG_DECIMAL);
            writeCount(out, strings.get(((BigDecimal) v).toPlainString()));
        } else if (v instanceof Boolean) {
            out.writeByte((Boolean) v ? Tree.TRUE : Tree.FALSE);
        } else {
            throw new IllegalStateException("unexpected value " + v.getClass());
        }
    }
}
