package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line-level rules other than Arts. 33/34: eligibility (Arts. 4(1)–9(1)), excluded kinds (Arts. 4(3), 5(3)),
 * the Art. 7(3) cap, Art. 36(1) currency, and the rounding house rule (DOMAIN A-54).
 */
class LineRulesTest {

    private static QuoteRequest.Expense expense(String kind, String amount, String currency) {
        return new QuoteRequest.Expense("E1", kind, new BigDecimal(amount), currency,
                LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-01"));
    }

    static Stream<Arguments> cases() {
        QuoteRequest.Applicant it = Requests.beneficiary("IT", null);
        return Stream.of(
                Arguments.of("Art. 8(1): publishing is not an Art. 8 sector", "ADVERTISING",
                        Requests.beneficiary("PUBLISHING", null), "ADVERTISING", "USD",
                        "SECTOR_NOT_ELIGIBLE", "Art. 8(1)"),
                Arguments.of("Art. 8(1): a cooperation organisation claims under 29(1), not Art. 8", "ADVERTISING",
                        new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "IT", null), "ADVERTISING",
                        "USD", "APPLICANT_TYPE", "Art. 8(1)"),
                Arguments.of("Art. 7(1): management consulting is not a certification sector", "CERTIFICATION",
                        Requests.beneficiary("MANAGEMENT_CONSULTING", null), "AUDIT", "USD",
                        "SECTOR_NOT_ELIGIBLE", "Art. 7(1)"),
                Arguments.of("Art. 4(3): registration renewal is excluded", "PRODUCT_REGISTRATION", it, "RENEWAL",
                        "USD", "EXCLUDED_EXPENSE", "Art. 4(3)"),
                Arguments.of("Art. 5(3): brand registration renewal is excluded", "BRAND_REGISTRATION_PROTECTION",
                        it, "RENEWAL", "USD", "EXCLUDED_EXPENSE", "Art. 5(3)"),
                Arguments.of("Art. 7(2)(g): certification renewal IS supported", "CERTIFICATION", it, "RENEWAL",
                        "USD", null, null),
                Arguments.of("Art. 7(3): consultancy is capped per document over all claims: manual review",
                        "CERTIFICATION", it, "CONSULTANCY", "USD", "MANUAL_REVIEW", "Art. 7(3)"),
                Arguments.of("Art. 7(3): training is capped per document over all claims: manual review",
                        "CERTIFICATION", it, "TRAINING", "USD", "MANUAL_REVIEW", "Art. 7(3)"),
                Arguments.of("Art. 36(1): a EUR line is not converted (no guessed rate)", "ADVERTISING", it,
                        "ADVERTISING", "EUR", "NEEDS_CONVERSION", "Art. 36(1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void line_table_shouldRejectWithCodeAndArticle(String name, String item, QuoteRequest.Applicant applicant,
                                                   String kind, String currency, String code, String article) {
        Quote quote = DEFAULTS.quote(Requests.of(item, applicant, Requests.activity("DE"), "2025-03-01",
                expense(kind, "1000.00", currency)));
        Quote.Line line = quote.lines().get(0);
        if (code == null) {
            assertThat(line.rejections()).isEmpty();
            assertThat(line.support()).isEqualByComparingTo("500.00");
        } else {
            assertThat(line.rejections()).contains(new Quote.Rejection(code, article));
            assertThat(line.support()).isEqualByComparingTo("0");
            assertThat(line.claimed()).isEqualByComparingTo("1000.00");
            assertThat(quote.totalSupport().amount()).isEqualByComparingTo("0");
        }
    }

    @Test
    void eligibility_sectorNotEligible_shouldAlsoBeAClaimLevelRejection() {
        Quote quote = DEFAULTS.quote(Requests.of("ADVERTISING", Requests.beneficiary("LOGISTICS", null),
                Requests.activity("DE"), "2025-03-01", expense("ADVERTISING", "10.00", "USD")));
        assertThat(quote.rejections()).containsExactly(new Quote.Rejection("SECTOR_NOT_ELIGIBLE", "Art. 8(1)"));
    }

    @Test
    void currency_mixedLines_shouldTotalOnlyTheUsdLinesAndKeepEurClaimedInEur() {
        Quote quote = DEFAULTS.quote(Requests.advertising("2025-03-01", Requests.usd("E1", "1000.00", "2025-02-01"),
                new QuoteRequest.Expense("E2", "ADVERTISING", new BigDecimal("500.00"), "EUR",
                        LocalDate.parse("2025-02-01"))));
        assertThat(quote.lines().get(1).currency()).isEqualTo("EUR");
        assertThat(quote.lines().get(1).claimed()).isEqualByComparingTo("500.00");
        assertThat(quote.lines().get(1).eligibleBase()).isEqualByComparingTo("0.00");
        assertThat(quote.totalSupport()).isEqualTo(new Quote.Money(new BigDecimal("700.00"), "USD"));
    }

    @Test
    void rounding_halfUpPerLine_thenTotalOfRoundedLines() {
        // GIVEN 50 % (no bonus) of 0.01 = 0.005 on each of three lines, and 333.33 × 0.5 = 166.665
        Quote quote = DEFAULTS.quote(Requests.of("ADVERTISING", Requests.beneficiary("IT", null),
                Requests.activity("DE"), "2025-03-01", Requests.usd("E1", "0.01", "2025-02-01"),
                Requests.usd("E2", "0.01", "2025-02-01"), Requests.usd("E3", "0.01", "2025-02-01"),
                Requests.usd("E4", "333.33", "2025-02-01")));
        // THEN each line rounds HALF_UP once; the total sums the rounded lines (0.01 × 3 + 166.67)
        assertThat(quote.lines()).extracting(Quote.Line::support).extracting(BigDecimal::toPlainString)
                .containsExactly("0.01", "0.01", "0.01", "166.67");
        assertThat(quote.totalSupport().amount().toPlainString()).isEqualTo("166.70");
    }

    @Test
    void amounts_shouldAlwaysHaveScaleTwo() {
        Quote quote = DEFAULTS.quote(Requests.advertising("2025-03-01", Requests.usd("E1", "100", "2025-02-01")));
        Quote.Line line = quote.lines().get(0);
        assertThat(line.claimed().toPlainString()).isEqualTo("100.00");
        assertThat(line.eligibleBase().toPlainString()).isEqualTo("100.00");
        assertThat(line.ratePercent().toPlainString()).isEqualTo("70.00");
        assertThat(line.support().toPlainString()).isEqualTo("70.00");
        assertThat(quote.totalSupport().amount().toPlainString()).isEqualTo("70.00");
    }
}
