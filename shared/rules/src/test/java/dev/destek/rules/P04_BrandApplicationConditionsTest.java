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
 * S0 P§04, Decree 2564 "BAŞVURU ŞARTLARI": the beneficiary is resident in Türkiye and its brand registered in
 * Türkiye; the brand is registered, by the beneficiary or an organically linked company, in at least one country
 * party to the Madrid System (configured list {@code madridCountries}: the deck does not list them).
 */
class P04_BrandApplicationConditionsTest {
    private static final Rules MADRID = Requests.withMadrid(); // DE, FR, US

    static QuoteRequest.Applicant beneficiary(Boolean resident, QuoteRequest.Brand brand) {
        return new QuoteRequest.Applicant("BENEFICIARY", null, null, null, null, resident, null, null, brand, null);
    }

    static QuoteRequest.Brand brand(Boolean inTurkey, List<String> madrid, String by) {
        return new QuoteRequest.Brand(inTurkey, madrid, by);
    }

    static QuoteRequest request(QuoteRequest.Applicant applicant) {
        return new QuoteRequest("DECREE_2564", "ADVERTISING", applicant,
                Requests.track("BRAND", "2024-11-01", null, null), LocalDate.parse("2025-06-01"),
                List.of(P06_YldaQuoteTest.line("E1", "ADVERTISING", "1000.00", "TRY", "2025-05-02", null, null)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("P§04 all conditions met (brand in TR and in DE, own registration)",
                        beneficiary(true, brand(true, List.of("DE"), "SELF")), null, null),
                Arguments.of("P§04 E_2564_BRAND_IN_MADRID_COUNTRY: registered by an organically linked company",
                        beneficiary(true, brand(true, List.of("US"), "ORGANICALLY_LINKED")), null, null),
                Arguments.of("P§04 E_2564_RESIDENT_IN_TURKEY: a beneficiary not resident in Türkiye",
                        beneficiary(false, brand(true, List.of("DE"), "SELF")), "APPLICANT_TYPE",
                        "E_2564_RESIDENT_IN_TURKEY"),
                Arguments.of("P§04 E_2564_BRAND_REGISTERED_IN_TURKEY: brand not registered in Türkiye",
                        beneficiary(true, brand(false, List.of("DE"), "SELF")), "BRAND_NOT_REGISTERED",
                        "E_2564_BRAND_REGISTERED_IN_TURKEY"),
                Arguments.of("P§04 E_2564_BRAND_IN_MADRID_COUNTRY: no registration abroad",
                        beneficiary(true, brand(true, List.of(), null)), "BRAND_NOT_REGISTERED",
                        "E_2564_BRAND_IN_MADRID_COUNTRY"),
                Arguments.of("P§04 E_2564_BRAND_IN_MADRID_COUNTRY: TR is condition 1, it does not count again",
                        beneficiary(true, brand(true, List.of("TR"), "SELF")), "BRAND_NOT_REGISTERED",
                        "E_2564_BRAND_IN_MADRID_COUNTRY"),
                Arguments.of("P§04 E_2564_BRAND_IN_MADRID_COUNTRY: a country not in the configured Madrid list",
                        beneficiary(true, brand(true, List.of("XK"), "SELF")), "BRAND_NOT_REGISTERED",
                        "E_2564_BRAND_IN_MADRID_COUNTRY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void p04_applicationConditions_shouldRejectWithTheirCode(String name, QuoteRequest.Applicant applicant,
                                                             String code, String rule) {
        Quote q = MADRID.quote(request(applicant));

        if (code == null) {
            assertThat(q.rejections()).isEmpty();
            assertThat(q.lines().get(0).support()).isEqualByComparingTo("500.00");
            return;
        }
        assertThat(q.rejections()).containsExactly(new Quote.Rejection(code, "P§04"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo(rule);
            assertThat(s.article()).isEqualTo("P§04");
            assertThat(s.output()).startsWith("REJECTED " + code);
        });
    }

    @Test
    void p04_withoutAConfiguredMadridList_shouldGoToManualReview_neverPass() {
        Quote q = Claims.RULES.quote(request(beneficiary(true, brand(true, List.of("DE"), "SELF"))));

        assertThat(q.rejections()).containsExactly(new Quote.Rejection("MANUAL_REVIEW", "P§04"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("E_2564_BRAND_IN_MADRID_COUNTRY");
            assertThat(s.inputs()).containsEntry("configuredParties", "none").containsEntry("madridCountries", "DE");
            assertThat(s.output()).contains("madridCountries");
        });
    }

    @Test
    void p04_aCooperationOrganisationsProject_isNotABeneficiarysApplication() {
        Quote q = Claims.RULES.quote(request(new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, null,
                null)));

        assertThat(q.rejections()).isEmpty();
        assertThat(q.lines().get(0).trace()).noneSatisfy(s -> assertThat(s.ruleId()).startsWith("E_2564"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(beneficiary(null, brand(true, List.of("DE"), "SELF")), "/applicant/residentInTurkey"),
                Arguments.of(beneficiary(true, null), "/applicant/brand: missing brand"),
                Arguments.of(beneficiary(true, brand(null, List.of("DE"), "SELF")),
                        "/applicant/brand/registeredInTurkey"),
                Arguments.of(beneficiary(true, brand(true, null, "SELF")), "/applicant/brand/madridCountries"),
                Arguments.of(beneficiary(true, brand(true, List.of("Germany"), "SELF")),
                        "/applicant/brand/madridCountries/0: expected an ISO 3166-1 alpha-2"),
                Arguments.of(beneficiary(true, brand(true, List.of("DE"), null)),
                        "/applicant/brand/madridRegisteredBy: missing"),
                Arguments.of(beneficiary(true, brand(true, List.of("DE"), "PARENT")),
                        "/applicant/brand/madridRegisteredBy: expected one of [ORGANICALLY_LINKED, SELF]"));
    }

    @ParameterizedTest(name = "P§04 invalid facts → {1}")
    @MethodSource("invalid")
    void p04_missingOrMalformedFacts_shouldBeRequestErrors(QuoteRequest.Applicant applicant, String message) {
        assertThatThrownBy(() -> MADRID.quote(request(applicant))).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining(message);
    }

    @Test
    void p04_madridList_shouldBeValidatedAtLoad() {
        assertThatThrownBy(() -> Requests.withConfig(java.nio.file.Files.createTempDirectory("m"), "m.yaml",
                "madridCountries: [{from: 2024-11-01, value: [Germany]}]"))
                .isInstanceOfSatisfying(RulesConfigException.class,
                        e -> assertThat(e.getMessage()).contains("madridCountries[0].value").contains("ISO 3166"));
    }

    @Test
    void p04_catalogue_shouldListTheApplicationConditions() {
        CatalogueView.Programme p = MADRID.catalogue().programmes().stream()
                .filter(x -> x.id().equals("DECREE_2564")).findFirst().orElseThrow();

        assertThat(p.eligibility()).extracting(CatalogueView.EligibilityRule::id, CatalogueView.EligibilityRule::rejection,
                CatalogueView.EligibilityRule::article).containsExactly(
                org.assertj.core.groups.Tuple.tuple("E_2564_RESIDENT_IN_TURKEY", "APPLICANT_TYPE", "P§04"),
                org.assertj.core.groups.Tuple.tuple("E_2564_BRAND_REGISTERED_IN_TURKEY", "BRAND_NOT_REGISTERED", "P§04"),
                org.assertj.core.groups.Tuple.tuple("E_2564_BRAND_IN_MADRID_COUNTRY", "BRAND_NOT_REGISTERED", "P§04"));
        assertThat(p.eligibility()).allSatisfy(r -> assertThat(r.roles()).containsExactly("BENEFICIARY"));
    }
}
