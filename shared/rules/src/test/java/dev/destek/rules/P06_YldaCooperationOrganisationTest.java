package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S0 P§06, Decree 5449 "İşbirliği kuruluşu nedir?": who is a cooperation organisation, and the "Kapsam" condition
 * that it is resident in Türkiye. Thresholds are "en az" (at least): 5,000 m², 50 vehicles, 51 %.
 */
class P06_YldaCooperationOrganisationTest {
    private static final List<String> ALL_PLUS_DISTRIBUTION = List.of("WAREHOUSING", "TRANSPORT", "CUSTOMS_CLEARANCE",
            "DISTRIBUTION");

    static QuoteRequest.Applicant company(List<String> services, String m2, Integer vehicles) {
        return new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "LOGISTICS", null, "LOGISTICS_COMPANY",
                true, new QuoteRequest.Logistics(services, m2 == null ? null : new BigDecimal(m2), vehicles), null,
                null, null);
    }

    static QuoteRequest.Applicant subsidiary(boolean founded, String percent, boolean turkishCapital) {
        return new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "LOGISTICS", null, "LOGISTICS_SUBSIDIARY",
                true, null, new QuoteRequest.Subsidiary(founded, new BigDecimal(percent), turkishCapital), null, null);
    }

    static QuoteRequest.Applicant kind(String kind, Boolean resident) {
        return new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "LOGISTICS", null, kind, resident, null,
                null, null, null);
    }

    static QuoteRequest request(QuoteRequest.Applicant applicant) {
        return new QuoteRequest("DECREE_5449", "FREIGHT_EXCHANGE", applicant, P06_YldaQuoteTest.activity(1, null),
                LocalDate.parse("2025-06-01"), List.of(P06_YldaQuoteTest.line("E1", "COMMISSION", "1000.00", "TRY",
                "2025-05-02", null, "0.00")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("P§06 E_YLDA_COOPERATION_ORGANISATION: a public institution qualifies by kind",
                        kind("PUBLIC_INSTITUTION", true), true),
                Arguments.of("P§06 E_YLDA_COOPERATION_ORGANISATION: a sectoral umbrella organisation by kind",
                        kind("SECTORAL_UMBRELLA_ORGANISATION", true), true),
                Arguments.of("P§06 E_YLDA_RESIDENT_IN_TURKEY: not resident in Türkiye is outside the scope",
                        kind("PUBLIC_INSTITUTION", false), false),
                Arguments.of("P§06 warehouse 4,999 m² (no vehicles) is below 5,000",
                        company(ALL_PLUS_DISTRIBUTION, "4999", null), false),
                Arguments.of("P§06 warehouse 5,000 m² is at least 5,000",
                        company(ALL_PLUS_DISTRIBUTION, "5000", null), true),
                Arguments.of("P§06 warehouse 4,999.99 m² is still below", company(ALL_PLUS_DISTRIBUTION, "4999.99", 0),
                        false),
                Arguments.of("P§06 49 local-plate vehicles (no warehouse) are below 50",
                        company(ALL_PLUS_DISTRIBUTION, null, 49), false),
                Arguments.of("P§06 50 local-plate vehicles are at least 50",
                        company(ALL_PLUS_DISTRIBUTION, null, 50), true),
                Arguments.of("P§06 warehouse OR vehicles: a small warehouse with 50 vehicles qualifies",
                        company(ALL_PLUS_DISTRIBUTION, "100", 50), true),
                Arguments.of("P§06 all of warehousing and transport incl. customs clearance: without customs fails",
                        company(List.of("WAREHOUSING", "TRANSPORT", "DISTRIBUTION"), "9000", 90), false),
                Arguments.of("P§06 plus at least one of distribution / value-added / supply chain: none fails",
                        company(List.of("WAREHOUSING", "TRANSPORT", "CUSTOMS_CLEARANCE"), "9000", 90), false),
                Arguments.of("P§06 supply-chain management alone is enough as the 'at least one'",
                        company(List.of("WAREHOUSING", "TRANSPORT", "CUSTOMS_CLEARANCE", "SUPPLY_CHAIN_MANAGEMENT"),
                                "5000", null), true),
                Arguments.of("P§06 subsidiary 50.99 % owned is below 51 %", subsidiary(true, "50.99", true), false),
                Arguments.of("P§06 subsidiary 51 % owned is at least 51 %", subsidiary(true, "51", true), true),
                Arguments.of("P§06 subsidiary not set up by qualifying companies fails", subsidiary(false, "100", true),
                        false),
                Arguments.of("P§06 subsidiary without Turkish capital fails", subsidiary(true, "100", false), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void p06_cooperationOrganisation_shouldBeJudgedOnTheDecksTest(String name, QuoteRequest.Applicant applicant,
                                                                  boolean eligible) {
        Quote q = Claims.RULES.quote(request(applicant));

        if (eligible) {
            assertThat(q.rejections()).isEmpty();
            assertThat(q.lines().get(0).support()).isEqualByComparingTo("600.00");
        } else {
            assertThat(q.rejections()).containsExactly(new Quote.Rejection("APPLICANT_TYPE", "P§06"));
            assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
            assertThat(q.lines().get(0).rejections()).contains(new Quote.Rejection("APPLICANT_TYPE", "P§06"));
        }
    }

    @Test
    void p06_trace_shouldShowTheJudgedFactsAndThresholds() {
        Quote q = Claims.RULES.quote(request(company(ALL_PLUS_DISTRIBUTION, "4999", 49)));

        Quote.TraceStep step = q.lines().get(0).trace().stream()
                .filter(s -> s.ruleId().equals("E_YLDA_COOPERATION_ORGANISATION")).findFirst().orElseThrow();
        assertThat(step.article()).isEqualTo("P§06");
        assertThat(step.inputs()).containsEntry("organisationKind", "LOGISTICS_COMPANY")
                .containsEntry("warehouseM2", "4999").containsEntry("minWarehouseM2", "5000")
                .containsEntry("localPlateVehicles", "49").containsEntry("minLocalPlateVehicles", "50")
                .containsEntry("services", "WAREHOUSING,TRANSPORT,CUSTOMS_CLEARANCE,DISTRIBUTION");
        assertThat(step.output()).startsWith("REJECTED APPLICANT_TYPE");
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("E_YLDA_RESIDENT_IN_TURKEY");
            assertThat(s.inputs()).containsEntry("residentInTurkey", "true");
            assertThat(s.output()).startsWith("OK");
        });
    }

    static Stream<Arguments> invalid() {
        QuoteRequest.Logistics ok = new QuoteRequest.Logistics(ALL_PLUS_DISTRIBUTION, new BigDecimal("5000"), null);
        return Stream.of(
                Arguments.of(kind(null, true), "/applicant/organisationKind", "missing organisationKind"),
                Arguments.of(kind("SHIPPING_LINE", true), "/applicant/organisationKind", "expected one of"),
                Arguments.of(kind("PUBLIC_INSTITUTION", null), "/applicant/residentInTurkey", "E_YLDA_RESIDENT_IN_TURKEY"),
                Arguments.of(new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, null, null,
                        "LOGISTICS_COMPANY", true, null, null, null, null), "/applicant/logistics", "missing"),
                Arguments.of(company(null, "5000", null), "/applicant/logistics/services", "missing"),
                Arguments.of(company(List.of("WAREHOUSING", "TELEPORTING"), "5000", null),
                        "/applicant/logistics/services/1", "unknown service TELEPORTING"),
                Arguments.of(company(ALL_PLUS_DISTRIBUTION, "-1", null), "/applicant/logistics/warehouseM2",
                        "zero or more"),
                Arguments.of(company(ALL_PLUS_DISTRIBUTION, "5000.001", null), "/applicant/logistics/warehouseM2",
                        "at most 2 decimals"),
                Arguments.of(company(ALL_PLUS_DISTRIBUTION, null, -3), "/applicant/logistics/localPlateVehicles",
                        "zero or more"),
                Arguments.of(subsidiary(true, "100.01", true), "/applicant/subsidiary/ownershipByQualifyingPercent",
                        "0..100"),
                Arguments.of(new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, null, null,
                        "LOGISTICS_SUBSIDIARY", true, ok, new QuoteRequest.Subsidiary(true, null, true), null, null),
                        "/applicant/subsidiary/ownershipByQualifyingPercent", "missing"),
                Arguments.of(new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, null, null,
                        "LOGISTICS_SUBSIDIARY", true, null, new QuoteRequest.Subsidiary(null, BigDecimal.TEN, true),
                        null, null), "/applicant/subsidiary/foundedByQualifyingCompanies", "missing"));
    }

    @ParameterizedTest(name = "P§06 invalid facts → {1}")
    @MethodSource("invalid")
    void p06_missingOrMalformedFacts_shouldBeRequestErrorsWithPointers(QuoteRequest.Applicant applicant,
                                                                      String pointer, String reason) {
        assertThatThrownBy(() -> Claims.RULES.quote(request(applicant)))
                .isInstanceOfSatisfying(QuoteRequestException.class, e -> {
                    assertThat(e.getMessage()).contains(pointer).contains(reason);
                });
    }

    @Test
    void p06_jsonRequest_shouldCarryTheNestedFactsAsTheFunctionReadsThem() throws Exception {
        String json = """
                {"programme": "DECREE_5449", "supportItem": "FREIGHT_EXCHANGE", "filingDate": "2025-06-01",
                 "applicant": {"role": "COOPERATION_ORGANISATION", "sector": "LOGISTICS",
                               "organisationKind": "LOGISTICS_SUBSIDIARY", "residentInTurkey": true,
                               "subsidiary": {"foundedByQualifyingCompanies": true,
                                              "ownershipByQualifyingPercent": "50.99", "turkishCapital": true}},
                 "activity": {"supportYear": 1},
                 "expenses": [{"id": "E1", "kind": "COMMISSION", "amount": "1000.00", "currency": "TRY",
                               "paymentDate": "2025-05-02", "capKey": "N1", "capUsed": "0.00"}]}
                """;
        QuoteRequest r = Claims.JSON.readValue(json, QuoteRequest.class);

        Quote q = Claims.RULES.quote(r);

        assertThat(r.applicant().subsidiary().ownershipByQualifyingPercent()).isEqualByComparingTo("50.99");
        assertThat(q.rejections()).containsExactly(new Quote.Rejection("APPLICANT_TYPE", "P§06"));
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> assertThat(s.inputs())
                .containsEntry("ownershipByQualifyingPercent", "50.99").containsEntry("minOwnershipPercent", "51"));
    }

    @Test
    void p06_catalogue_shouldListTheRulesWithArticleAndPrintedThresholds() {
        CatalogueView.Programme p = Claims.RULES.catalogue().programmes().stream()
                .filter(x -> x.id().equals("DECREE_5449")).findFirst().orElseThrow();

        assertThat(p.eligibility()).extracting(CatalogueView.EligibilityRule::id)
                .containsExactly("E_YLDA_RESIDENT_IN_TURKEY", "E_YLDA_COOPERATION_ORGANISATION");
        assertThat(p.eligibility()).allSatisfy(r -> {
            assertThat(r.article()).isEqualTo("P§06");
            assertThat(r.rejection()).isEqualTo("APPLICANT_TYPE");
            assertThat(r.effectiveFrom()).isEqualTo("2024-11-01");
        });
        assertThat(p.eligibility()).allSatisfy(r -> assertThat(r.roles()).containsExactly("COOPERATION_ORGANISATION"));
        assertThat(p.eligibility().get(1).parameters()).containsEntry("minWarehouseM2", "5000")
                .containsEntry("minLocalPlateVehicles", "50").containsEntry("minOwnershipPercent", "51");
    }
}
