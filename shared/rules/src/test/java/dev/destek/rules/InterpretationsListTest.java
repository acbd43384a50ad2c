package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/interpretations.yaml lists every DOMAIN §11 interpretation (A-01 … A-56) with the reading applied. A switch it
 * names must exist in the configuration defaults, and every interpretation switch in the defaults must be listed.
 * An entry names one switch, or a list of them when it holds several independent points.
 */
class InterpretationsListTest {
    private static final Path LIST = Path.of("..", "..", "docs", "interpretations.yaml");
    private static final Path DEFAULTS = Path.of("src", "main", "resources", "config", "defaults.yaml");
    private static final Path SWITCHES = Path.of("src", "main", "resources", "regulation", "interpretations.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyInterpretation_isListedOnce_withAReadingAndAKnownStatus() throws IOException {
        JsonNode list = YAML.readTree(LIST.toFile()).get("interpretations");
        List<String> ids = new ArrayList<>();
        for (JsonNode i : list) {
            ids.add(i.get("id").asText());
            assertThat(i.get("reading").asText()).as(i.get("id").asText()).isNotBlank();
            assertThat(i.get("status").asText()).isIn("SWITCH", "SUGGESTED_READING", "DIGEST_READING", "NOT_MODELLED");
            if (i.get("switchRequested").asBoolean()) {
                assertThat(i.get("status").asText()).as(i.get("id").asText() + " asks for a switch")
                        .isNotEqualTo("DIGEST_READING");
            }
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 56; n++) {
            expected.add(String.format("A-%02d", n));
        }
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    /**
     * A switch is either {@code interpretations.<ID>} of a switchable interpretation (regulation/interpretations.yaml)
     * or a configuration key of the defaults; every circular switch (ids A<nn>_…) is listed.
     */
    @Test
    void everySwitch_namesAConfigurationKey_andEveryCircularSwitchIsListed() throws IOException {
        JsonNode defaults = YAML.readTree(DEFAULTS.toFile());
        JsonNode versions = YAML.readTree(SWITCHES.toFile()).get("values");
        JsonNode latest = null;
        for (JsonNode v : versions) {
            latest = v.get("value");
        }
        List<String> listed = new ArrayList<>();
        for (JsonNode i : YAML.readTree(LIST.toFile()).get("interpretations")) {
            if (i.get("status").asText().equals("SWITCH")) {
                // one key, or a list when an entry has several independent points (A-27 (b) and (c))
                List<String> keys = new ArrayList<>();
                if (i.get("switch").isArray()) {
                    i.get("switch").forEach(k -> keys.add(k.asText()));
                } else {
                    keys.add(i.get("switch").asText());
                }
                assertThat(keys).as(i.get("id").asText() + " names a switch").isNotEmpty();
                for (String key : keys) {
                    listed.add(key);
                    boolean known = key.startsWith("interpretations.")
                            ? latest.has(key.substring("interpretations.".length()))
                            : !defaults.at("/" + key.replace('.', '/')).isMissingNode();
                    assertThat(known).as(i.get("id").asText() + " names " + key).isTrue();
                }
            }
        }
        latest.fieldNames().forEachRemaining(id -> {
            if (id.matches("A\\d\\d_.*")) {
                assertThat(listed).as(id + " is listed").contains("interpretations." + id);
            }
        });
        assertThat(Set.copyOf(listed)).hasSameSizeAs(listed);
    }

    /**
     * The circular's switches (ids A<nn>_…) read the same in every dated set: a later set only adds the deck's, so a
     * switch edited in one set and not the other would change a reading by date without anyone deciding it.
     */
    @Test
    void circularSwitches_areTheSameInEveryDatedSet() throws IOException {
        JsonNode versions = YAML.readTree(SWITCHES.toFile()).get("values");
        List<JsonNode> sets = new ArrayList<>();
        versions.forEach(v -> sets.add(v.get("value")));
        JsonNode latest = sets.get(sets.size() - 1);
        for (JsonNode set : sets) {
            List<String> ids = new ArrayList<>();
            set.fieldNames().forEachRemaining(ids::add);
            List<String> latestIds = new ArrayList<>();
            latest.fieldNames().forEachRemaining(latestIds::add);
            assertThat(ids.stream().filter(id -> id.matches("A\\d\\d_.*")))
                    .containsExactlyElementsOf(latestIds.stream().filter(id -> id.matches("A\\d\\d_.*")).toList());
            ids.stream().filter(id -> id.matches("A\\d\\d_.*"))
                    .forEach(id -> assertThat(set.get(id)).as(id).isEqualTo(latest.get(id)));
        }
    }
}
