package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * T34, Art. 9(5): rent paid in one go for at least six months is paid out per six-month period, each after an EK-9B
 * on-site inspection (DOMAIN A-11: consecutive tranches from the first rent month, the last one possibly shorter).
 */
class Art9_5_PrepaidRentTranchesTest {

    private static Quote.Line rent(String item, String amount, String from, Integer months) {
        return Claims.quote(item, "expense.kind", "RENT", "expense.amount", amount, "expense.rentFrom", from,
                "expense.rentMonths", months).lines().get(0);
    }

    @Test
    void t34_twelveMonthsPrepaid_shouldBeTwoSixMonthTranches() {
        Quote.Line line = rent("FOREIGN_OFFICE", "12000.00", "2025-01", 12);

        assertThat(line.support()).isEqualByComparingTo("6000.00"); // 50 % default rate, no bonus for DE
        assertThat(line.tranches()).extracting(Quote.Tranche::from, Quote.Tranche::to, Quote.Tranche::months)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2025, 1), YearMonth.of(2025, 6), 6),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2025, 7), YearMonth.of(2025, 12), 6));
        assertThat(line.tranches()).extracting(Quote.Tranche::support).containsExactly(
                new BigDecimal("3000.00"), new BigDecimal("3000.00"));
        assertThat(line.tranches().get(1).payableAfter()).isEqualTo("EK-9B on-site inspection dated on or after 2025-07-01");
        assertThat(line.tranches()).allSatisfy(t -> assertThat(t.article()).isEqualTo("Art. 9(5)"));
        assertThat(line.trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("T34");
            assertThat(s.output()).isEqualTo("2 tranches");
        });
    }

    @Test
    void t34_elevenMonths_lastTrancheShorter_andTranchesAddUpExactly() {
        Quote.Line line = rent("FOREIGN_OFFICE", "1000.01", "2024-11", 11);

        List<Quote.Tranche> t = line.tranches();
        assertThat(t).extracting(Quote.Tranche::months).containsExactly(6, 5);
        assertThat(t.get(1).from()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(t.get(1).to()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(t.get(0).support().add(t.get(1).support())).isEqualByComparingTo(line.support());
        // 500.01 (HALF_UP of 1000.01 × 0.50) × 6 / 11 = 272.7327… → 272.73; the rest 227.28
        assertThat(t).extracting(Quote.Tranche::support).containsExactly(
                new BigDecimal("272.73"), new BigDecimal("227.28"));
    }

    @Test
    void t34_sixMonthsIsTheBoundary_fiveMonthsIsPaidAtOnce() {
        assertThat(rent("FOREIGN_OFFICE", "6000.00", "2025-01", 6).tranches()).hasSize(1);
        assertThat(rent("FOREIGN_OFFICE", "5000.00", "2025-01", 5).tranches()).isEmpty();
    }

    @Test
    void t34_appliesToCooperationOrganisationUnits_viaArt29_2() {
        assertThat(rent("COOP_FOREIGN_OFFICE", "12000.00", "2025-01", 13).tranches())
                .extracting(Quote.Tranche::months).containsExactly(6, 6, 1);
    }

    @Test
    void t34_onlyRentIsSplit_notCommission() {
        Quote.Line line = Claims.quote("FOREIGN_OFFICE", "expense.kind", "COMMISSION", "expense.rentFrom", "2025-01",
                "expense.rentMonths", 12).lines().get(0);

        assertThat(line.tranches()).isEmpty();
    }

    @Test
    void rentMonthsWithoutRentFrom_shouldBeAPreciseRequestError() {
        assertThatThrownBy(() -> rent("FOREIGN_OFFICE", "12000.00", null, 12))
                .isInstanceOfSatisfying(QuoteRequestException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/expenses/0/rentFrom"));
    }
}
