package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Caps on the expense base (quantities, DOMAIN §5.4), caps on the support amount (Arts. 7(3), 15(2)) and the
 * Art. 33 bonuses, each on both sides of its limit. Base rate 50 % (default), maxRate 100 %.
 */
class CapsAndBonusesTest {

    /** name, item, expected eligible base, expected rate %, expected support, path/value pairs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                a("C_ACCOM_150 Art. 14(3)(b): 2 nights × 1 person at 150 USD/day: 300 is within", "DOMESTIC_PROMOTION", "300.00", "50.00", "150.00", "expense.kind", "ACCOMMODATION", "expense.amount", "300.00", "expense.nights", 2, "expense.days", 2),
                a("C_ACCOM_150 Art. 14(3)(b): 300.01 for 2 nights is capped at 300", "DOMESTIC_PROMOTION", "300.00", "50.00", "150.00", "expense.kind", "ACCOMMODATION", "expense.amount", "300.01", "expense.nights", 2, "expense.days", 2),
                a("C_DAYS_5 Art. 14(4): 5 event days of organisation count in full", "DOMESTIC_PROMOTION", "1000.00", "50.00", "500.00", "expense.kind", "ORGANISATION", "expense.days", 5),
                a("C_DAYS_5 Art. 14(4): 6 event days: the first 5 count (pro rata)", "DOMESTIC_PROMOTION", "833.33", "50.00", "416.67", "expense.kind", "ORGANISATION", "expense.days", 6),
                a("C_DAYS_5 and C_ACCOM_150 Art. 14(3)(b),(4): 6 nights, 5 counted, 150/day", "DOMESTIC_PROMOTION", "750.00", "50.00", "375.00", "expense.kind", "ACCOMMODATION", "expense.amount", "1200.00", "expense.nights", 6),
                a("C_REPS_2 Art. 21(4)(a): 2 representatives count in full", "TRADE_DELEGATION", "1000.00", "50.00", "500.00", "expense.kind", "TRANSPORT", "expense.persons", 2),
                a("C_REPS_2 Art. 21(4)(a): 3 representatives: 2 of 3 count", "TRADE_DELEGATION", "666.67", "50.00", "333.34", "expense.kind", "TRANSPORT", "expense.persons", 3),
                a("C_REPS_2 + C_ACCOM_150 Art. 21(4)(b): 3 persons × 4 nights, 2 count, 150/day", "TRADE_DELEGATION", "1200.00", "50.00", "600.00", "expense.kind", "ACCOMMODATION", "expense.amount", "2400.00", "expense.persons", 3, "expense.nights", 4),
                a("C_REPS_2 Art. 26(2)(a): HİSER marketing, 3 reps", "HISER_MARKETING", "666.67", "50.00", "333.34", "expense.kind", "TRANSPORT", "expense.persons", 3),
                a("C_REPS_2 Art. 30(4)(a): competition invitees, 2 reps", "COMPETITION_EVENT", "1000.00", "50.00", "500.00", "expense.kind", "TRANSPORT", "expense.persons", 2),
                a("C_REPS_2 Art. 29(1): coop domestic event, 4 reps of international organisations", "COOP_DOMESTIC_PROMOTION", "500.00", "50.00", "250.00", "expense.kind", "TRANSPORT", "expense.persons", 4),
                a("C_ECONOMY Art. 13(1): business class paid 1000, economy fare 600", "PATIENT_TRAVEL", "600.00", "50.00", "300.00", "expense.travelClass", "BUSINESS", "expense.economyFareAmount", "600.00"),
                a("C_ECONOMY Art. 13(1): economy class is not capped", "PATIENT_TRAVEL", "1000.00", "50.00", "500.00", "expense.travelClass", "ECONOMY"),
                a("C_INFO_STAND_25 Art. 32(5): 25 m² count in full", "NATIONAL_PARTICIPATION", "1000.00", "50.00", "500.00", "expense.kind", "INFO_STAND", "expense.areaM2", "25"),
                a("C_INFO_STAND_25 Art. 32(5): 40 m²: 25 of 40 count", "NATIONAL_PARTICIPATION", "625.00", "50.00", "312.50", "expense.kind", "INFO_STAND", "expense.areaM2", "40"),
                a("C_SHOW_AREA_15 Art. 32(5): 150 m² of 1000 rented = 15 %", "NATIONAL_PARTICIPATION", "1000.00", "50.00", "500.00", "expense.kind", "SHOW_AREA", "expense.areaM2", "150", "expense.totalRentedAreaM2", "1000"),
                a("C_SHOW_AREA_15 Art. 32(5): 200 m² of 1000: 150 of 200 count", "NATIONAL_PARTICIPATION", "750.00", "50.00", "375.00", "expense.kind", "SHOW_AREA", "expense.areaM2", "200", "expense.totalRentedAreaM2", "1000"),
                a("C_CERT_15000 Art. 7(3): 30000 consultancy at 50 % reaches 15000 exactly", "CERTIFICATION", "30000.00", "50.00", "15000.00", "expense.kind", "CONSULTANCY", "expense.amount", "30000.00", "expense.capKey", "ISO-1", "expense.capUsedUsd", "0"),
                a("C_CERT_15000 Art. 7(3): 30000.02 consultancy is capped at 15000", "CERTIFICATION", "30000.02", "50.00", "15000.00", "expense.kind", "CONSULTANCY", "expense.amount", "30000.02", "expense.capKey", "ISO-1", "expense.capUsedUsd", "0"),
                a("C_CERT_15000 Art. 7(3): 14000 already received leaves 1000", "CERTIFICATION", "10000.00", "50.00", "1000.00", "expense.kind", "TRAINING", "expense.amount", "10000.00", "expense.capKey", "ISO-1", "expense.capUsedUsd", "14000.00"),
                a("C_HOSTING_20000 Art. 15(2): 40000 hosting at 50 % reaches 20000 exactly", "GAME_APP_MARKET_ENTRY", "40000.00", "50.00", "20000.00", "expense.kind", "HOSTING", "expense.amount", "40000.00", "expense.capKey", "GAME-1", "expense.capUsedUsd", "0"),
                a("C_HOSTING_20000 Art. 15(2): 50000 hosting is capped at 20000", "GAME_APP_MARKET_ENTRY", "50000.00", "50.00", "20000.00", "expense.kind", "HOSTING", "expense.amount", "50000.00", "expense.capKey", "GAME-1", "expense.capUsedUsd", "0"),
                a("C_HOSTING_20000 Art. 15(2): localisation is not capped", "GAME_APP_MARKET_ENTRY", "50000.00", "50.00", "25000.00", "expense.kind", "LOCALISATION", "expense.amount", "50000.00"),
                a("R_EK1_10 Art. 33(1): registration in an EK-1 country", "PRODUCT_REGISTRATION", "1000.00", "60.00", "600.00", "activity.countries", List.of("XA")),
                a("R_EK1_10 Art. 33(3): one country outside EK-1: no bonus", "PRODUCT_REGISTRATION", "1000.00", "50.00", "500.00", "activity.countries", List.of("XA", "DE")),
                a("R_EK2_10 Art. 33(1): beneficiary HQ in an EK-2 province", "FOREIGN_OFFICE", "1000.00", "60.00", "600.00", "applicant.hqProvince", "PROV_A"),
                a("R_EK1_10 + R_EK2_10 Art. 33(1): cumulative (A-27(a))", "ADVERTISING", "1000.00", "70.00", "700.00", "applicant.hqProvince", "PROV_B", "activity.countries", List.of("XA", "XB")),
                a("R_EK2_10 Art. 33(1): not for cooperation organisations (A-27(c))", "COOP_ADVERTISING", "1000.00", "60.00", "600.00", "applicant.hqProvince", "PROV_A", "activity.countries", List.of("XC")),
                a("R_EK1_10 Art. 33(1): no bonus for Art. 10 consultancy", "CONSULTANCY", "1000.00", "50.00", "500.00", "activity.countries", List.of("XA")),
                a("R_EK1_FAIR_20 Art. 33(2): participation at an EK-1 fair", "INDIVIDUAL_FAIR_PARTICIPATION", "1000.00", "70.00", "700.00", "activity.countries", List.of("XA")),
                a("R_EK1_FAIR_20 Art. 33(2): transport to an EK-1 fair", "NATIONAL_PARTICIPATION", "1000.00", "70.00", "700.00", "expense.kind", "TRANSPORT", "activity.countries", List.of("XA")),
                a("R_EK1_FAIR_20 Art. 33(2): no bonus on the organiser's info-stand", "NATIONAL_PARTICIPATION", "1000.00", "50.00", "500.00", "expense.kind", "INFO_STAND", "expense.areaM2", "10", "activity.countries", List.of("XA")),
                a("R_EK1_FAIR_20 Art. 33(3): two-fair transport with one non-EK-1 country (A-25(c))", "INDIVIDUAL_FAIR_PARTICIPATION", "1000.00", "50.00", "500.00", "expense.kind", "TRANSPORT", "activity.countries", List.of("XA"), "expense.countries", List.of("XA", "DE")),
                a("R_EK1_FAIR_20 Art. 33(3): two-fair transport, both countries in EK-1", "INDIVIDUAL_FAIR_PARTICIPATION", "1000.00", "70.00", "700.00", "expense.kind", "TRANSPORT", "expense.countries", List.of("XA", "XB")));
    }

    private static Arguments a(String name, String item, String base, String rate, String support, Object... facts) {
        return Arguments.of(name, item, base, rate, support, facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void line_shouldApplyTheCapOrBonus(String name, String item, String base, String rate, String support,
                                       Object[] facts) {
        Quote.Line line = Claims.quote(item, facts).lines().get(0);
        assertThat(line.rejections()).as(line.trace().toString()).isEmpty();
        assertThat(line.eligibleBase()).as(line.trace().toString()).isEqualByComparingTo(base);
        assertThat(line.ratePercent()).isEqualByComparingTo(rate);
        assertThat(line.support()).isEqualByComparingTo(support);
        assertThat(line.support()).isLessThanOrEqualTo(line.claimed());
    }

    /** name, item, code, article, path/value pairs: a cap that cannot be checked is routed to a person. */
    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of("C_CERT_15000 Art. 7(3): earlier support unknown", "CERTIFICATION", "Art. 7(3)",
                        new Object[] {"expense.kind", "CONSULTANCY"}),
                Arguments.of("C_HOSTING_20000 Art. 15(2): earlier support unknown", "GAME_APP_MARKET_ENTRY", "Art. 15(2)",
                        new Object[] {"expense.kind", "HOSTING"}),
                Arguments.of("C_ACCOM_150 Art. 21(4)(b): nights missing", "TRADE_DELEGATION", "Art. 21(4)(b)",
                        new Object[] {"expense.kind", "ACCOMMODATION"}),
                Arguments.of("C_INFO_STAND_25 Art. 32(5): area missing", "NATIONAL_PARTICIPATION", "Art. 32(5)",
                        new Object[] {"expense.kind", "INFO_STAND"}),
                Arguments.of("C_ECONOMY Art. 13(1): business class without an economy fare", "PATIENT_TRAVEL", "Art. 13(1)",
                        new Object[] {"expense.travelClass", "FIRST"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknown")
    void line_capThatCannotBeChecked_shouldBeManualReview(String name, String item, String article, Object[] facts) {
        Quote.Line line = Claims.quote(item, facts).lines().get(0);
        assertThat(line.rejections()).contains(new Quote.Rejection("MANUAL_REVIEW", article));
        assertThat(line.support()).isEqualByComparingTo("0");
    }

    @org.junit.jupiter.api.Test
    void c_cert_15000_art7_3_linesOfTheSameDocumentShareTheCapWithinARequest() {
        QuoteRequest.Expense a = Claims.JSON.convertValue(java.util.Map.of("id", "A", "kind", "CONSULTANCY",
                "amount", "20000.00", "currency", "USD", "paymentDate", "2025-03-10", "documentIssueDate",
                "2025-03-01", "capKey", "ISO-9001", "capUsedUsd", "0"), QuoteRequest.Expense.class);
        QuoteRequest.Expense b = Claims.JSON.convertValue(java.util.Map.of("id", "B", "kind", "TRAINING",
                "amount", "20000.00", "currency", "USD", "paymentDate", "2025-03-11", "documentIssueDate",
                "2025-03-01", "capKey", "ISO-9001", "capUsedUsd", "0"), QuoteRequest.Expense.class);
        QuoteRequest base = Claims.claim("CERTIFICATION");
        Quote q = Claims.RULES.quote(new QuoteRequest(base.programme(), base.supportItem(), base.applicant(),
                base.activity(), base.filingDate(), List.of(a, b)));
        assertThat(q.lines()).extracting(Quote.Line::support).map(java.math.BigDecimal::toPlainString)
                .containsExactly("10000.00", "5000.00");
        assertThat(q.totalSupport().amount()).isEqualByComparingTo("15000.00");
    }
}
