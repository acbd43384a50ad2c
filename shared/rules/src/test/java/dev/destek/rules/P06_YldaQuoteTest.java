package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * S0 P§06, Decree 5449 (YLDA): printed rates, the 70 % → 50 % step-down after the second support year, the TL caps
 * on the support amount, at most 10 persons for employment, cooperation organisations only. Amounts in TRY.
 */
class P06_YldaQuoteTest {
    @TempDir
    Path dir;

    static QuoteRequest.Activity activity(Integer supportYear, String subtype) {
        return new QuoteRequest.Activity(List.of("DE"), null, null, null, null, null, null, null, null, null, null,
                null, null, null, subtype, null, null, null, null, null, null, null, null, supportYear);
    }

    static QuoteRequest.Expense line(String id, String kind, String amount, String currency, String paid,
                                     Integer persons, String capUsed) {
        return new QuoteRequest.Expense(id, kind, new BigDecimal(amount), currency, LocalDate.parse(paid), null,
                persons, null, null, null, null, null, null, "NETWORK_1", null, null, null, null, null, null, null,
                null, null, null, null, null, null, capUsed == null ? null : new BigDecimal(capUsed));
    }

    static QuoteRequest ylda(String item, QuoteRequest.Activity activity, QuoteRequest.Expense... expenses) {
        return new QuoteRequest("DECREE_5449", item, Requests.yldaPublicInstitution(), activity,
                LocalDate.parse("2025-06-01"), List.of(expenses));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // item, supportYear, subtype, amount, persons, capUsed, rate %, support, rule id the trace shows
                Arguments.of("P§06 R_YLDA_OPERATING_STEP_DOWN: support year 1 is in the first two years, 70 %",
                        "OPERATING_COSTS", 1, null, "1000000.00", null, "0.00", "70.00", "700000.00",
                        "R_YLDA_OPERATING_STEP_DOWN"),
                Arguments.of("P§06 R_YLDA_OPERATING_STEP_DOWN: support year 2, the last year at 70 %",
                        "OPERATING_COSTS", 2, null, "1000000.00", null, "0.00", "70.00", "700000.00",
                        "R_YLDA_OPERATING_STEP_DOWN"),
                Arguments.of("P§06 R_YLDA_OPERATING_STEP_DOWN: support year 3, the first 'later year', 50 %",
                        "OPERATING_COSTS", 3, null, "1000000.00", null, "0.00", "50.00", "500000.00",
                        "R_YLDA_OPERATING_STEP_DOWN"),
                Arguments.of("P§06 R_YLDA_EMPLOYMENT_STEP_DOWN: support year 2 at 70 %",
                        "EMPLOYMENT", 2, null, "100000.00", 4, "0.00", "70.00", "70000.00",
                        "R_YLDA_EMPLOYMENT_STEP_DOWN"),
                Arguments.of("P§06 R_YLDA_EMPLOYMENT_STEP_DOWN: support year 3 at 50 %",
                        "EMPLOYMENT", 3, null, "100000.00", 4, "0.00", "50.00", "50000.00",
                        "R_YLDA_EMPLOYMENT_STEP_DOWN"),
                Arguments.of("P§06 initial set-up 70 %, no step-down in year 5 (C_YLDA_SETUP_182629000 not reached)",
                        "INITIAL_SETUP", 5, null, "10000000.00", null, "0.00", "70.00", "7000000.00",
                        "C_YLDA_SETUP_182629000"),
                Arguments.of("P§06 C_YLDA_SETUP_182629000: 70 % of 300,000,000 = 210,000,000 is capped at 182,629,000",
                        "INITIAL_SETUP", 1, null, "300000000.00", null, "0.00", "70.00", "182629000.00",
                        "C_YLDA_SETUP_182629000"),
                Arguments.of("P§06 C_YLDA_SETUP_182629000: 182,000,000 received earlier leaves 629,000",
                        "INITIAL_SETUP", 1, null, "1000000.00", null, "182000000.00", "70.00", "629000.00",
                        "C_YLDA_SETUP_182629000"),
                Arguments.of("P§06 C_YLDA_OPERATING_73050000: exactly the cap is still within it",
                        "OPERATING_COSTS", 1, null, "104357142.86", null, "0.00", "70.00", "73050000.00",
                        "C_YLDA_OPERATING_73050000"),
                Arguments.of("P§06 C_YLDA_ADVERTISING_FOREIGN_9130000: 50 % of 10,000,000 abroad is within",
                        "ADVERTISING", 1, "FOREIGN", "10000000.00", null, "0.00", "50.00", "5000000.00",
                        "C_YLDA_ADVERTISING_FOREIGN_9130000"),
                Arguments.of("P§06 C_YLDA_ADVERTISING_DOMESTIC_3651000: the same 50 % in Türkiye is capped",
                        "ADVERTISING", 1, "DOMESTIC", "10000000.00", null, "0.00", "50.00", "3651000.00",
                        "C_YLDA_ADVERTISING_DOMESTIC_3651000"),
                Arguments.of("P§06 C_YLDA_EMPLOYMENT_14609000: 70 % of 30,000,000 is capped at 14,609,000",
                        "EMPLOYMENT", 1, null, "30000000.00", 10, "0.00", "70.00", "14609000.00",
                        "C_YLDA_EMPLOYMENT_14609000"),
                Arguments.of("P§06 C_YLDA_EMPLOYMENT_10_PERSONS: 10 persons are all counted",
                        "EMPLOYMENT", 1, null, "100000.00", 10, "0.00", "70.00", "70000.00",
                        "C_YLDA_EMPLOYMENT_10_PERSONS"),
                Arguments.of("P§06 C_YLDA_EMPLOYMENT_10_PERSONS: 11 persons, 10/11 of 110,000 = 100,000 counted",
                        "EMPLOYMENT", 1, null, "110000.00", 11, "0.00", "70.00", "70000.00",
                        "C_YLDA_EMPLOYMENT_10_PERSONS"),
                Arguments.of("P§06 freight exchange 60 % (C_YLDA_FREIGHT_EXCHANGE_10957000 not reached)",
                        "FREIGHT_EXCHANGE", 1, null, "1000.01", null, "0.00", "60.00", "600.01",
                        "C_YLDA_FREIGHT_EXCHANGE_10957000"),
                Arguments.of("P§06 C_YLDA_FREIGHT_EXCHANGE_10957000: 60 % of 20,000,000 is capped",
                        "FREIGHT_EXCHANGE", 1, null, "20000000.00", null, "0.00", "60.00", "10957000.00",
                        "C_YLDA_FREIGHT_EXCHANGE_10957000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ylda_quote_shouldApplyThePrintedRateStepAndCap(String name, String item, Integer year, String subtype,
                                                         String amount, Integer persons, String capUsed,
                                                         String ratePercent, String support, String ruleId) {
        Quote q = Claims.RULES.quote(ylda(item, activity(year, subtype),
                line("E1", "RENT", amount, "TRY", "2025-05-02", persons, capUsed)));

        Quote.Line l = q.lines().get(0);
        assertThat(l.rejections()).as(l.trace().toString()).isEmpty();
        assertThat(l.ratePercent()).isEqualByComparingTo(ratePercent);
        assertThat(l.support()).isEqualByComparingTo(support);
        assertThat(q.totalSupport().currency()).isEqualTo("TRY");
        assertThat(q.totalSupport().amount()).isEqualByComparingTo(support);
        assertThat(l.trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo(ruleId);
            assertThat(s.article()).isEqualTo("P§06");
        });
    }

