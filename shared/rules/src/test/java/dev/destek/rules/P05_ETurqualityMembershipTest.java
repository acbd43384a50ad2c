package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S0 P§05, Decree 5447: the E-TURQUALITY® "Stars of IT" slide lists its items "Diğer destek unsurlarına ek olarak"
 * (in addition to the other items) for the firms in that programme; the other 5447 items are open to all.
 */
class P05_ETurqualityMembershipTest {

    static QuoteRequest request(String item, List<String> programmes) {
        return new QuoteRequest("DECREE_5447", item, new QuoteRequest.Applicant("BENEFICIARY", null, "IT", null, null,
                null, null, null, null, programmes), null, LocalDate.parse("2025-06-01"),
                List.of(P06_YldaQuoteTest.line("E1", "CONSULTANCY", "1000.00", "TRY", "2025-05-02", null, null)));
    }

    @Test
    void p05_E_5447_E_TURQUALITY_MEMBER_anEturqualityItemWithoutMembership_shouldBeRejected() {
        Quote q = Claims.RULES.quote(request("STRATEGIC_BUSINESS_PLAN", List.of("TURQUALITY")));

        assertThat(q.rejections()).containsExactly(new Quote.Rejection("APPLICANT_TYPE", "P§05"));
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("0.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("E_5447_E_TURQUALITY_MEMBER");
            assertThat(s.inputs()).containsEntry("programme", "E_TURQUALITY").containsEntry("programmes", "TURQUALITY");
        });
    }

    @Test
    void p05_noProgrammesStated_shouldMeanNoMembership() {
        assertThat(Claims.RULES.quote(request("DATA_CENTRE", null)).rejections())
                .containsExactly(new Quote.Rejection("APPLICANT_TYPE", "P§05"));
    }

    @Test
    void p05_member_shouldGetTheEturqualityItem() {
        Quote q = Claims.RULES.quote(request("STRATEGIC_BUSINESS_PLAN", List.of("E_TURQUALITY")));

        assertThat(q.rejections()).isEmpty();
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("500.00");
    }

    @Test
    void p05_otherGroups_shouldNotAskForMembership() {
        Quote q = Claims.RULES.quote(request("ADVERTISING", null));

        assertThat(q.rejections()).isEmpty();
        assertThat(q.lines().get(0).trace()).noneSatisfy(s -> assertThat(s.ruleId()).startsWith("E_5447"));
    }

    @Test
    void p05_malformedProgrammeCode_shouldBeARequestError() {
        assertThatThrownBy(() -> Claims.RULES.quote(request("DATA_CENTRE", List.of("e-turquality"))))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/applicant/programmes/0");
    }

    @Test
    void p05_catalogue_shouldNameTheGroupTheRuleGuards() {
        CatalogueView.EligibilityRule r = Claims.RULES.catalogue().programmes().stream()
                .filter(x -> x.id().equals("DECREE_5447")).findFirst().orElseThrow().eligibility().get(0);

        assertThat(r.id()).isEqualTo("E_5447_E_TURQUALITY_MEMBER");
        assertThat(r.groups()).containsExactly("E_TURQUALITY");
        assertThat(r.article()).isEqualTo("P§05");
        assertThat(r.parameters()).containsEntry("programme", "E_TURQUALITY");
    }
}
