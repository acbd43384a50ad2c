package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reminders are written in the company's language and quote the time rule's description and consequence, so every
 * rule T01–T59 carries both in Turkish, and a Turkish text is Turkish.
 */
class TimeRuleTextsTest {
    private static final Path TIME_RULES = Path.of("src", "main", "resources", "regulation", "deadlines",
            "time_rules.yaml");
    /** Words of the English texts that have no place in a Turkish one. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(claim|within|before|after|not supported|"
            + "payment|approval|months?|days?|years?|supported|the|of)\\b");

    @Test
    void everyTimeRule_shouldCarryTurkishDescriptionAndConsequence() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(TIME_RULES.toFile()).get("rules");
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            for (JsonNode version : rule.getValue().get("values")) {
                JsonNode v = version.get("value");
                for (String field : new String[] {"description", "consequence"}) {
                    String tr = v.path(field + "Tr").asText("");
                    assertThat(tr).as(rule.getKey() + " " + field + "Tr").isNotBlank()
                            .isNotEqualTo(v.get(field).asText()).doesNotContainPattern(ENGLISH);
                }
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(59);
    }

    @Test
    void t42_deadline_shouldCarryItsTurkishTexts() {
        Deadline t42 = Requests.DEFAULTS.deadlines(Requests.example(), LocalDate.parse("2025-03-01")).stream()
                .filter(d -> d.ruleId().equals("T42")).findFirst().orElseThrow();

        assertThat(t42.descriptionTr()).startsWith("Başvuru ödeme tarihinden itibaren 1 yıl içinde yapılmalı");
        assertThat(t42.consequenceTr()).isEqualTo("Süresinde sunulmayan ödeme belgeleri dikkate alınmaz (34(5))");
    }
}
