package dev.destek.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a CloudFormation / SAM template written in YAML. The short-form intrinsic tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) become their long form, a one-entry map
 * such as {@code {"Ref": "X"}} or {@code {"Fn::GetAtt": ["X", "Arn"]}}, exactly as CloudFormation reads them.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() { }

    static Map<String, Object> load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static Map<String, Object> parse(String yaml) {
        return parse(new StringReader(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new IntrinsicConstructor(options)).load(reader);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("a template is a mapping at the top level");
        }
        return (Map<String, Object>) document;
    }

    /** The long-form key for a short-form tag: {@code !Ref} is {@code Ref}, {@code !Sub} is {@code Fn::Sub}. */
    static String longForm(String tag) {
        String name = tag.substring(1);
        return "Ref".equals(name) || "Condition".equals(name) ? name : "Fn::" + name;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        private final Construct intrinsic = new Intrinsic();

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
        }

        @Override
        protected Construct getConstructor(Node node) {
            String tag = node.getTag().getValue();
            if (tag.startsWith("!") && !yamlConstructors.containsKey(node.getTag())) {
                return intrinsic;
            }
            return super.getConstructor(node);
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String key = longForm(node.getTag().getValue());
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = "Fn::GetAtt".equals(key) ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(key, value);
                return function;
            }
        }

        private static List<Object> splitGetAtt(String text) {
            int dot = text.indexOf('.');
            List<Object> parts = new ArrayList<>();
            if (dot < 0) {
                parts.add(text);
            } else {
                parts.add(text.substring(0, dot));
                parts.add(text.substring(dot + 1));
            }
            return parts;
        }
    }
}
