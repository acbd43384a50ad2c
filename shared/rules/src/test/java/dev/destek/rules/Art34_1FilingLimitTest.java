package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Art. 34(1),(3),(4),(5): the claim must reach the reviewing body within 1 year of the trigger; a payment
 * document filed later is not considered. Last allowed day = trigger.plusYears(1), inclusive (DOMAIN §0).
 */
class Art34_1FilingLimitTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Art. 34(1): filed on the payment day is on time", "ADVERTISING", "ADVERTISING",
                        "2025-02-01", null, "2025-02-01", true),
                Arguments.of("Art. 34(1): filed on the last allowed day (payment + 1 year) is on time",
                        "ADVERTISING", "ADVERTISING", "2025-02-01", null, "2026-02-01", true),
                Arguments.of("Art. 34(1): filed the day after the last allowed day is DEADLINE_MISSED",
                        "ADVERTISING", "ADVERTISING", "2025-02-01", null, "2026-02-02", false),
                Arguments.of("Art. 34(1): payment on 29 Feb 2024, last day is 28 Feb 2025 (clamped)",
                        "ADVERTISING", "ADVERTISING", "2024-02-29", null, "2025-02-28", true),
                Arguments.of("Art. 34(1): payment on 29 Feb 2024, 1 Mar 2025 is late",
                        "ADVERTISING", "ADVERTISING", "2024-02-29", null, "2025-03-01", false),
                Arguments.of("Art. 34(1): payment on 31 Dec 2024, 31 Dec 2025 is on time",
                        "ADVERTISING", "ADVERTISING", "2024-12-31", null, "2025-12-31", true),
                Arguments.of("Art. 34(1): payment on 31 Dec 2024, 1 Jan 2026 is late",
                        "ADVERTISING", "ADVERTISING", "2024-12-31", null, "2026-01-01", false),
                Arguments.of("Art. 34(3): foreign unit rent, last allowed day is on time",
                        "FOREIGN_OFFICE", "RENT", "2025-03-31", null, "2026-03-31", true),
                Arguments.of("Art. 34(3): foreign unit rent, the day after is late",
                        "FOREIGN_OFFICE", "RENT", "2025-03-31", null, "2026-04-01", false),
                Arguments.of("Art. 34(4): registration runs from the certificate's issue date, not the payment",
                        "PRODUCT_REGISTRATION", "REGISTRATION", "2023-01-15", "2025-01-15", "2026-01-15", true),
                Arguments.of("Art. 34(4): registration, the day after certificate issue + 1 year is late",
                        "PRODUCT_REGISTRATION", "REGISTRATION", "2025-01-10", "2025-01-15", "2026-01-16", false),
                Arguments.of("Art. 34(4): brand protection legal consultancy runs from the payment document",
                        "BRAND_REGISTRATION_PROTECTION", "PROTECTION_LEGAL", "2024-06-30", "2025-06-01",
                        "2025-07-01", false),
                Arguments.of("Art. 34(4): brand protection legal consultancy, last day on time",
                        "BRAND_REGISTRATION_PROTECTION", "PROTECTION_LEGAL", "2024-06-30", "2025-06-01",
                        "2025-06-30", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filingDeadline_table_shouldMatchArticle34(String name, String item, String kind, String paymentDate,
                                                   String documentDate, String filingDate, boolean onTime) {
        // GIVEN one USD line of the item
        QuoteRequest.Expense e = new QuoteRequest.Expense("E1", kind, new BigDecimal("1000.00"), "USD",
                LocalDate.parse(paymentDate), documentDate == null ? null : LocalDate.parse(documentDate));
        QuoteRequest request = Requests.of(item, Requests.beneficiary("IT", null), Requests.activity("DE"),
                filingDate, e);

        // WHEN
        Quote.Line line = DEFAULTS.quote(request).lines().get(0);

        // THEN
        String article = item.equals("ADVERTISING") ? "Art. 34(1)"
                : item.equals("FOREIGN_OFFICE") ? "Art. 34(3)" : "Art. 34(4)";
        if (onTime) {
            assertThat(line.rejections()).isEmpty();
            assertThat(line.support()).isEqualByComparingTo("500.00");
        } else {
            assertThat(line.rejections()).containsExactly(new Quote.Rejection("DEADLINE_MISSED", article));
            assertThat(line.support()).isEqualByComparingTo("0");
            assertThat(line.eligibleBase()).isEqualByComparingTo("0");
        }
        assertThat(line.trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("art34.filing-period");
            assertThat(s.article()).isEqualTo(article);
            assertThat(s.output()).isEqualTo(onTime ? "ON_TIME" : "LATE");
        });
    }

    @Test
    void filingDeadline_lastDayOnSaturdayWithExtensionOff_shouldNotMove() {
        // GIVEN payment 2025-02-28: last day 2026-02-28 is a Saturday; default: no extension (DOMAIN §0)
        Quote.Line line = DEFAULTS.quote(Requests.advertising("2026-03-02",
                Requests.usd("E1", "100.00", "2025-02-28"))).lines().get(0);
        // THEN
        assertThat(line.rejections()).extracting(Quote.Rejection::code).containsExactly("DEADLINE_MISSED");
    }

    @Test
    void filingDeadline_lastDayOnSaturdayWithExtensionOn_shouldMoveToMondayOrPastHolidays(@TempDir Path dir) {
        // GIVEN extendToNextBusinessDay: true and Monday 2026-03-02 configured as a holiday
        Rules rules = Requests.withConfig(dir, "c.yaml",
                "deadlines: {extendToNextBusinessDay: true, holidays: [2026-03-02]}\n");

        // WHEN / THEN: Tuesday 2026-03-03 is the last allowed day
        assertThat(rules.quote(Requests.advertising("2026-03-03",
                Requests.usd("E1", "100.00", "2025-02-28"))).lines().get(0).rejections()).isEmpty();
        assertThat(rules.quote(Requests.advertising("2026-03-04",
                Requests.usd("E1", "100.00", "2025-02-28"))).lines().get(0).rejections())
                .extracting(Quote.Rejection::code).containsExactly("DEADLINE_MISSED");
    }

    @Test
    void filingDeadline_oneLateLineOfTwo_shouldRejectOnlyThatPaymentDocument() {
        // GIVEN Art. 34(5): rejection is per payment document, not per claim
        Quote quote = DEFAULTS.quote(Requests.advertising("2026-02-02",
                Requests.usd("E1", "100.00", "2025-02-01"), Requests.usd("E2", "100.00", "2025-02-02")));
        // THEN
        assertThat(quote.lines().get(0).rejections()).extracting(Quote.Rejection::code)
                .containsExactly("DEADLINE_MISSED");
        assertThat(quote.lines().get(1).rejections()).isEmpty();
        assertThat(quote.totalSupport().amount()).isEqualByComparingTo("70.00");
        assertThat(quote.rejections()).isEmpty();
    }
}
