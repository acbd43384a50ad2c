package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * S0 P§03 (5448: 50-75 %) and P§05 (5447: 50-70 %) print ranges, not rates (DECK_RATE_RANGE): the rate is deployment
 * configuration validated against the printed range at load; a printed rate (P§04, P§06, P§07) is not configuration.
 * Errors name the key and the reason.
 */
class P03_P05_RateRangeConfigTest {
    @TempDir
    Path dir;

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("P§03 DECK_RATE_RANGE: a 5448 default above 75 %",
                        "programmes: {DECREE_5448: {defaultRate: [{from: 2024-11-01, value: 0.80}]}}",
                        "programmes.DECREE_5448.defaultRate[0].value", "outside the range the deck prints"),
                Arguments.of("P§03 DECK_RATE_RANGE: a 5448 item rate below 50 %",
                        "programmes: {DECREE_5448: {rates: {ADVERTISING: [{from: 2024-11-01, value: 0.4999}]}}}",
                        "programmes.DECREE_5448.rates.ADVERTISING[0].value", "0.50..0.75"),
                Arguments.of("P§05 DECK_RATE_RANGE: 75 % is inside 5448's range but outside 5447's 50-70 %",
                        "programmes: {DECREE_5447: {rates: {ADVERTISING: [{from: 2024-11-01, value: 0.75}]}}}",
                        "programmes.DECREE_5447.rates.ADVERTISING[0].value", "0.50..0.70"),
                Arguments.of("P§05 DECK_RATE_RANGE: a later period outside the range, its own key",
                        "programmes: {DECREE_5447: {defaultRate: [{from: 2024-11-01, to: 2025-12-31, value: 0.60},"
                                + " {from: 2026-01-01, value: 0.71}]}}",
                        "programmes.DECREE_5447.defaultRate[1].value", "outside the range"),
                Arguments.of("P§04: the printed 50 % of 2564 is not configuration",
                        "programmes: {DECREE_2564: {rates: {CONSULTANCY: [{from: 2024-11-01, value: 0.60}]}}}",
                        "programmes.DECREE_2564.rates.CONSULTANCY", "the deck prints the rate"),
                Arguments.of("P§06: the printed step-down of 5449 is not configuration",
                        "programmes: {DECREE_5449: {rates: {OPERATING_COSTS: [{from: 2024-11-01, value: 0.60}]}}}",
                        "programmes.DECREE_5449.rates.OPERATING_COSTS", "by support year"),
                Arguments.of("P§07: 2014/10 has no range, so no default rate",
                        "programmes: {DECREE_2014_10: {defaultRate: [{from: 2024-11-01, value: 0.50}]}}",
                        "programmes.DECREE_2014_10.defaultRate", "no item with a printed rate range"),
                Arguments.of("P§06: the deck prints 5449's amounts in TL, its currency is not configuration",
                        "programmes: {DECREE_5449: {currency: EUR}}", "programmes.DECREE_5449.currency",
                        "prints the amounts"),
                Arguments.of("P§03: a programme without printed amounts needs a currency",
                        "programmes: {DECREE_5448: {currency: null}}", "programmes.DECREE_5448.currency",
                        "missing key"),
                Arguments.of("P§03: the currency is an ISO 4217 code", "programmes: {DECREE_5448: {currency: TL}}",
                        "programmes.DECREE_5448.currency", "ISO 4217"),
                Arguments.of("P§03: a rate for an item the deck does not list",
                        "programmes: {DECREE_5448: {rates: {ADVERTISMENT: [{from: 2024-11-01, value: 0.5}]}}}",
                        "programmes.DECREE_5448.rates.ADVERTISMENT", "unknown item"),
                Arguments.of("P§03: a sector item rate must still be a fraction 0..1",
                        "programmes: {DECREE_5448: {rates: {INTL_RANKING: [{from: 2024-11-01, value: 60}]}}}",
                        "programmes.DECREE_5448.rates.INTL_RANKING[0].value", "rate outside 0..1"),
                Arguments.of("unknown programme", "programmes: {DECREE_5450: {currency: TRY}}",
                        "programmes.DECREE_5450", "unknown programme"),
                Arguments.of("unknown key of a programme (typo)",
                        "programmes: {DECREE_5448: {defaultrate: []}}", "programmes.DECREE_5448.defaultrate",
                        "unknown key"),
                Arguments.of("P§06 YLDA_CAP_PERIOD: an option that does not exist",
                        "interpretations: {YLDA_CAP_PERIOD: ANNUAL}", "interpretations.YLDA_CAP_PERIOD",
                        "unknown option ANNUAL"),
                Arguments.of("an interpretation that does not exist",
                        "interpretations: {YLDA_CAPS: SUPPORT_YEAR}", "interpretations.YLDA_CAPS",
                        "unknown interpretation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void load_invalidProgrammeConfiguration_shouldNameKeyAndReason(String name, String yaml, String key,
                                                                  String reason) {
        assertThatThrownBy(() -> Requests.withConfig(dir, "override.yaml", yaml))
                .isInstanceOfSatisfying(RulesConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(key + ": ");
                });
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("P§03 DECK_RATE_RANGE: the upper bound 75 % is inside", "DECREE_5448", "ADVERTISING",
                        "programmes: {DECREE_5448: {rates: {ADVERTISING: [{from: 2024-11-01, value: 0.75}]}}}",
                        "75.00", "750.00"),
                Arguments.of("P§03 DECK_RATE_RANGE: the lower bound 50 % is inside", "DECREE_5448", "UNIT",
                        "programmes: {DECREE_5448: {defaultRate: [{from: 2024-11-01, value: 0.50}]}}",
                        "50.00", "500.00"),
                Arguments.of("P§05 DECK_RATE_RANGE: 70 % for every 5447 item", "DECREE_5447", "DATA_CENTRE",
                        "programmes: {DECREE_5447: {defaultRate: [{from: 2024-11-01, value: 0.70}]}}",
                        "70.00", "700.00"),
                Arguments.of("P§03: a sector item becomes quotable with a configured rate", "DECREE_5448",
                        "INTL_RANKING",
                        "programmes: {DECREE_5448: {rates: {INTL_RANKING: [{from: 2024-11-01, value: 0.6}]}}}",
                        "60.00", "600.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void load_rateInsideThePrintedRange_shouldBeUsedAndTraced(String name, String programme, String item, String yaml,
                                                              String ratePercent, String support) {
        Rules rules = Requests.withConfig(dir, "override.yaml", yaml);

        Quote q = rules.quote(new QuoteRequest(programme, item, Requests.deckBeneficiary("EDUCATION"), null,
                LocalDate.parse("2025-01-15"),
                List.of(P06_YldaQuoteTest.line("E1", "REPORT", "1000.00", "TRY", "2024-12-01", null, null))));

        assertThat(q.lines().get(0).ratePercent()).isEqualByComparingTo(ratePercent);
        assertThat(q.lines().get(0).support()).isEqualByComparingTo(support);
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("rate.config");
            assertThat(s.inputs().get("source")).startsWith("DESTEK_RULES_CONFIG");
        });
    }

    @Test
    void p03_rateConfiguredOnlyFromLaterDate_shouldBeManualReviewBefore() {
        Rules rules = Requests.withConfig(dir, "override.yaml",
                "programmes: {DECREE_5448: {rates: {INTL_RANKING: [{from: 2025-01-01, value: 0.6}]}}}");

        Quote q = rules.quote(new QuoteRequest("DECREE_5448", "INTL_RANKING",
                new QuoteRequest.Applicant("BENEFICIARY", null, "EDUCATION", null), null,
                LocalDate.parse("2025-01-15"),
                List.of(P06_YldaQuoteTest.line("E1", "REPORT", "1000.00", "TRY", "2024-12-31", null, null),
                        P06_YldaQuoteTest.line("E2", "REPORT", "1000.00", "TRY", "2025-01-01", null, null))));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("MANUAL_REVIEW", "P§03"));
        assertThat(q.lines().get(1).support()).isEqualByComparingTo("600.00");
    }
}
