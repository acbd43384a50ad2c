package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S0 P§03–P§07: every item of the deck's programmes, transcribed from the slides (not from the data), with the rate
 * the slide prints ("50" = %50, "50-75" = a range, "-" = none, "step" = the 5449 step-down), and what a quote of
 * 1000.00 TRY paid on 2024-11-01 gives with the shipped configuration.
 */
class P03_P07_DeckProgrammesTest {
    private static final Rules DECK = Requests.withMadrid();

    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("P§03 DECREE_5448.REGISTRATION_PROTECTION", "50-75"),
                Arguments.of("P§03 DECREE_5448.MARKET_ENTRY_DOCUMENTS", "50-75"),
                Arguments.of("P§03 DECREE_5448.AGENCY_COMMISSION", "50-75"),
                Arguments.of("P§03 DECREE_5448.ADVERTISING", "50-75"),
                Arguments.of("P§03 DECREE_5448.UNIT", "50-75"),
                Arguments.of("P§03 DECREE_5448.FOREIGN_EVENT_PARTICIPATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.NATIONAL_PARTICIPATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.DOMESTIC_EVENT_PARTICIPATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.HISER_PROJECT", "50-75"),
                Arguments.of("P§03 DECREE_5448.VIRTUAL_FAIR_ORGANISATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.PRODUCT_PLACEMENT", "50-75"),
                Arguments.of("P§03 DECREE_5448.COMPETITION_EVENT", "50-75"),
                Arguments.of("P§03 DECREE_5448.SECTORAL_TRADE_DELEGATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.SECTORAL_PURCHASING_DELEGATION", "50-75"),
                Arguments.of("P§03 DECREE_5448.INTL_STUDENT_OFFICE", "-"),
                Arguments.of("P§03 DECREE_5448.ACADEMIC_EMPLOYMENT", "-"),
                Arguments.of("P§03 DECREE_5448.INTL_RANKING", "-"),
                Arguments.of("P§03 DECREE_5448.INTL_MEMBERSHIP", "-"),
                Arguments.of("P§03 DECREE_5448.EDUCATION_REPORT", "-"),
                Arguments.of("P§03 DECREE_5448.EDUCATION_PROMOTION_DELEGATION", "-"),
                Arguments.of("P§03 DECREE_5448.COMPLICATION_TRAVEL_INSURANCE", "-"),
                Arguments.of("P§03 DECREE_5448.LANGUAGE_HEALTH_TOURISM_TRAINING", "-"),
                Arguments.of("P§03 DECREE_5448.TOURISM_DEVELOPMENT_PROMOTION", "-"),
                Arguments.of("P§03 DECREE_5448.PATIENT_TRAVEL", "-"),
                Arguments.of("P§03 DECREE_5448.ANTI_PIRACY", "-"),
                Arguments.of("P§03 DECREE_5448.DUBBING_SUBTITLES", "-"),
                Arguments.of("P§03 DECREE_5448.FILM_STUDIO", "-"),
                Arguments.of("P§03 DECREE_5448.FAIR_GROUND_CONSTRUCTION", "-"),
                Arguments.of("P§03 DECREE_5448.DOMESTIC_INTL_FAIR_ORGANISATION", "-"),
                Arguments.of("P§03 DECREE_5448.FOREIGN_FAIR_ORGANISATION", "-"),
                Arguments.of("P§04 DECREE_2564.REGISTRATION_ACCREDITATION_PROTECTION", "50"),
                Arguments.of("P§04 DECREE_2564.ADVERTISING", "50"),
                Arguments.of("P§04 DECREE_2564.FOREIGN_DOMESTIC_EVENTS", "50"),
                Arguments.of("P§04 DECREE_2564.FOREIGN_UNIT", "50"),
                Arguments.of("P§04 DECREE_2564.CERTIFICATION_LICENSING_TESTING", "50"),
                Arguments.of("P§04 DECREE_2564.CONSULTANCY", "50"),
                Arguments.of("P§04 DECREE_2564.REPORT", "50"),
                Arguments.of("P§04 DECREE_2564.EMPLOYMENT", "50"),
                Arguments.of("P§04 DECREE_2564.AGENCY_COMMISSION", "50"),
                Arguments.of("P§04 DECREE_2564.INTL_MEMBERSHIP", "50"),
                Arguments.of("P§04 DECREE_2564.PRODUCT_SERVICE_PLACEMENT", "50"),
                Arguments.of("P§05 DECREE_5447.TECHNO_ACCELERATOR_EXPORT_PROJECTS", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_REGISTRATION_PROTECTION", "50-70"),
                Arguments.of("P§05 DECREE_5447.REPORT_DATA_ANALYSIS", "50-70"),
                Arguments.of("P§05 DECREE_5447.CERTIFICATION", "50-70"),
                Arguments.of("P§05 DECREE_5447.OVERSEAS_SEARCH", "50-70"),
                Arguments.of("P§05 DECREE_5447.ECOMMERCE_MEMBERSHIP", "50-70"),
                Arguments.of("P§05 DECREE_5447.DEVELOPMENT_EMPLOYMENT", "50-70"),
                Arguments.of("P§05 DECREE_5447.RENTAL", "50-70"),
                Arguments.of("P§05 DECREE_5447.MARKET_ENTRY", "50-70"),
                Arguments.of("P§05 DECREE_5447.HISER", "50-70"),
                Arguments.of("P§05 DECREE_5447.ADVERTISING", "50-70"),
                Arguments.of("P§05 DECREE_5447.PRODUCT_PLACEMENT", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_EVENT_INDIVIDUAL", "50-70"),
                Arguments.of("P§05 DECREE_5447.DOMESTIC_EVENT_INDIVIDUAL", "50-70"),
                Arguments.of("P§05 DECREE_5447.DOMESTIC_ORGANISATIONS", "50-70"),
                Arguments.of("P§05 DECREE_5447.TRADE_PURCHASING_DELEGATION", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_UNIT", "50-70"),
                Arguments.of("P§05 DECREE_5447.COMMISSION", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_EVENT_NATIONAL", "50-70"),
                Arguments.of("P§05 DECREE_5447.TECHNOLOGY_MARKETING_OFFICE", "50-70"),
                Arguments.of("P§05 DECREE_5447.STRATEGIC_BUSINESS_PLAN", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_TESTING", "50-70"),
                Arguments.of("P§05 DECREE_5447.DATA_CENTRE", "50-70"),
                Arguments.of("P§05 DECREE_5447.CONSULTANCY", "50-70"),
                Arguments.of("P§05 DECREE_5447.FOREIGN_TENDERS", "50-70"),
                Arguments.of("P§05 DECREE_5447.STAR_TECHNOLOGY_OFFICES", "50-70"),
                Arguments.of("P§05 DECREE_5447.HIGH_VALUE_CONTRACTOR_PROJECTS", "50-70"),
                Arguments.of("P§05 DECREE_5447.ACQUISITION_CONSULTANCY", "50-70"),
                Arguments.of("P§06 DECREE_5449.INITIAL_SETUP", "70"),
                Arguments.of("P§06 DECREE_5449.OPERATING_COSTS", "step"),
                Arguments.of("P§06 DECREE_5449.ADVERTISING", "50"),
                Arguments.of("P§06 DECREE_5449.EMPLOYMENT", "step"),
                Arguments.of("P§06 DECREE_5449.FREIGHT_EXCHANGE", "60"),
                Arguments.of("P§07 DECREE_2014_10.PROJECT", "50"),
                Arguments.of("P§07 DECREE_2014_10.FOREIGN_OFFICE", "50"),
                Arguments.of("P§07 DECREE_2014_10.ADVERTISING", "50"),
                Arguments.of("P§07 DECREE_2014_10.MARKET_RESEARCH", "50"),
                Arguments.of("P§07 DECREE_2014_10.FOREIGN_FAIR_PARTICIPATION", "50"),
                Arguments.of("P§07 DECREE_2014_10.SEMINAR_CONFERENCE_PARTICIPATION", "50"),
                Arguments.of("P§07 DECREE_2014_10.DELEGATION_PROGRAMME", "50"),
                Arguments.of("P§07 DECREE_2014_10.FOREIGN_TRAINING", "50"),
                Arguments.of("P§07 DECREE_2014_10.SOFTWARE", "50"),
                Arguments.of("P§07 DECREE_2014_10.PROFESSIONAL_LIABILITY_INSURANCE", "50"),
                Arguments.of("P§07 DECREE_2014_10.PROFESSIONAL_COMPETITIONS", "50"));
    }

    private static CatalogueView.ProgrammeItem find(String qualified) {
        String programme = qualified.substring(0, qualified.indexOf('.'));
        String item = qualified.substring(qualified.indexOf('.') + 1);
        CatalogueView.Programme p = Claims.RULES.catalogue().programmes().stream()
                .filter(x -> x.id().equals(programme)).findFirst().orElseThrow();
        return p.items().stream().filter(i -> i.id().equals(item)).findFirst().orElseThrow();
    }

    private static String id(String name) {
        return name.split(" ")[1];
    }

    @ParameterizedTest(name = "{0}: printed {1}")
    @MethodSource("items")
    void deckItem_shouldCarryThePrintedRate_andQuoteWithTheShippedConfiguration(String name, String printed) {
        String qualified = id(name);
        CatalogueView.ProgrammeItem item = find(qualified);
        String article = name.split(" ")[0];
        assertThat(item.article()).isEqualTo(article);
        assertThat(item.effectiveFrom()).isEqualTo("2024-11-01");
        assertThat(item.nameTr()).isNotBlank();
        assertThat(item.nameEn()).isNotBlank();

        String programme = qualified.substring(0, qualified.indexOf('.'));
        QuoteRequest request = new QuoteRequest(programme, item.id(),
                programme.equals("DECREE_5449") ? Requests.yldaPublicInstitution()
                        : Requests.deckBeneficiary(item.sectors().isEmpty() ? null : item.sectors().get(0)),
                programme.equals("DECREE_2564") ? Requests.track("TURQUALITY", "2024-11-01", 0, null)
                        : P06_YldaQuoteTest.activity(3, item.caps().stream().anyMatch(c -> "DOMESTIC".equals(
                                c.subtype())) ? "DOMESTIC" : null),
                LocalDate.parse("2025-01-15"),
                List.of(P06_YldaQuoteTest.line("E1", "ADVERTISING", "1000.00", "TRY", "2024-11-01", 1, "0.00")));
        Rules rules = DECK; // an applicant meeting P§04-P§06 eligibility, so the printed rate is what is tested
        switch (printed) {
            case "-":
                assertThat(item.printedRateMin()).isNull();
                assertThat(item.quotable()).isFalse();
                assertThatThrownBy(() -> rules.quote(request)).isInstanceOf(QuoteRequestException.class)
                        .hasMessageContaining("/supportItem").hasMessageContaining("no rate");
                return;
            case "step":
                assertThat(item.rateSteps()).extracting(CatalogueView.RateStep::rate)
                        .containsExactly(new BigDecimal("0.70"), new BigDecimal("0.50"));
                assertThat(item.rateSteps().get(0).toYear()).isEqualTo(2);
                assertThat(rules.quote(request).lines().get(0).ratePercent()).isEqualByComparingTo("50");
                return;
            default:
                String[] range = printed.split("-");
                BigDecimal min = new BigDecimal(range[0]).movePointLeft(2);
                BigDecimal max = new BigDecimal(range[range.length - 1]).movePointLeft(2);
                assertThat(item.printedRateMin()).isEqualByComparingTo(min);
                assertThat(item.printedRateMax()).isEqualByComparingTo(max);
                assertThat(item.quotable()).isTrue();
                Quote q = rules.quote(request);
                assertThat(q.lines().get(0).rejections()).as(q.lines().get(0).trace().toString()).isEmpty();
                // a range uses the shipped default, its lower bound (DECK_RATE_RANGE)
                assertThat(q.lines().get(0).ratePercent()).isEqualByComparingTo(min.movePointRight(2));
                assertThat(q.lines().get(0).support()).isEqualByComparingTo(new BigDecimal("1000.00").multiply(min));
                assertThat(item.rateSource()).contains(range.length > 1 ? "DEFAULT ASSUMED" : "printed");
        }
    }

    @Test
    void catalogue_shouldListExactlyTheItemsOfTheSlides() {
        List<String> listed = new ArrayList<>();
        for (CatalogueView.Programme p : Claims.RULES.catalogue().programmes()) {
            p.items().forEach(i -> listed.add(p.id() + "." + i.id()));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(items().map(a -> id((String) a.get()[0])).toList());
    }

    @Test
    void catalogue_shouldNameEachProgrammeWithItsSectionCurrencyAndDate() {
        assertThat(Claims.RULES.catalogue().programmes()).extracting(CatalogueView.Programme::id,
                CatalogueView.Programme::article, CatalogueView.Programme::currency).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DECREE_5448", "P§03", "TRY"),
                        org.assertj.core.groups.Tuple.tuple("DECREE_2564", "P§04", "TRY"),
                        org.assertj.core.groups.Tuple.tuple("DECREE_5447", "P§05", "TRY"),
                        org.assertj.core.groups.Tuple.tuple("DECREE_5449", "P§06", "TRY"),
                        org.assertj.core.groups.Tuple.tuple("DECREE_2014_10", "P§07", "TRY"));
        assertThat(Claims.RULES.catalogue().programmes()).allSatisfy(p -> {
            assertThat(p.effectiveFrom()).isEqualTo("2024-11-01");
            assertThat(p.currencySource()).contains(p.id().equals("DECREE_5449") ? "printed" : "CONFIG");
        });
    }

    @Test
    void p03_sectorItem_shouldRejectAnotherSector() {
        Rules rules = Requests.withConfig(tmp(), "c.yaml",
                "programmes: {DECREE_5448: {rates: {INTL_RANKING: [{from: 2024-11-01, value: 0.60}]}}}");
        QuoteRequest r = new QuoteRequest("DECREE_5448", "INTL_RANKING",
                new QuoteRequest.Applicant("BENEFICIARY", null, "FAIRS", null), null, LocalDate.parse("2025-01-15"),
                List.of(P06_YldaQuoteTest.line("E1", "REPORT", "1000.00", "TRY", "2024-12-01", null, null)));

        Quote q = rules.quote(r);

        assertThat(q.rejections()).containsExactly(new Quote.Rejection("SECTOR_NOT_ELIGIBLE", "P§03"));
        assertThat(q.totalSupport().amount()).isEqualByComparingTo("0.00");
    }

    private static java.nio.file.Path tmp() {
        try {
            return java.nio.file.Files.createTempDirectory("p03");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
