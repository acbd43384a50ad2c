package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every support item of Arts. 4–32 (DOMAIN §3): catalogue data, checklist, who may claim, a quote. */
class Arts4To32_SupportItemTest {
    private static final Rules RULES = Claims.RULES;
    private static final LocalDate ON = LocalDate.parse("2025-03-01");

    /** item, article, claim form, route, prior step kind (or null), wrong applicant (role, type, sector), code. */
    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("PRODUCT_REGISTRATION", "Art. 4", "EK-4", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "LOGISTICS", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("BRAND_REGISTRATION_PROTECTION", "Art. 5", "EK-5", "DP_GD", null, "BENEFICIARY", "IT_COMPANY", "PUBLISHING", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("MARKET_REPORT", "Art. 6", "EK-6", "KEP_RB", "PRE_APPROVAL", "BENEFICIARY", "IT_COMPANY", "MANAGEMENT_CONSULTING", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("CERTIFICATION", "Art. 7", "EK-7", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "MANAGEMENT_CONSULTING", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("ADVERTISING", "Art. 8", "EK-8", "KEP_RB", null, "COOPERATION_ORGANISATION", null, "IT", "APPLICANT_TYPE"),
                Arguments.of("FOREIGN_OFFICE", "Art. 9", "EK-9", "DP_GD", null, "BENEFICIARY", "IT_COMPANY", "LOGISTICS", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("CONSULTANCY", "Art. 10", "EK-10", "DP_GD", "PRE_APPROVAL", "BENEFICIARY", "IT_COMPANY", "MANAGEMENT_CONSULTING", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("AGENCY_COMMISSION", "Art. 11", "EK-11", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "MANAGEMENT_CONSULTING", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("INTERPRETER", "Art. 12", "EK-12", "KEP_RB", null, "EDUCATION_INSTITUTION", null, "EDUCATION", "APPLICANT_TYPE"),
                Arguments.of("PATIENT_TRAVEL", "Art. 13", "EK-13", "DP_GD", "PROTOCOL", "BENEFICIARY", null, "HEALTH_TOURISM", "APPLICANT_TYPE"),
                Arguments.of("DOMESTIC_PROMOTION", "Art. 14", "EK-14", "GD", "PRE_NOTIFICATION", "BENEFICIARY", null, "HEALTH_TOURISM", "APPLICANT_TYPE"),
                Arguments.of("GAME_APP_MARKET_ENTRY", "Art. 15", "EK-15", "KEP_RB", null, "BENEFICIARY", "FILM_PRODUCER", "IT", "APPLICANT_TYPE"),
                Arguments.of("FILM_MARKETING", "Art. 16", "EK-16", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "FILM", "APPLICANT_TYPE"),
                Arguments.of("GAME_APP_COMMISSION", "Art. 17", "EK-17", "KEP_RB", null, "BENEFICIARY", "ADVERTISER", "IT", "APPLICANT_TYPE"),
                Arguments.of("GAME_APP_DEVELOPMENT", "Art. 18", "EK-18", "KEP_RB", "PRE_APPROVAL", "BENEFICIARY", "FILM_PRODUCER", "IT", "APPLICANT_TYPE"),
                Arguments.of("FILM_STUDIO", "Art. 19", "EK-19", "KEP_RB", null, "BENEFICIARY", "FILM_PRODUCER", "FILM", "APPLICANT_TYPE"),
                Arguments.of("FILM_ADVERTISING", "Art. 20", "EK-20", "KEP_RB", null, "BENEFICIARY", "FILM_PRODUCER", "FILM", "APPLICANT_TYPE"),
                Arguments.of("TRADE_DELEGATION", "Art. 21", "EK-21E", "KEP_RB", "PRE_APPROVAL", "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_PROJECT", "Art. 22", "EK-22", "KEP_RB", "APPROVAL", null, null, null, null),
                Arguments.of("HISER_NEEDS_ANALYSIS", "Art. 23", "EK-27", "KEP_RB", "APPROVAL", "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_TRAINING_CONSULTANCY", "Art. 24", "EK-27", "KEP_RB", "APPROVAL", "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_EMPLOYMENT", "Art. 25", "EK-27", "KEP_RB", "APPROVAL", "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_MARKETING", "Art. 26", "EK-27", "KEP_RB", "APPROVAL", "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_PAYMENT", "Art. 27", "EK-27", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("HISER_MONITORING", "Art. 28", "EK-28", "KEP_RB", null, null, null, null, null),
                Arguments.of("COOP_MARKET_REPORT", "Art. 29(1)", "EK-6", "KEP_RB", "PRE_APPROVAL", "COOPERATION_ORGANISATION", null, "REAL_ESTATE", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("COOP_ADVERTISING", "Art. 29(1)", "EK-8", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("COOP_DOMESTIC_PROMOTION", "Art. 29(1)", "EK-14", "GD", "PRE_NOTIFICATION", "HEALTH_FACILITY", null, "IT", "APPLICANT_TYPE"),
                Arguments.of("COOP_FOREIGN_OFFICE", "Art. 29(2)", "EK-9", "DP_GD", null, "BENEFICIARY", "IT_COMPANY", "IT", "APPLICANT_TYPE"),
                Arguments.of("COMPETITION_EVENT", "Art. 30", "EK-30", "KEP_RB", "PRE_APPROVAL", "COOPERATION_ORGANISATION", null, "IT", "APPLICANT_TYPE"),
                Arguments.of("INDIVIDUAL_FAIR_PARTICIPATION", "Art. 31", "EK-31", "KEP_RB", null, "BENEFICIARY", "IT_COMPANY", "REAL_ESTATE", "SECTOR_NOT_ELIGIBLE"),
                Arguments.of("NATIONAL_PARTICIPATION", "Art. 32", "EK-32F / EK-32", "KEP_RB", "PRE_APPROVAL", "COOPERATION_ORGANISATION", null, "PUBLISHING", "SECTOR_NOT_ELIGIBLE"));
    }

    @ParameterizedTest(name = "{1} {0}: catalogue entry, form {2}, route {3}")
    @MethodSource("items")
    void item_shouldBeInTheCatalogueWithFormRouteAndPriorStep(String item, String article, String form, String route,
                                                              String prior) {
        SupportItem s = RULES.supportItem(item, ON).orElseThrow();
        assertThat(s.article()).isEqualTo(article);
        assertThat(s.claimForm()).isEqualTo(form);
        CatalogueView.Item c = RULES.catalogue().supportItems().stream().filter(x -> x.id().equals(item))
                .findFirst().orElseThrow();
        assertThat(c.route()).isEqualTo(route);
        assertThat(c.priorStep() == null ? null : c.priorStep().kind()).isEqualTo(prior);
        assertThat(c.applicants()).isNotNull();
        assertThat(c.applicants().article()).startsWith("Art. ");
    }

    @ParameterizedTest(name = "{1} {0}: checklist has the claim form and EK-3 once only (Art. 34(6))")
    @MethodSource("items")
    void checklist_shouldHoldTheClaimFormAndEk3(String item, String article, String form) {
        List<ChecklistEntry> first = RULES.checklist(item, ON, true);
        assertThat(first).extracting(ChecklistEntry::documentType).contains("EK_3", form.split(" ")[0].replace('-', '_'));
        assertThat(first).allSatisfy(e -> assertThat(e.article()).startsWith("Art. "));
        assertThat(RULES.checklist(item, ON, false)).filteredOn(e -> e.documentType().equals("EK_3"))
                .allSatisfy(e -> assertThat(e.required()).isFalse());
        assertThat(RULES.checklist(item, LocalDate.parse("2015-06-01"))).isEmpty();
    }

    @ParameterizedTest(name = "{1} {0}: the listed applicant gets 50 % of a 1000 USD line, a wrong one {8}")
    @MethodSource("items")
    void quote_eligibleApplicant_shouldGetTheBaseRate_andWrongApplicantIsRejected(String item, String article,
            String form, String route, String prior, String role, String type, String sector, String code) {
        if (code == null) {
            // HİSER project approval and final report carry no expenses of their own (claims go through Art. 27)
            assertThatThrownBy(() -> Claims.quote(item)).isInstanceOf(QuoteRequestException.class)
                    .hasMessageContaining("/supportItem");
            return;
        }
        Quote ok = Claims.quote(item);
        assertThat(ok.lines().get(0).rejections()).as(ok.lines().get(0).trace().toString()).isEmpty();
        assertThat(ok.totalSupport().amount()).isEqualByComparingTo("500.00");

        Map<String, Object> wrong = new java.util.LinkedHashMap<>();
        wrong.put("role", role);
        wrong.put("type", type);
        wrong.put("sector", sector);
        Quote rejected = Claims.quote(item, "applicant", wrong);
        assertThat(Claims.codes(rejected.lines().get(0))).contains(code);
        assertThat(rejected.rejections()).extracting(Quote.Rejection::article).allSatisfy(a -> assertThat(a)
                .startsWith(article.replace("Art. 29(1)", "Art. 29").replace("Art. 29(2)", "Art. 29")));
        assertThat(rejected.totalSupport().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void art12_3_interpreterApplicantIsAHealthFacilityOnly_educationInstitutionsAreNot() {
        // DOMAIN A-14: section II covers education too, but Art. 12 names health facilities only
        CatalogueView.Item c = RULES.catalogue().supportItems().stream().filter(x -> x.id().equals("INTERPRETER"))
                .findFirst().orElseThrow();
        assertThat(c.applicants().roles()).containsExactly("HEALTH_FACILITY");
    }

    @Test
    void art34_2_hiserClaimsRunFromTheActivityEnd_viaArt27() {
        CatalogueView.Item c = RULES.catalogue().supportItems().stream()
                .filter(x -> x.id().equals("HISER_TRAINING_CONSULTANCY")).findFirst().orElseThrow();
        assertThat(c.filing().trigger()).isEqualTo("ACTIVITY_END");
        assertThat(c.filing().article()).contains("Art. 34(2)");
        assertThat(c.quotable()).isTrue();
    }
}