    @Test
    void p06_capReached_shouldZeroTheLineWithCapReached() {
        Quote q = Claims.RULES.quote(ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "COMMISSION", "1000.00", "TRY", "2025-05-02", null, "10957000.00")));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("CAP_REACHED", "P§06"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
        assertThat(q.lines().get(0).eligibleBase()).isEqualByComparingTo("0.00");
    }

    @Test
    void p06_linesOfOneRequest_shouldShareTheCap() {
        // 2 × 70 % of 100,000,000 = 140,000,000 against 182,629,000 minus 100,000,000 received earlier
        Quote q = Claims.RULES.quote(ylda("INITIAL_SETUP", activity(1, null),
                line("E1", "RENT", "100000000.00", "TRY", "2025-05-02", null, "100000000.00"),
                line("E2", "RENT", "100000000.00", "TRY", "2025-05-03", null, "100000000.00")));

        assertThat(q.lines().get(0).support()).isEqualByComparingTo("70000000.00");
        assertThat(q.lines().get(1).support()).isEqualByComparingTo("12629000.00");
        assertThat(q.totalSupport().amount()).isEqualByComparingTo("82629000.00");
    }

    @Test
    void p06_withoutCapUsed_shouldBeManualReview() {
        Quote q = Claims.RULES.quote(ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "COMMISSION", "1000.00", "TRY", "2025-05-02", null, null)));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("MANUAL_REVIEW", "P§06"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
    }

    @Test
    void p06_employmentWithoutPersons_shouldBeManualReview() {
        Quote q = Claims.RULES.quote(ylda("EMPLOYMENT", activity(1, null),
                line("E1", "SALARY", "1000.00", "TRY", "2025-05-02", null, "0.00")));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("MANUAL_REVIEW", "P§06"));
    }

    @Test
    void p06_interpretationYldaEmploymentPersonsReject_shouldSendElevenPersonsToReview() {
        Rules rules = Requests.withConfig(dir, "c.yaml", "interpretations: {YLDA_EMPLOYMENT_PERSONS: REJECT}");

        Quote q = rules.quote(ylda("EMPLOYMENT", activity(1, null),
                line("E1", "SALARY", "110000.00", "TRY", "2025-05-02", 11, "0.00")));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("MANUAL_REVIEW", "P§06"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
    }

    @Test
    void p06_interpretationYldaCapPeriod_shouldBeShownInTheTraceAndCatalogue() {
        Rules annual = Requests.withConfig(dir, "c.yaml", "interpretations: {YLDA_CAP_PERIOD: SUPPORT_YEAR}");
        QuoteRequest r = ylda("FREIGHT_EXCHANGE", activity(4, null),
                line("E1", "COMMISSION", "1000.00", "TRY", "2025-05-02", null, "0.00"));

        assertThat(cap(Claims.RULES.quote(r)).inputs().get("period")).isEqualTo("NETWORK_TOTAL");
        assertThat(cap(annual.quote(r)).inputs().get("period")).isEqualTo("SUPPORT_YEAR");
        assertThat(annual.catalogue().interpretations()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo("YLDA_CAP_PERIOD");
            assertThat(i.defaultOption()).isEqualTo("NETWORK_TOTAL");
            assertThat(i.selected()).isEqualTo("SUPPORT_YEAR");
            assertThat(i.source()).startsWith("DESTEK_RULES_CONFIG");
        });
    }

    private static Quote.TraceStep cap(Quote q) {
        return q.lines().get(0).trace().stream().filter(s -> s.ruleId().equals("C_YLDA_FREIGHT_EXCHANGE_10957000"))
                .findFirst().orElseThrow();
    }

    @Test
    void p06_anotherCurrency_shouldNeedConversion_neverGuessed() {
        Quote q = Claims.RULES.quote(ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "COMMISSION", "1000.00", "USD", "2025-05-02", null, "0.00")));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("NEEDS_CONVERSION", "P§06"));
        assertThat(q.totalSupport()).isEqualTo(new Quote.Money(new BigDecimal("0.00"), "TRY"));
    }

    @Test
    void p06_onlyCooperationOrganisations_shouldRejectABeneficiary() {
        QuoteRequest r = ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "COMMISSION", "1000.00", "TRY", "2025-05-02", null, "0.00"));
        Quote q = Claims.RULES.quote(new QuoteRequest(r.programme(), r.supportItem(),
                new QuoteRequest.Applicant("BENEFICIARY", null, "LOGISTICS", null), r.activity(), r.filingDate(),
                r.expenses()));

        assertThat(q.rejections()).containsExactly(new Quote.Rejection("APPLICANT_TYPE", "P§06"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
    }

    @Test
    void p06_paymentTheDayBeforeTheDeck_shouldBeNotInForce_theDayOfIsQuoted() {
        Quote q = Claims.RULES.quote(ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "COMMISSION", "1000.00", "TRY", "2024-10-31", null, "0.00"),
                line("E2", "COMMISSION", "1000.00", "TRY", "2024-11-01", null, "0.00")));

        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("NOT_IN_FORCE", "P§06"));
        assertThat(q.lines().get(1).support()).isEqualByComparingTo("600.00");
    }

    @Test
    void p06_missingFacts_shouldBeRequestErrorsWithPointers() {
        assertThatThrownBy(() -> Claims.RULES.quote(ylda("OPERATING_COSTS", activity(null, null),
                line("E1", "RENT", "1.00", "TRY", "2025-05-02", null, "0.00"))))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/activity/supportYear");
        assertThatThrownBy(() -> Claims.RULES.quote(ylda("OPERATING_COSTS", activity(0, null),
                line("E1", "RENT", "1.00", "TRY", "2025-05-02", null, "0.00"))))
                .hasMessageContaining("/activity/supportYear").hasMessageContaining("must be 1 or more");
        assertThatThrownBy(() -> Claims.RULES.quote(ylda("ADVERTISING", activity(1, null),
                line("E1", "ADVERTISING", "1.00", "TRY", "2025-05-02", null, "0.00"))))
                .hasMessageContaining("/activity/subtype");
        assertThatThrownBy(() -> Claims.RULES.quote(ylda("NOPE", activity(1, null),
                line("E1", "RENT", "1.00", "TRY", "2025-05-02", null, "0.00"))))
                .hasMessageContaining("/supportItem");
        assertThatThrownBy(() -> Claims.RULES.quote(ylda("FREIGHT_EXCHANGE", activity(1, null),
                line("E1", "RENT", "1.00", "TRY", "2025-05-02", null, "-1.00"))))
                .hasMessageContaining("/expenses/0/capUsed");
    }

    @Test
    void p06_deadlines_shouldBeEmpty_theDeckPrintsNone() {
        QuoteRequest r = ylda("OPERATING_COSTS", activity(1, null),
                line("E1", "RENT", "1.00", "TRY", "2025-05-02", null, "0.00"));

        assertThat(Claims.RULES.deadlines(r, LocalDate.parse("2025-06-01"))).isEmpty();
        assertThatThrownBy(() -> Claims.RULES.deadlines(new QuoteRequest("DECREE_5449", "NOPE", null, null, null,
                null), LocalDate.parse("2025-06-01"))).hasMessageContaining("/supportItem");
    }
}
