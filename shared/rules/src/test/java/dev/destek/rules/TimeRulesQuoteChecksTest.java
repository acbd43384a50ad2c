package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The time rules a quote line must pass, on both sides of each boundary: the last allowed day is accepted, the day
 * after is rejected with the rule's code and article (or the first allowed day and the day before it).
 */
class TimeRulesQuoteChecksTest {

    /** name, item, expected code (null = accepted), article, path/value pairs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                a("T01 Art. 6(1): payment on the pre-approval day is not after it", "MARKET_REPORT", "NO_PRE_APPROVAL", "Art. 6(1), 29(1)", "activity.preApprovalDate", "2025-03-10"),
                a("T01 Art. 6(1): payment the day after the pre-approval is eligible", "MARKET_REPORT", null, null, "activity.preApprovalDate", "2025-03-09"),
                a("T01 Art. 6(1): no pre-approval at all", "MARKET_REPORT", "NO_PRE_APPROVAL", "Art. 6(1), 29(1)", "activity.preApprovalDate", null),
                a("T02 Art. 10(1): consultancy paid on the pre-approval day", "CONSULTANCY", "NO_PRE_APPROVAL", "Art. 10(1)", "activity.preApprovalDate", "2025-03-10"),
                a("T02 Art. 10(1): consultancy paid the day after", "CONSULTANCY", null, null, "activity.preApprovalDate", "2025-03-09"),
                a("T03 Art. 14(1): pre-notification on the day before the event", "DOMESTIC_PROMOTION", null, null, "activity.priorApplicationDate", "2025-03-02"),
                a("T03 Art. 14(1): pre-notification on the event's first day is late", "DOMESTIC_PROMOTION", "NO_PRE_NOTIFICATION", "Art. 14(1), 29(1)", "activity.priorApplicationDate", "2025-03-03"),
                a("T04 Art. 18(1): salary paid on the project start day", "GAME_APP_DEVELOPMENT", "NO_PRE_APPROVAL", "Art. 18(1)", "activity.projectStart", "2025-03-10"),
                a("T04 Art. 18(1): no approved project start", "GAME_APP_DEVELOPMENT", "NO_PRE_APPROVAL", "Art. 18(1)", "activity.projectStart", null),
                a("T05 Art. 21(1): filed exactly 2 months before (3 January for 3 March)", "TRADE_DELEGATION", null, null, "activity.priorApplicationDate", "2025-01-03"),
                a("T05 Art. 21(1): filed a day too late", "TRADE_DELEGATION", "LEAD_TIME_MISSED", "Art. 21(1)", "activity.priorApplicationDate", "2025-01-04"),
                a("T07 Art. 21(2): Ministry-organised delegation needs no lead time", "TRADE_DELEGATION", null, null, "activity.priorApplicationDate", "2025-02-20", "activity.ministryOrganised", true),
                a("T08 Art. 22(1): HİSER project approval is not quotable, its lead time binds Art. 27 claims via T21", "HISER_PAYMENT", null, null, "activity.projectStart", "2025-01-02"),
                a("T09 Art. 24(1): training application 15 days before", "HISER_TRAINING_CONSULTANCY", null, null, "activity.priorApplicationDate", "2025-02-16"),
                a("T09 Art. 24(1): training application 14 days before", "HISER_TRAINING_CONSULTANCY", "LEAD_TIME_MISSED", "Art. 24(1)", "activity.priorApplicationDate", "2025-02-17"),
                a("T10 Art. 26(1): marketing application 30 days before", "HISER_MARKETING", null, null, "activity.priorApplicationDate", "2025-02-01"),
                a("T10 Art. 26(1): marketing application 29 days before", "HISER_MARKETING", "LEAD_TIME_MISSED", "Art. 26(1)", "activity.priorApplicationDate", "2025-02-02"),
                a("T11 Art. 27(2): training added 15 days before", "HISER_PAYMENT", null, null, "activity.subtype", "TRAINING", "activity.priorApplicationDate", "2025-02-16"),
                a("T11 Art. 27(2): training added 14 days before", "HISER_PAYMENT", "LEAD_TIME_MISSED", "Art. 27(2)", "activity.subtype", "TRAINING", "activity.priorApplicationDate", "2025-02-17"),
                a("T12 Art. 27(2): marketing added 30 days before", "HISER_PAYMENT", null, null, "activity.subtype", "FOREIGN", "activity.priorApplicationDate", "2025-02-01"),
                a("T12 Art. 27(2): marketing added 29 days before", "HISER_PAYMENT", "LEAD_TIME_MISSED", "Art. 27(2)", "activity.subtype", "DOMESTIC", "activity.priorApplicationDate", "2025-02-02"),
                a("T17 Art. 30(1): competition pre-approval 1 month before", "COMPETITION_EVENT", null, null, "activity.priorApplicationDate", "2025-02-03"),
                a("T17 Art. 30(1): competition pre-approval a day late", "COMPETITION_EVENT", "LEAD_TIME_MISSED", "Art. 30(1)", "activity.priorApplicationDate", "2025-02-04"),
                a("T18 Art. 32(1): national participation pre-approval 1 month before", "NATIONAL_PARTICIPATION", null, null, "activity.priorApplicationDate", "2025-02-03"),
                a("T18 Art. 32(1): national participation pre-approval a day late", "NATIONAL_PARTICIPATION", "LEAD_TIME_MISSED", "Art. 32(1)", "activity.priorApplicationDate", "2025-02-04"),
                a("T19 Art. 8(5): paid in month 48 (February 2025 from March 2021)", "ADVERTISING", null, null, "activity.firstSupportedMonth", "2021-03", "expense.paymentDate", "2025-02-28", "activity.countries", java.util.List.of("DE")),
                a("T19 Art. 8(5): paid in month 49", "ADVERTISING", "SUPPORT_PERIOD_ENDED", "Art. 8(5), 9(10), 11(3), 12(4), 13(4), 18(3), 29(2)", "activity.firstSupportedMonth", "2021-03", "expense.paymentDate", "2025-03-01"),
                a("T19 Art. 29(2): coop foreign unit has the 48-month period", "COOP_FOREIGN_OFFICE", "SUPPORT_PERIOD_ENDED", "Art. 8(5), 9(10), 11(3), 12(4), 13(4), 18(3), 29(2)", "activity.firstSupportedMonth", "2021-03"),
                a("T20 Art. 29(1): coop advertising has no 48-month period", "COOP_ADVERTISING", null, null, "activity.firstSupportedMonth", "2015-01"),
                a("T21 Art. 22(3): paid on the last day of the 36 months", "HISER_PAYMENT", null, null, "activity.projectStart", "2022-03-11"),
                a("T21 Art. 22(3): paid the day after the 36 months", "HISER_PAYMENT", "PROJECT_PERIOD_ENDED", "Art. 22(3)", "activity.projectStart", "2022-03-10"),
                a("T24 Art. 6(2): bought on the report's second anniversary", "MARKET_REPORT", null, null, "expense.reportPublicationDate", "2023-03-10"),
                a("T24 Art. 6(2): bought the day after", "MARKET_REPORT", "REPORT_TOO_OLD", "Art. 6(2)", "expense.reportPublicationDate", "2023-03-09"),
                a("T27 Art. 13(2): admitted on day 7 after entry", "PATIENT_TRAVEL", null, null, "expense.patientEntryDate", "2025-02-23"),
                a("T27 Art. 13(2): admitted on day 8 after entry", "PATIENT_TRAVEL", "ADMISSION_LATE", "Art. 13(2)", "expense.patientEntryDate", "2025-02-22"),
                a("T28 Art. 31(2): departure 5 days before the fair", "INDIVIDUAL_FAIR_PARTICIPATION", null, null, "expense.kind", "TRANSPORT", "expense.departureDate", "2025-02-26"),
                a("T28 Art. 31(2): departure 6 days before the fair", "INDIVIDUAL_FAIR_PARTICIPATION", "TRAVEL_WINDOW", "Art. 31(2), 32(6)", "expense.kind", "TRANSPORT", "expense.departureDate", "2025-02-25"),
                a("T29 Art. 32(6): return 5 days after the fair", "NATIONAL_PARTICIPATION", null, null, "expense.kind", "TRANSPORT", "expense.returnDate", "2025-03-12"),
                a("T29 Art. 32(6): return 6 days after the fair", "NATIONAL_PARTICIPATION", "TRAVEL_WINDOW", "Art. 31(2), 32(6)", "expense.kind", "TRANSPORT", "expense.returnDate", "2025-03-13"),
                a("T30 Art. 31(3): two fairs, departure 6 days before fair 1", "INDIVIDUAL_FAIR_PARTICIPATION", "TRAVEL_WINDOW", "Art. 31(3)", "expense.kind", "TRANSPORT", "activity.secondFairEnd", "2025-03-14", "expense.departureDate", "2025-02-25"),
                a("T32 Art. 31(3): two fairs, home 5 days after fair 2", "INDIVIDUAL_FAIR_PARTICIPATION", null, null, "expense.kind", "TRANSPORT", "activity.secondFairEnd", "2025-03-14", "expense.returnDate", "2025-03-19"),
                a("T32 Art. 31(3): two fairs, home 6 days after fair 2", "INDIVIDUAL_FAIR_PARTICIPATION", "TRAVEL_WINDOW", "Art. 31(3)", "expense.kind", "TRANSPORT", "activity.secondFairEnd", "2025-03-14", "expense.returnDate", "2025-03-20"),
                a("T43 Art. 34(2): delegation claim on the anniversary of its end", "TRADE_DELEGATION", null, null, "filingDate", "2026-03-07"),
                a("T43 Art. 34(2): delegation claim the day after", "TRADE_DELEGATION", "DEADLINE_MISSED", "Art. 34(2)", "filingDate", "2026-03-08"),
                a("T44 Art. 34(2): patient travel claim a year after registration", "PATIENT_TRAVEL", null, null, "filingDate", "2026-03-02"),
                a("T44 Art. 34(2): patient travel claim a day later", "PATIENT_TRAVEL", "DEADLINE_MISSED", "Art. 34(2)", "filingDate", "2026-03-03"),
                a("T45 Art. 34(2): film advertising a year after release", "FILM_ADVERTISING", null, null, "filingDate", "2026-03-01"),
                a("T45 Art. 34(2): film advertising a day later", "FILM_ADVERTISING", "DEADLINE_MISSED", "Art. 34(2)", "filingDate", "2026-03-02"),
                a("T46 Art. 34(3): coop foreign unit a year after payment", "COOP_FOREIGN_OFFICE", null, null, "filingDate", "2026-03-10"),
                a("T46 Art. 34(3): coop foreign unit a day later", "COOP_FOREIGN_OFFICE", "DEADLINE_MISSED", "Art. 34(3)", "filingDate", "2026-03-11"),
                a("T42 Art. 34(1): game commission a day late", "GAME_APP_COMMISSION", "DEADLINE_MISSED", "Art. 34(1)", "filingDate", "2026-03-11"));
    }

    private static Arguments a(String name, String item, String code, String article, Object... facts) {
        return Arguments.of(name, item, code, article, facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void line_shouldPassOrFailTheTimeRule(String name, String item, String code, String article, Object[] facts) {
        Quote q = Claims.quote(item, facts);
        Quote.Line line = q.lines().get(0);
        if (code == null) {
            assertThat(line.rejections()).as(line.trace().toString()).isEmpty();
            assertThat(line.support()).isPositive();
        } else {
            assertThat(line.rejections()).as(line.trace().toString()).contains(new Quote.Rejection(code, article));
            assertThat(line.support()).isEqualByComparingTo("0");
        }
    }
}
