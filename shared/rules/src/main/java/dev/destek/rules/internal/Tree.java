package dev.destek.rules.internal;

import dev.destek.rules.RulesConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads YAML or JSON into plain maps, lists and scalars with the streaming parser only: no ObjectMapper, no
 * reflection, which keeps the cold-start load small. Scalars become String, Long, BigDecimal, Boolean or null
 * (YAML dates stay strings). Duplicate keys are an error (they would silently hide an effective date).
 *
 * <p>At cold start the catalogue comes from {@value #BUNDLE}, the same trees in a small tagged binary form written
 * by {@link CatalogueBundler} at build time and decoded here from one byte array: no parser, no Jackson classes
 * (loading and initialising jackson-core was ~80 of the ~180 ms of a first {@code Rules.load} in a fresh JVM, and
 * tokenising the 100 kB of JSON another ~40).
 */
public final class Tree {
    /** Build-time bundle of all catalogue YAML (see {@link CatalogueBundler}); format: {@link #readBundle}. */
    public static final String BUNDLE = "regulation/catalogue.bundle.bin";
    static final int MAGIC = 0x44535442; // "DSTB"
    static final int FORMAT = 3;
    static final int NULL = 0;
    static final int STRING = 1;
    static final int LONG = 2;
    /** A decimal whose unscaled value fits a long: unscaled, scale (no text to parse). */
    static final int DECIMAL = 3;
    /** Any other decimal, as its plain text. */
    static final int BIG_DECIMAL = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int MAP = 7;
    static final int LIST = 8;
    private static volatile Reader bundle;
    private static final Reader NO_BUNDLE = new Reader(new byte[0]);

    private Tree() {
    }

    /** A classpath resource: from the build-time bundle when present, else parsed from YAML. */
    public static Node resource(String name) {
        Reader b = bundle();
        Object tree = b.resource(name);
        if (tree != Reader.ABSENT) {
            return new Node(tree, "", name);
        }
        return yamlResource(name);
    }

    private static Reader bundle() {
        Reader b = bundle;
        if (b == null) {
            try {
                byte[] bytes = bundleBytes();
                b = bytes == null ? NO_BUNDLE : Reader.open(bytes);
            } catch (IOException e) {
                throw new RulesConfigException(BUNDLE, "cannot read: " + e.getMessage(), e);
            }
            bundle = b;
        }
        return b;
    }

    /**
     * The bundle beside this class (same directory tree or jar, where the build puts it), else through the class
     * loader. Not the class loader first: a resource lookup asks the JDK's modules before the class path, ~5 ms of
     * interpreted image-index hashing in a fresh JVM.
     */
    private static byte[] bundleBytes() throws IOException {
        java.security.CodeSource source = Tree.class.getProtectionDomain().getCodeSource();
        java.net.URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol())) {
            try {
                java.io.File root = new java.io.File(location.toURI());
                if (root.isDirectory()) {
                    java.io.File file = new java.io.File(root, BUNDLE);
                    if (file.isFile()) {
                        try (InputStream in = new java.io.FileInputStream(file)) {
                            return in.readAllBytes();
                        }
                    }
                } else if (root.isFile()) {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root)) {
                        java.util.zip.ZipEntry entry = jar.getEntry(BUNDLE);
                        if (entry != null) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                return in.readAllBytes();
                            }
                        }
                    }
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // an unusual location: the class loader below finds it
            }
        }
        try (InputStream in = Tree.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * Decodes a whole bundle: {@code int MAGIC, int FORMAT, count n, n × (count length << 1 | notAscii, UTF-8 bytes)}
     * (the string table: every key and string value once), then {@code count r, r × (count name index, int length,
     * value)}: each resource's tree and its length in bytes. A value is a tag byte and its payload: STRING index, LONG
     * long, DECIMAL long unscaled + int scale, BIG_DECIMAL string index, MAP count + count × (key index, value), LIST
     * count + values. Counts and indexes are 7 bits a byte (most fit one).
     */
    public static Map<String, Object> readBundle(InputStream in) throws IOException {
        Reader r = Reader.open(in.readAllBytes());
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        for (String name : r.offsets.keySet()) {
            all.put(name, r.resource(name));
        }
        return all;
    }

    /**
     * Cursor over the bundle bytes (big-endian, as DataOutputStream writes them). Opening indexes the string table and
     * the resources without decoding either: at cold start this code runs interpreted, so a string is built when a
     * tree that holds it is first decoded, and a resource (one YAML file) when it is first asked for.
     */
    private static final class Reader {
        static final Object ABSENT = new Object();
        private final byte[] b;
        private int at;
        /** Where each string's header starts; its String once decoded. */
        private int[] stringAt;
        private String[] strings;
        private final Map<String, Integer> offsets = new java.util.LinkedHashMap<>();
        private final Map<String, Object> decoded = new java.util.concurrent.ConcurrentHashMap<>();

        Reader(byte[] bytes) {
            this.b = bytes;
        }

        static Reader open(byte[] bytes) {
            Reader r = new Reader(bytes);
            if (r.readInt() != MAGIC || r.readInt() != FORMAT) {
                throw new RulesConfigException(BUNDLE, "not a catalogue bundle of format " + FORMAT
                        + ": rebuild the module");
            }
            int n = r.readCount();
            r.stringAt = new int[n];
            r.strings = new String[n];
            for (int i = 0; i < n; i++) {
                r.stringAt[i] = r.at;
                int header = r.readCount();
                r.at += header >>> 1;
            }
            int resources = r.readCount();
            for (int i = 0; i < resources; i++) {
                String name = r.string(r.readCount());
                int length = r.readInt();
                r.offsets.put(name, r.at);
                r.at += length;
            }
            return r;
        }

        /** The resource's tree, decoded on first use; {@link #ABSENT} when the bundle does not hold it. */
        Object resource(String name) {
            Object tree = decoded.get(name);
            if (tree != null) {
                return tree;
            }
            Integer offset = offsets.get(name);
            if (offset == null) {
                return ABSENT;
            }
            synchronized (this) {
                tree = decoded.get(name);
                if (tree == null) {
                    at = offset;
                    tree = readValue();
                    decoded.put(name, tree);
                }
            }
            return tree;
        }

        int readInt() {
            int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        long readLong() {
            return (long) readInt() << 32 | (readInt() & 0xffffffffL);
        }

        int readCount() {
            int v = 0;
            int shift = 0;
            int x;
            do {
                x = b[at++];
                v |= (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            return v;
        }

        /** ASCII strings are copied rather than decoded. */
        String string(int index) {
            String s = strings[index];
            if (s == null) {
                int resume = at;
                at = stringAt[index];
                int n = readCount();
                int length = n >>> 1;
                s = new String(b, at, length, (n & 1) == 0 ? java.nio.charset.StandardCharsets.ISO_8859_1
                        : java.nio.charset.StandardCharsets.UTF_8);
                strings[index] = s;
                at = resume;
            }
            return s;
        }

        Object readValue() {
            int tag = b[at++];
            switch (tag) {
                case NULL: return null;
                case STRING: return string(readCount());
                case LONG: return readLong();
                case DECIMAL: {
                    long unscaled = readLong();
                    return java.math.BigDecimal.valueOf(unscaled, readInt());
                }
                case BIG_DECIMAL: return new java.math.BigDecimal(string(readCount()));
                case TRUE: return Boolean.TRUE;
                case FALSE: return Boolean.FALSE;
                case MAP: {
                    int n = readCount();
                    Map<String, Object> m = new java.util.LinkedHashMap<>(n * 4 / 3 + 1);
                    for (int i = 0; i < n; i++) {
                        String key = string(readCount());
                        m.put(key, readValue());
                    }
                    return m;
                }
                case LIST: {
                    int n = readCount();
                    java.util.List<Object> l = new java.util.ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add(readValue());
                    }
                    return l;
                }
                default:
                    throw new RulesConfigException(BUNDLE, "corrupt bundle: tag " + tag + " at byte " + (at - 1));
            }
        }
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
