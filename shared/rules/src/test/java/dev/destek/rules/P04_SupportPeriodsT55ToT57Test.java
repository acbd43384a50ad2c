package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S0 P§04 "DESTEK SÜRELERİ" (Decree 2564): TURQUALITY® 5 years + 5 years per target market (T55), Brand programme
 * 4 years (T56), cooperation organisations' TURQUALITY® projects 1–4 years (T57). DOMAIN §0: an N-year period from
 * the start S ends before S + N years, so its last day is S + N years − 1 day.
 */
class P04_SupportPeriodsT55ToT57Test {
    private static final Rules RULES = Requests.withMadrid();
    private static final LocalDate TODAY = LocalDate.parse("2026-01-01");

    static QuoteRequest request(QuoteRequest.Activity activity, String... paymentDates) {
        List<QuoteRequest.Expense> lines = new java.util.ArrayList<>();
        for (int i = 0; i < paymentDates.length; i++) {
            lines.add(P06_YldaQuoteTest.line("E" + i, "ADVERTISING", "1000.00", "TRY", paymentDates[i], null, null));
        }
        return new QuoteRequest("DECREE_2564", "ADVERTISING", Requests.deckBeneficiary(null), activity,
                LocalDate.parse("2025-01-15"), lines);
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of("P§04 T56 Brand programme: 4 years from 2024-11-01, last day 2028-10-31",
                        Requests.track("BRAND", "2024-11-01", null, null), "T56", "2028-10-31", "SUPPORT_PERIOD_ENDED"),
                Arguments.of("P§04 T55 TURQUALITY with no target market: 5 years, last day 2029-10-31",
                        Requests.track("TURQUALITY", "2024-11-01", 0, null), "T55", "2029-10-31",
                        "SUPPORT_PERIOD_ENDED"),
                Arguments.of("P§04 T55 TURQUALITY with 2 target markets: 5 + 2 x 5 = 15 years, last day 2039-10-31",
                        Requests.track("TURQUALITY", "2024-11-01", 2, null), "T55", "2039-10-31",
                        "SUPPORT_PERIOD_ENDED"),
                Arguments.of("P§04 T57 cooperation project of 1 year, last day 2025-10-31",
                        Requests.track("COOPERATION_PROJECT", "2024-11-01", null, 1), "T57", "2025-10-31",
                        "PROJECT_PERIOD_ENDED"),
                Arguments.of("P§04 T57 cooperation project of 4 years from a leap day, last day 2028-02-28",
                        Requests.track("COOPERATION_PROJECT", "2024-02-29", null, 4), "T57", "2028-02-28",
                        "PROJECT_PERIOD_ENDED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void p04_supportPeriod_shouldBeADeadline_andRejectLinesPaidAfterIt(String name, QuoteRequest.Activity activity,
                                                                      String rule, String lastDay, String code) {
        LocalDate last = LocalDate.parse(lastDay);
        List<Deadline> d = RULES.deadlines(request(activity), TODAY);

        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo(rule);
            assertThat(x.article()).isEqualTo("P§04 (S0)");
            assertThat(x.date()).isEqualTo(last);
            assertThat(x.kind()).isEqualTo("LATEST");
            assertThat(x.trigger()).isEqualTo("PROGRAMME_START");
            assertThat(x.consequence()).contains("not supported");
        });

        Quote q = RULES.quote(request(activity, lastDay, last.plusDays(1).toString()));

