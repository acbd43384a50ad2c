package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Art. 33(1),(3): +10 points when all activity countries are in EK-1, +10 when the beneficiary's HQ province
 * is in EK-2, cumulative (DOMAIN A-27(a)), capped at maxRate. Defaults: base 50 %, EK-1 = XA..XO,
 * EK-2 = PROV_A..PROV_C (placeholders, config/defaults.yaml).
 */
class Art33_1BonusTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Art. 33(1): no listed country, no listed province: base rate only",
                        "ADVERTISING", "BENEFICIARY", List.of("DE"), "PROV_Z", "50.00", "5000.00"),
                Arguments.of("Art. 33(1): EK-1 country: +10 points", "ADVERTISING", "BENEFICIARY",
                        List.of("XA"), "PROV_Z", "60.00", "6000.00"),
                Arguments.of("Art. 33(3): several countries, all in EK-1: +10 points", "ADVERTISING",
                        "BENEFICIARY", List.of("XA", "XB", "XO"), null, "60.00", "6000.00"),
                Arguments.of("Art. 33(3): several countries, one not in EK-1: no bonus", "ADVERTISING",
                        "BENEFICIARY", List.of("XA", "DE"), null, "50.00", "5000.00"),
                Arguments.of("Art. 33(1): EK-2 province: +10 points", "ADVERTISING", "BENEFICIARY",
                        List.of("DE"), "PROV_A", "60.00", "6000.00"),
                Arguments.of("Art. 33(1): EK-1 and EK-2 add up (A-27(a)): +20 points", "ADVERTISING",
                        "BENEFICIARY", List.of("XA"), "PROV_A", "70.00", "7000.00"),
                Arguments.of("Art. 33(1): product registration in EK-1 country, EK-2 province: +20",
                        "PRODUCT_REGISTRATION", "BENEFICIARY", List.of("XC"), "PROV_B", "70.00", "7000.00"),
                Arguments.of("Art. 33(1): brand registration in EK-1 country: +10",
                        "BRAND_REGISTRATION_PROTECTION", "BENEFICIARY", List.of("XC"), null, "60.00", "6000.00"),
                Arguments.of("Art. 33(1): foreign unit in EK-1 country, EK-2 province: +20", "FOREIGN_OFFICE",
                        "BENEFICIARY", List.of("XD"), "PROV_C", "70.00", "7000.00"),
                Arguments.of("Art. 33(1): certification is not an Art. 33 item: no bonus", "CERTIFICATION",
                        "BENEFICIARY", List.of("XA"), "PROV_A", "50.00", "5000.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rate_table_shouldAddArticle33Points(String name, String item, String role, List<String> countries,
                                             String province, String ratePercent, String support) {
        // GIVEN 10,000.00 USD paid 2025-02-01, filed in time
        String kind = Map.of("ADVERTISING", "ADVERTISING", "PRODUCT_REGISTRATION", "REGISTRATION",
                "BRAND_REGISTRATION_PROTECTION", "REGISTRATION", "FOREIGN_OFFICE", "RENT",
                "CERTIFICATION", "AUDIT").get(item);
        QuoteRequest.Expense e = new QuoteRequest.Expense("E1", kind, new BigDecimal("10000.00"), "USD",
                LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-01"));
        QuoteRequest request = Requests.of(item, new QuoteRequest.Applicant(role, "IT_COMPANY", "IT", province),
                new QuoteRequest.Activity(countries, null, null, null), "2025-03-01", e);

        // WHEN
        Quote quote = DEFAULTS.quote(request);

        // THEN
        Quote.Line line = quote.lines().get(0);
        assertThat(line.rejections()).isEmpty();
        assertThat(line.ratePercent()).isEqualByComparingTo(ratePercent);
        assertThat(line.support()).isEqualByComparingTo(support);
        assertThat(quote.totalSupport()).isEqualTo(new Quote.Money(new BigDecimal(support).setScale(2), "USD"));
    }

    @Test
    void provinceBonus_cooperationOrganisation_shouldNotGetEk2Points() {
        // GIVEN A-27(c): the EK-2 bonus is for "beneficiaries" (yararlanıcılar); a coop org is not one.
        // The role is also not eligible for Art. 8 (29(1) is a separate item), so the line is zeroed anyway,
        // but the trace must show no EK-2 points.
        QuoteRequest request = Requests.of("ADVERTISING",
                new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "IT", "PROV_A"),
                Requests.activity("DE"), "2025-03-01", Requests.usd("E1", "100.00", "2025-02-01"));
        Quote.Line line = DEFAULTS.quote(request).lines().get(0);
        assertThat(line.ratePercent()).isEqualByComparingTo("50.00");
        assertThat(line.trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("art33.province-bonus");
            assertThat(s.article()).isEqualTo("Art. 33(1)");
            assertThat(s.output()).isEqualTo("+0");
        });
    }

    @Test
    void rate_aboveConfiguredMaxRate_shouldBeCappedAtMaxRate(@TempDir Path dir) {
        // GIVEN base 0.60 and maxRate 0.75
        Rules rules = Requests.withConfig(dir, "c.yaml", String.join("\n",
                "baseRates:",
                "  ADVERTISING: [{from: 2015-06-02, value: 0.60}]",
                "maxRate: [{from: 2015-06-02, value: 0.75}]", ""));
        // WHEN both bonuses apply (0.60 + 0.20 = 0.80)
        Quote.Line line = rules.quote(Requests.example()).lines().get(0);
        // THEN
        assertThat(line.ratePercent()).isEqualByComparingTo("75.00");
        assertThat(line.support()).isEqualByComparingTo("7500.00");
        assertThat(line.trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("rate.max");
            assertThat(s.inputs()).containsEntry("rate", "0.80").containsEntry("maxRate", "0.75");
            assertThat(s.inputs().get("source")).startsWith("DESTEK_RULES_CONFIG");
        });
    }

    @Test
    void ek1List_changedByConfigOnADate_shouldApplyTheListInForceOnTheExpenseDate(@TempDir Path dir) {
        // GIVEN A-27(d): DE joins EK-1 on 2025-01-01
        Rules rules = Requests.withConfig(dir, "c.yaml", String.join("\n",
                "ek1Countries:",
                "  - {from: 2015-06-02, to: 2024-12-31, value: [XA]}",
                "  - {from: 2025-01-01, value: [XA, DE]}", ""));
        QuoteRequest.Activity de = Requests.activity("DE");
        QuoteRequest dayBefore = Requests.of("ADVERTISING", Requests.beneficiary("IT", null), de, "2025-03-01",
                Requests.usd("E1", "100.00", "2024-12-31"));
        QuoteRequest onTheDay = Requests.of("ADVERTISING", Requests.beneficiary("IT", null), de, "2025-03-01",
                Requests.usd("E1", "100.00", "2025-01-01"));
        // THEN
        assertThat(rules.quote(dayBefore).lines().get(0).ratePercent()).isEqualByComparingTo("50.00");
        assertThat(rules.quote(onTheDay).lines().get(0).ratePercent()).isEqualByComparingTo("60.00");
    }

    @Test
    void example_fromTheIssue_shouldTraceEveryStepWithItsArticle() {
        // WHEN
        Quote quote = DEFAULTS.quote(Requests.example());
        // THEN
        Quote.Line line = quote.lines().get(0);
        assertThat(line.support()).isEqualByComparingTo("7000.00");
        assertThat(line.trace()).extracting(Quote.TraceStep::ruleId).containsExactly(
                "support-item.in-force", "art34.filing-period", "currency", "rate.base",
                "art33.target-country-bonus", "art33.province-bonus", "rate.max", "eligible-base", "support");
        assertThat(line.trace()).allSatisfy(s -> assertThat(s.article()).isNotBlank());
        assertThat(line.trace().get(3).inputs().get("source")).startsWith("default");
    }

    private static final class Map {
        static java.util.Map<String, String> of(String... kv) {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put(kv[i], kv[i + 1]);
            }
            return m;
        }
    }
}
