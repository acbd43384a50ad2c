package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dated time rule of DOMAIN §4.1 through {@link Rules#deadlines}: the boundary day for a trigger date
 * (month-end clamping and leap days, DOMAIN §0) and the status on the day before, the day of and the day after.
 */
class TimeRulesT01ToT59Test {
    private static final Rules RULES = Claims.RULES;

    /** name, rule id, item, fact path, fact value, expected boundary, kind (extra path/value pairs optional). */
    static Stream<Arguments> dated() {
        return Stream.of(
                c("T01 Art. 6(1): spending only after the pre-approval day", "T01", "MARKET_REPORT", "activity.preApprovalDate", "2025-01-31", "2025-02-01", "EARLIEST"),
                c("T02 Art. 10(1): consultancy spending after the pre-approval day", "T02", "CONSULTANCY", "activity.preApprovalDate", "2024-02-28", "2024-02-29", "EARLIEST"),
                c("T03 Art. 14(1): pre-notification before the event starts", "T03", "DOMESTIC_PROMOTION", "activity.start", "2025-03-01", "2025-02-28", "LATEST"),
                c("T04 Art. 18(1): development costs after the approved project start", "T04", "GAME_APP_DEVELOPMENT", "activity.projectStart", "2024-12-31", "2025-01-01", "EARLIEST"),
                c("T05 Art. 21(1): 2 months before a 31 March start is 31 January", "T05", "TRADE_DELEGATION", "activity.start", "2025-03-31", "2025-01-31", "LATEST"),
                c("T05 Art. 21(1): 2 months before 30 April clamps to 28 February", "T05", "TRADE_DELEGATION", "activity.start", "2025-04-30", "2025-02-28", "LATEST"),
                c("T06 Art. 21(1): evaluation 1 month before 31 March is 28 February", "T06", "TRADE_DELEGATION", "activity.start", "2025-03-31", "2025-02-28", "LATEST"),
                c("T08 Art. 22(1): 2 months before 29 April 2024 is the leap day", "T08", "HISER_PROJECT", "activity.start", "2024-04-29", "2024-02-29", "LATEST"),
                c("T09 Art. 24(1): 15 days before the training", "T09", "HISER_TRAINING_CONSULTANCY", "activity.start", "2025-03-01", "2025-02-14", "LATEST"),
                c("T10 Art. 26(1): 30 days before the marketing programme", "T10", "HISER_MARKETING", "activity.start", "2025-03-01", "2025-01-30", "LATEST"),
                Arguments.of("T11 Art. 27(2): adding training 15 days before", "T11", "HISER_PAYMENT", new Object[] {"activity.start", "2025-03-01", "activity.subtype", "TRAINING"}, "2025-02-14", "LATEST"),
                Arguments.of("T12 Art. 27(2): adding marketing 30 days before", "T12", "HISER_PAYMENT", new Object[] {"activity.start", "2025-03-01", "activity.subtype", "FOREIGN"}, "2025-01-30", "LATEST"),
                c("T13 Art. 27(3): participant list changed before the start", "T13", "HISER_MARKETING", "activity.start", "2024-03-01", "2024-02-29", "LATEST"),
                c("T14 Art. 27(3): other marketing changes 7 days before", "T14", "HISER_MARKETING", "activity.start", "2025-03-01", "2025-02-22", "LATEST"),
                c("T15 Art. 27(3): changes to other approved activities 7 days before", "T15", "HISER_NEEDS_ANALYSIS", "activity.start", "2025-03-05", "2025-02-26", "LATEST"),
                c("T16 Art. 27(6): new beneficiaries until the first training starts", "T16", "HISER_PROJECT", "activity.firstTrainingStart", "2025-05-05", "2025-05-05", "LATEST"),
                c("T17 Art. 30(1): 1 month before 31 March is 28 February", "T17", "COMPETITION_EVENT", "activity.start", "2025-03-31", "2025-02-28", "LATEST"),
                c("T18 Art. 32(1): 1 month before 30 March 2024 is the leap day", "T18", "NATIONAL_PARTICIPATION", "activity.start", "2024-03-30", "2024-02-29", "LATEST"),
                c("T19 Art. 8(5): 48 months from March 2021 end on 28 February 2025", "T19", "ADVERTISING", "activity.firstSupportedMonth", "2021-03", "2025-02-28", "LATEST"),
                c("T19 Art. 9(10): 48 months from March 2020 end on 29 February 2024", "T19", "FOREIGN_OFFICE", "activity.firstSupportedMonth", "2020-03", "2024-02-29", "LATEST"),
                c("T21 Art. 22(3): 36 months from 15 January 2022 end on 14 January 2025", "T21", "HISER_PAYMENT", "activity.projectStart", "2022-01-15", "2025-01-14", "LATEST"),
                c("T24 Art. 6(2): a report published on the leap day may be bought until 28 February 2026", "T24", "MARKET_REPORT", "expense.reportPublicationDate", "2024-02-29", "2026-02-28", "LATEST"),
                c("T27 Art. 13(2): admission within 7 days of entry", "T27", "PATIENT_TRAVEL", "expense.patientEntryDate", "2025-01-28", "2025-02-04", "LATEST"),
                c("T28 Art. 31(2): departure no earlier than 5 days before the fair", "T28", "INDIVIDUAL_FAIR_PARTICIPATION", "activity.start", "2025-03-03", "2025-02-26", "EARLIEST"),
                c("T29 Art. 31(2): return no later than 5 days after the fair", "T29", "INDIVIDUAL_FAIR_PARTICIPATION", "activity.end", "2025-02-27", "2025-03-04", "LATEST"),
                c2("T30 Art. 31(3): two fairs, departure to fair 1", "T30", "INDIVIDUAL_FAIR_PARTICIPATION", "activity.start", "2024-03-03", "2024-02-27", "EARLIEST"),
                c2("T31 Art. 31(3): two fairs, on to fair 2 within 5 days of fair 1's end", "T31", "NATIONAL_PARTICIPATION", "activity.end", "2024-02-26", "2024-03-02", "LATEST"),
                c("T32 Art. 31(3): two fairs, home within 5 days of fair 2's end", "T32", "INDIVIDUAL_FAIR_PARTICIPATION", "activity.secondFairEnd", "2025-03-10", "2025-03-15", "LATEST"),
                c("T35 Art. 9(7): address change within 1 month of closing on 31 January", "T35", "FOREIGN_OFFICE", "activity.unitClosureDate", "2025-01-31", "2025-02-28", "LATEST"),
                c("T36 Art. 9(8): ownership change notice within 3 months of 30 November", "T36", "FOREIGN_OFFICE", "activity.ownershipChangeDate", "2024-11-30", "2025-02-28", "LATEST"),
                c("T37 Art. 9(9): closure notice within 1 month", "T37", "COOP_FOREIGN_OFFICE", "activity.unitClosureDate", "2024-01-31", "2024-02-29", "LATEST"),
                c("T39 Art. 25(2): language exam no earlier than 2 years before the application", "T39", "HISER_EMPLOYMENT", "filingDate", "2024-02-29", "2022-02-28", "EARLIEST"),
                c("T41 Art. 32(4): organiser ban of 2 years from a leap-day cancellation", "T41", "NATIONAL_PARTICIPATION", "activity.authorisationCancelledDate", "2024-02-29", "2026-02-28", "EARLIEST"),
                c("T42 Art. 34(1): claim within 1 year of a leap-day payment", "T42", "ADVERTISING", "expense.paymentDate", "2024-02-29", "2025-02-28", "LATEST"),
                c("T43 Art. 34(2): claim within 1 year of the delegation's end", "T43", "TRADE_DELEGATION", "activity.end", "2025-01-31", "2026-01-31", "LATEST"),
                c("T44 Art. 34(2): claim within 1 year of the patient's registration", "T44", "PATIENT_TRAVEL", "expense.patientRegistrationDate", "2025-02-04", "2026-02-04", "LATEST"),
                c("T45 Art. 34(2): claim within 1 year of the film's release", "T45", "FILM_ADVERTISING", "activity.filmReleaseDate", "2024-02-29", "2025-02-28", "LATEST"),
                c("T46 Art. 34(3): foreign unit claim within 1 year of payment", "T46", "FOREIGN_OFFICE", "expense.paymentDate", "2025-01-31", "2026-01-31", "LATEST"),
                c("T47 Art. 34(4): claim within 1 year of the certificate's issue", "T47", "CERTIFICATION", "expense.documentIssueDate", "2024-02-29", "2025-02-28", "LATEST"),
                Arguments.of("T48 Art. 34(4): brand protection runs from the payment document", "T48",
                        "BRAND_REGISTRATION_PROTECTION", new Object[] {"expense.kind", "PROTECTION_LEGAL",
                                "expense.paymentDate", "2025-03-15"}, "2026-03-15", "LATEST"));
    }

    private static Arguments c(String name, String rule, String item, String path, String value, String date,
                               String kind) {
        return Arguments.of(name, rule, item, new Object[] {path, value}, date, kind);
    }

    private static Arguments c2(String name, String rule, String item, String path, String value, String date,
                                String kind) {
        return Arguments.of(name, rule, item, new Object[] {path, value, "activity.secondFairEnd", "2024-03-10"},
                date, kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dated")
    void deadline_shouldFallOnTheBoundaryDay_withStatusOnBothSides(String name, String rule, String item,
                                                                   Object[] facts, String date, String kind) {
        LocalDate boundary = LocalDate.parse(date);
        QuoteRequest request = Claims.claim(item, facts);

        Deadline d = find(RULES.deadlines(request, boundary), rule);

        assertThat(d.date()).as(name).isEqualTo(boundary);
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.article()).startsWith("Art. ");
        if (kind.equals("LATEST")) {
            assertThat(find(RULES.deadlines(request, boundary.minusDays(8)), rule).status())
                    .isEqualTo(Deadline.Status.OPEN);
            assertThat(find(RULES.deadlines(request, boundary.minusDays(7)), rule).status())
                    .isEqualTo(Deadline.Status.DUE_SOON);
            assertThat(d.status()).isEqualTo(Deadline.Status.DUE_SOON);
            assertThat(find(RULES.deadlines(request, boundary.plusDays(1)), rule).status())
                    .isEqualTo(Deadline.Status.MISSED);
        } else {
            assertThat(find(RULES.deadlines(request, boundary.minusDays(1)), rule).status())
                    .isEqualTo(Deadline.Status.NOT_YET);
            assertThat(d.status()).isEqualTo(Deadline.Status.OPEN);
        }
    }

    private static Deadline find(List<Deadline> deadlines, String rule) {
        List<Deadline> found = deadlines.stream().filter(d -> d.ruleId().equals(rule)).collect(Collectors.toList());
        assertThat(found).as(rule + " in " + deadlines).isNotEmpty();
        return found.get(0);
    }

    @Test
    void t07_art21_2_ministryOrganisedDelegation_hasNoLeadTimeDeadlines() {
        QuoteRequest request = Claims.claim("TRADE_DELEGATION", "activity.ministryOrganised", true);
        assertThat(RULES.deadlines(request, LocalDate.parse("2025-01-01"))).extracting(Deadline::ruleId)
                .doesNotContain("T05", "T06").contains("T43");
    }

    @Test
    void t20_art29_1_coopAdvertising_hasNo48MonthPeriod() {
        QuoteRequest request = Claims.claim("COOP_ADVERTISING", "activity.firstSupportedMonth", "2021-03");
        assertThat(RULES.deadlines(request, LocalDate.parse("2025-01-01"))).extracting(Deadline::ruleId)
                .doesNotContain("T19").contains("T42");
    }

    @Test
    void t28_t29_art31_2_oneFair_andT30_T32_art31_3_twoFairs_exclude_eachOther() {
        LocalDate today = LocalDate.parse("2025-01-01");
        assertThat(RULES.deadlines(Claims.claim("INDIVIDUAL_FAIR_PARTICIPATION"), today)).extracting(Deadline::ruleId)
                .contains("T28", "T29").doesNotContain("T30", "T31", "T32");
        assertThat(RULES.deadlines(Claims.claim("INDIVIDUAL_FAIR_PARTICIPATION", "activity.secondFairEnd",
                "2025-03-12"), today)).extracting(Deadline::ruleId).contains("T30", "T31", "T32")
                .doesNotContain("T28", "T29");
    }

    @Test
    void t47_t48_art34_4_brand_registrationAndProtectionLines_runFromDifferentTriggers() {
        QuoteRequest request = new QuoteRequest("DECREE_2015_8", "BRAND_REGISTRATION_PROTECTION",
                Requests.beneficiary("IT", null), Requests.activity("DE"), LocalDate.parse("2025-06-01"), List.of(
                new QuoteRequest.Expense("REG", "REGISTRATION", new java.math.BigDecimal("100.00"), "USD",
                        LocalDate.parse("2024-01-10"), LocalDate.parse("2024-05-02")),
                new QuoteRequest.Expense("PROT", "PROTECTION_LEGAL", new java.math.BigDecimal("100.00"), "USD",
                        LocalDate.parse("2024-03-01"), null)));
        List<Deadline> d = RULES.deadlines(request, LocalDate.parse("2025-01-01"));
        assertThat(d).filteredOn(x -> x.ruleId().equals("T47")).extracting(Deadline::subject, Deadline::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REG", LocalDate.parse("2025-05-02")));
        assertThat(d).filteredOn(x -> x.ruleId().equals("T48")).extracting(Deadline::subject, Deadline::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROT", LocalDate.parse("2025-03-01")));
    }

    @Test
    void art34_deadlines_shouldBeSortedByDate_andNeverBeforeTheirTrigger_forAfterRules() {
        List<Deadline> d = RULES.deadlines(Claims.claim("PATIENT_TRAVEL", "activity.firstSupportedMonth", "2024-01"),
                LocalDate.parse("2025-01-01"));
        assertThat(d).extracting(Deadline::date).isSorted();
        assertThat(d).filteredOn(x -> x.kind().equals("LATEST") && !x.ruleId().equals("T03"))
                .allSatisfy(x -> assertThat(x.date()).isAfterOrEqualTo(x.triggerDate()));
    }

    /** Rules that are not dated (counts, lengths, FX dates, information): listed with their article, no deadline. */
    static Stream<Arguments> listedOnly() {
        return Stream.of(
                Arguments.of("T07", "Art. 21(2)"), Arguments.of("T20", "Art. 29(1)"), Arguments.of("T22", "Art. 21(1)"),
                Arguments.of("T23", "Art. 14(4)"), Arguments.of("T25", "Art. 12(1), 17(1)"),
                Arguments.of("T26", "Art. 27(1)"), Arguments.of("T33", "Art. 9(4)"), Arguments.of("T34", "Art. 9(5)"),
                Arguments.of("T38", "Art. 9(2), 2(1)"), Arguments.of("T40", "Art. 21(5)"),
                Arguments.of("T49", "Art. 36(2)"), Arguments.of("T50", "Art. 36(3)"), Arguments.of("T51", "Art. 36(4)"),
                Arguments.of("T52", "Art. 34(6)"), Arguments.of("T53", "Art. 28(1)"), Arguments.of("T54", "P§08 (S0)"),
                // T55-T57 (P§04) are dated since the deck's support periods became deadlines: P04_SupportPeriodsT55ToT57Test
                Arguments.of("T58", "P§06 (S0)"), Arguments.of("T59", "P§01 (S0)"));
    }

    @ParameterizedTest(name = "{0} {1}: listed in the catalogue, never a dated deadline")
    @MethodSource("listedOnly")
    void undatedRule_shouldBeListedWithItsArticle(String rule, String article) {
        CatalogueView.TimeRule t = RULES.catalogue().timeRules().stream().filter(x -> x.id().equals(rule))
                .findFirst().orElseThrow();
        assertThat(t.article()).isEqualTo(article);
        assertThat(t.direction()).isEqualTo("NONE");
        // the circular's rules date from Decree 2015/8 (02/06/2015); the deck's (S0) from the deck, November 2024
        assertThat(t.effectiveFrom()).isEqualTo(LocalDate.parse(article.contains("(S0)") ? "2024-11-01"
                : "2015-06-02"));
    }

    @Test
    void catalogue_shouldHoldEveryTimeRuleT01ToT59_inOrder() {
        assertThat(RULES.catalogue().timeRules()).extracting(CatalogueView.TimeRule::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 59).mapToObj(i -> String.format("T%02d", i))
                        .collect(Collectors.toList()));
    }
}
