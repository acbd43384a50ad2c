package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deployment configuration (DOMAIN Appendix A): validated at load; errors name the key and the reason. */
class RulesConfigTest {
    @TempDir
    Path dir;

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("missing key: a period without its start date",
                        "maxRate: [{value: 1.0}]", "maxRate[0].from", "missing key"),
                Arguments.of("missing key: a required entry removed with null",
                        "maxRate: null", "maxRate", "missing key"),
                Arguments.of("wrong type: a scalar where a list of periods is expected",
                        "maxRate: 0.9", "maxRate", "expected a list of {from, to, value} periods"),
                Arguments.of("wrong type: a word where a rate is expected",
                        "baseRates: {ADVERTISING: [{from: 2015-06-02, value: half}]}",
                        "baseRates.ADVERTISING[0].value", "expected a number"),
                Arguments.of("wrong type: a malformed date",
                        "maxRate: [{from: 2015-13-01, value: 1.0}]", "maxRate[0].from", "expected an ISO date"),
                Arguments.of("wrong type: a number where a boolean is expected",
                        "deadlines: {extendToNextBusinessDay: 1}", "deadlines.extendToNextBusinessDay",
                        "expected true or false"),
                Arguments.of("rate outside 0..1: a percentage written as 50",
                        "baseRates: {ADVERTISING: [{from: 2015-06-02, value: 50}]}",
                        "baseRates.ADVERTISING[0].value", "rate outside 0..1"),
                Arguments.of("rate outside 0..1: negative maxRate",
                        "maxRate: [{from: 2015-06-02, value: -0.1}]", "maxRate[0].value", "rate outside 0..1"),
                Arguments.of("rate with more than 4 decimals",
                        "maxRate: [{from: 2015-06-02, value: 0.123456}]", "maxRate[0].value", "more than 4 decimals"),
                Arguments.of("overlapping effective dates: open period followed by another",
                        "maxRate: [{from: 2015-06-02, value: 1.0}, {from: 2020-01-01, value: 0.9}]",
                        "maxRate[1]", "overlapping effective dates"),
                Arguments.of("overlapping effective dates: shared boundary day",
                        "ek2Provinces: [{from: 2015-06-02, to: 2020-01-01, value: [P1]},"
                                + " {from: 2020-01-01, value: [P2]}]", "ek2Provinces[1]", "overlapping effective dates"),
                Arguments.of("period ending before it starts",
                        "maxRate: [{from: 2020-01-01, to: 2019-12-31, value: 1.0}]", "maxRate[0].to",
                        "ends before it starts"),
                Arguments.of("unknown support item in baseRates",
                        "baseRates: {ADVERTISNG: [{from: 2015-06-02, value: 0.5}]}", "baseRates.ADVERTISNG",
                        "unknown support item"),
                Arguments.of("unknown top-level key (typo)", "maxrate: [{from: 2015-06-02, value: 1.0}]",
                        "maxrate", "unknown key"),
                Arguments.of("unknown document type in size limits",
                        "documentLimits: {maxSizeBytes: {INVOISE: 100}}", "documentLimits.maxSizeBytes.INVOISE",
                        "unknown document type"),
                Arguments.of("size limit not positive", "documentLimits: {defaultMaxSizeBytes: 0}",
                        "documentLimits.defaultMaxSizeBytes", "must be a positive number"),
                Arguments.of("EK-1 country not an ISO alpha-2 code",
                        "ek1Countries: [{from: 2015-06-02, value: [Germany]}]", "ek1Countries[0].value[0]",
                        "ISO 3166-1 alpha-2"),
                Arguments.of("duplicate key in the file", "maxRate: [{from: 2015-06-02, value: 1.0}]\n"
                        + "maxRate: [{from: 2015-06-02, value: 0.9}]", "maxRate", "duplicate key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void load_invalidOverride_shouldThrowNamingKeyAndReason(String name, String yaml, String key, String reason) {
        assertThatThrownBy(() -> Requests.withConfig(dir, "c.yaml", yaml + "\n"))
                .isInstanceOf(RulesConfigException.class)
                .satisfies(t -> {
                    RulesConfigException e = (RulesConfigException) t;
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(key + ": ");
                });
    }

    @Test
    void load_fileNotFound_shouldNameTheEnvironmentVariable() {
        assertThatThrownBy(() -> Rules.load(Map.of("DESTEK_RULES_CONFIG", dir.resolve("absent.yaml").toString())))
                .isInstanceOf(RulesConfigException.class)
                .hasMessageStartingWith("DESTEK_RULES_CONFIG: file not found");
    }

    @Test
    void load_invalidYaml_shouldNameTheFile() {
        assertThatThrownBy(() -> Requests.withConfig(dir, "bad.yaml", "maxRate: [unclosed\n"))
                .isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void load_jsonOverride_shouldBeMergedOverDefaults() {
        // GIVEN a JSON file that only changes the ADVERTISING base rate
        Rules rules = Requests.withConfig(dir, "c.json",
                "{\"baseRates\": {\"ADVERTISING\": [{\"from\": \"2015-06-02\", \"value\": 0.4}]}}");
        // THEN the other defaults stay (EK-1 XA, EK-2 PROV_A: +20) and the trace names the file
        Quote.Line line = rules.quote(Requests.example()).lines().get(0);
        assertThat(line.ratePercent()).isEqualByComparingTo("60.00");
        assertThat(rules.configurationSource()).endsWith("c.json");
        assertThat(rules.documentType("INVOICE").orElseThrow().maxSizeBytes()).isEqualTo(20L * 1024 * 1024);
    }

    @Test
    void load_noOverride_shouldUseMarkedEmbeddedDefaults() {
        Rules rules = Rules.load(Map.of("DESTEK_RULES_CONFIG", "  "));
        assertThat(rules.configurationSource()).isEqualTo("embedded-defaults");
        assertThat(rules.version()).isEqualTo("2015-8.circular/0.2.0");
    }

    @Test
    void baseRate_changedByConfig_shouldApplyFromItsEffectiveDate() {
        // GIVEN 50 % until 2024-12-31, 45 % from 2025-01-01, and no rate after 2025-12-31 (repealed)
        Rules rules = Requests.withConfig(dir, "c.yaml", String.join("\n",
                "baseRates:",
                "  ADVERTISING:",
                "    - {from: 2015-06-02, to: 2024-12-31, value: 0.50}",
                "    - {from: 2025-01-01, to: 2025-12-31, value: 0.45}", ""));
        QuoteRequest.Activity de = Requests.activity("DE");
        QuoteRequest.Applicant a = Requests.beneficiary("IT", null);
        // THEN day before, effective date, day after repeal
        assertThat(rules.quote(Requests.of("ADVERTISING", a, de, "2025-03-01",
                Requests.usd("E1", "100.00", "2024-12-31"))).lines().get(0).support()).isEqualByComparingTo("50.00");
        assertThat(rules.quote(Requests.of("ADVERTISING", a, de, "2025-03-01",
                Requests.usd("E1", "100.00", "2025-01-01"))).lines().get(0).support()).isEqualByComparingTo("45.00");
        Quote.Line afterRepeal = rules.quote(Requests.of("ADVERTISING", a, de, "2026-03-01",
                Requests.usd("E1", "100.00", "2026-01-01"))).lines().get(0);
        assertThat(afterRepeal.support()).isEqualByComparingTo("0.00");
        assertThat(afterRepeal.rejections()).extracting(Quote.Rejection::code).containsExactly("MANUAL_REVIEW");
    }
}