        assertThat(q.lines().get(0).rejections()).as(q.lines().get(0).trace().toString()).isEmpty();
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("500.00");
        assertThat(q.lines().get(1).rejections()).containsExactly(new Quote.Rejection(code, "P§04 (S0)"));
        assertThat(q.lines().get(1).support()).isEqualByComparingTo("0.00");
        assertThat(q.lines().get(1).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo(rule);
            assertThat(s.inputs()).containsEntry("lastDay", lastDay)
                    .containsEntry("paymentDate", last.plusDays(1).toString());
        });
    }

    @Test
    void p04_jsonActivity_shouldCarryTheTrackStartAndCount() throws Exception {
        QuoteRequest.Activity a = Claims.JSON.readValue("""
                {"programmeTrack": "TURQUALITY", "programmeStart": "2024-11-01", "targetMarkets": 1}
                """, QuoteRequest.Activity.class);

        assertThat(RULES.deadlines(request(a), TODAY)).extracting(Deadline::ruleId, Deadline::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T55", LocalDate.parse("2034-10-31")));
    }

    @Test
    void p04_deadlineStatus_shouldFollowToday() {
        QuoteRequest r = request(Requests.track("BRAND", "2021-01-01", null, null));

        assertThat(RULES.deadlines(r, LocalDate.parse("2025-01-01")).get(0).status()).isEqualTo(Deadline.Status.MISSED);
        assertThat(RULES.deadlines(r, LocalDate.parse("2024-12-30")).get(0).status())
                .isEqualTo(Deadline.Status.DUE_SOON);
        assertThat(RULES.deadlines(r, LocalDate.parse("2024-06-01")).get(0).status()).isEqualTo(Deadline.Status.OPEN);
    }

    @Test
    void p04_deadlinesWithoutTheFacts_shouldBeEmpty_butAQuoteNeedsThem() {
        QuoteRequest noTrack = request(null, "2025-01-02");

        assertThat(RULES.deadlines(noTrack, TODAY)).isEmpty();
        assertThatThrownBy(() -> RULES.quote(noTrack)).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/activity/programmeTrack");
        assertThatThrownBy(() -> RULES.quote(request(Requests.track("BRAND", null, null, null), "2025-01-02")))
                .hasMessageContaining("/activity/programmeStart").hasMessageContaining("T56");
        assertThatThrownBy(() -> RULES.quote(request(Requests.track("TURQUALITY", "2024-11-01", null, null),
                "2025-01-02"))).hasMessageContaining("/activity/targetMarkets");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Requests.track("GOLD", "2024-11-01", null, null), "/activity/programmeTrack",
                        "expected one of [TURQUALITY, BRAND, COOPERATION_PROJECT]"),
                Arguments.of(Requests.track("TURQUALITY", "2024-11-01", -1, null), "/activity/targetMarkets",
                        "expected 0 or more"),
                Arguments.of(Requests.track("COOPERATION_PROJECT", "2024-11-01", null, 0), "/activity/projectYears",
                        "expected 1..4"),
                Arguments.of(Requests.track("COOPERATION_PROJECT", "2024-11-01", null, 5), "/activity/projectYears",
                        "expected 1..4"));
    }

    @ParameterizedTest(name = "P§04 invalid → {1}")
    @MethodSource("invalid")
    void p04_malformedFacts_shouldBeRequestErrors_forQuotesAndDeadlines(QuoteRequest.Activity activity,
                                                                        String pointer, String reason) {
        assertThatThrownBy(() -> RULES.quote(request(activity, "2025-01-02")))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining(pointer).hasMessageContaining(reason);
        assertThatThrownBy(() -> RULES.deadlines(request(activity), TODAY))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining(pointer);
    }

    @Test
    void p04_catalogue_shouldListT55ToT57AsDatedRulesOfTheDeck() {
        assertThat(RULES.catalogue().timeRules()).filteredOn(t -> List.of("T55", "T56", "T57").contains(t.id()))
                .extracting(CatalogueView.TimeRule::id, CatalogueView.TimeRule::offset,
                        CatalogueView.TimeRule::scale, CatalogueView.TimeRule::rejection,
                        CatalogueView.TimeRule::effectiveFrom)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("T55", "P5Y", "+ P5Y x TARGET_MARKETS (0..)", "SUPPORT_PERIOD_ENDED",
                                LocalDate.parse("2024-11-01")),
                        org.assertj.core.groups.Tuple.tuple("T56", "P4Y", null, "SUPPORT_PERIOD_ENDED",
                                LocalDate.parse("2024-11-01")),
                        org.assertj.core.groups.Tuple.tuple("T57", "P0D", "+ P1Y x PROJECT_YEARS (1..4)", "PROJECT_PERIOD_ENDED",
                                LocalDate.parse("2024-11-01")));
    }
}
