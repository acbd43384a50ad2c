package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOMAIN §11 switches (⚙): the default is the digest's suggested reading; the alternative is one setting away. */
class InterpretationSwitchesTest {
    @TempDir
    Path dir;

    private Rules with(String yaml) {
        return Requests.withConfig(dir, "interpretations.yaml", "interpretations:\n" + yaml);
    }

    @Test
    void a06_art6_1_spendingOnThePreApprovalDay_isNotEligibleByDefault_butIsWhenSwitched() {
        // T01: Claims' pre-approval is 2025-01-02
        QuoteRequest sameDay = Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-02");
        QuoteRequest dayAfter = Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-03");

        assertThat(Claims.codes(Claims.RULES.quote(sameDay).lines().get(0))).containsExactly("NO_PRE_APPROVAL");
        assertThat(Claims.RULES.quote(dayAfter).lines().get(0).rejections()).isEmpty();
        Rules switched = with("  A06_PRE_APPROVAL_DAY: SAME_DAY\n");
        assertThat(switched.quote(sameDay).lines().get(0).rejections()).isEmpty();
        assertThat(Claims.codes(switched.quote(Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-01"))
                .lines().get(0))).containsExactly("NO_PRE_APPROVAL");
    }

    @Test
    void a06_onlyConcernsPreApproval_notTheT04ProjectStart() {
        QuoteRequest onProjectStart = Claims.claim("GAME_APP_DEVELOPMENT", "expense.paymentDate", "2025-01-02");

        assertThat(Claims.codes(with("  A06_PRE_APPROVAL_DAY: SAME_DAY\n").quote(onProjectStart).lines().get(0)))
                .contains("NO_PRE_APPROVAL");
    }

    @Test
    void a29_art23_3_quoteProvince_isTheApplicantsHqByDefault_orTheActivitysWhenSwitched() {
        // two quotes: enough only in an EK-2 province (PROV_A); the applicant's HQ is PROV_X
        QuoteRequest claim = Claims.claim("HISER_NEEDS_ANALYSIS", "activity.quotes", 2, "activity.province", "PROV_A");

        assertThat(Claims.RULES.quote(claim).rejections())
                .containsExactly(new Quote.Rejection("INSUFFICIENT_QUOTES", "Art. 23(3)"));
        assertThat(with("  A29_QUOTE_PROVINCE: ACTIVITY_PROVINCE\n").quote(claim).rejections()).isEmpty();
    }

    @Test
    void switches_shouldBeValidatedAtStartUp() {
        assertThatThrownBy(() -> with("  A29_QUOTE_PROVINCE: CAPITAL\n")).isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("interpretations.A29_QUOTE_PROVINCE").hasMessageContaining("APPLICANT_HQ");
        assertThatThrownBy(() -> with("  A13_PERIOD_MODE: QUARTERS\n"))
                .hasMessageContaining("interpretations.A13_PERIOD_MODE").hasMessageContaining("unknown interpretation");
    }
}
