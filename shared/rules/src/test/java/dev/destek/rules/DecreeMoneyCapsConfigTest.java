package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decree 2015/8 money caps and the Art. 20(2) "support limit" are not in the sources (DOMAIN §5.1, A-22): they are
 * configuration. With one configured, the claim's support is capped to what is left of it after the support already
 * received in the cap's period; without that history the claim goes to manual review, never to a guessed amount.
 */
class DecreeMoneyCapsConfigTest {
    @TempDir
    Path dir;

    private Rules capped(String item, String maxUsd, String scope) {
        return Requests.withConfig(dir, "caps.yaml", "decreeCaps:\n  " + item + ":\n    - {from: 2015-06-02, value: {maxUsd: "
                + maxUsd + ", scope: " + scope + "}}\n");
    }

    @Test
    void defaults_configureNoCap_soSupportIsTheRateTimesTheBase() {
        assertThat(Claims.quote("ADVERTISING", "expense.amount", "100000.00").totalSupport().amount())
                .isEqualByComparingTo("50000.00");
    }

    @Test
    void annualCap_shouldLeaveOnlyWhatIsNotYetReceived() {
        Rules rules = capped("ADVERTISING", "60000.00", "CALENDAR_YEAR");

        Quote q = rules.quote(Claims.claim("ADVERTISING", "expense.amount", "100000.00",
                "activity.supportReceivedUsd", "25000.00"));

        assertThat(q.totalSupport().amount()).isEqualByComparingTo("35000.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("decree-cap");
            assertThat(s.article()).startsWith("Decree 2015/8 money cap (CONFIG, DESTEK_RULES_CONFIG");
            assertThat(s.output()).isEqualTo("CAPPED 35000.00");
        });
    }

    @Test
    void capReachedExactly_andJustBelow() {
        Rules rules = capped("ADVERTISING", "60000.00", "CALENDAR_YEAR");

        assertThat(rules.quote(Claims.claim("ADVERTISING", "expense.amount", "100000.00",
                "activity.supportReceivedUsd", "10000.00")).totalSupport().amount()).isEqualByComparingTo("50000.00");
        assertThat(rules.quote(Claims.claim("ADVERTISING", "expense.amount", "100000.00",
                "activity.supportReceivedUsd", "10000.01")).totalSupport().amount()).isEqualByComparingTo("49999.99");
        assertThat(rules.quote(Claims.claim("ADVERTISING", "expense.amount", "100000.00",
                "activity.supportReceivedUsd", "70000.00")).totalSupport().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void art20_2_supportLimitPerFilm_isTracedWithItsArticle() {
        Rules rules = capped("FILM_ADVERTISING", "400.00", "FILM");

        Quote q = rules.quote(Claims.claim("FILM_ADVERTISING", "activity.supportReceivedUsd", "0"));

        assertThat(q.totalSupport().amount()).isEqualByComparingTo("400.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(s ->
                assertThat(s.article()).startsWith("Art. 20(2) support limit (CONFIG"));
    }

    @Test
    void unknownHistory_shouldGoToManualReview() {
        Quote q = capped("ADVERTISING", "60000.00", "CALENDAR_YEAR").quote(Claims.claim("ADVERTISING"));

        assertThat(q.lines().get(0).rejections()).extracting(Quote.Rejection::code)
                .containsExactly(RejectionCodes.MANUAL_REVIEW);
        assertThat(q.totalSupport().amount()).isEqualByComparingTo("0");
    }

    @Test
    void configErrors_shouldNameTheKeyAndTheReason() {
        assertThatThrownBy(() -> capped("LUNCH", "1.00", "TOTAL")).isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("decreeCaps.LUNCH").hasMessageContaining("unknown support item");
        assertThatThrownBy(() -> capped("ADVERTISING", "0", "TOTAL"))
                .hasMessageContaining("decreeCaps.ADVERTISING[0].value.maxUsd").hasMessageContaining("positive");
        assertThatThrownBy(() -> capped("ADVERTISING", "10.001", "TOTAL")).hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> capped("ADVERTISING", "10.00", "WEEK"))
                .hasMessageContaining("decreeCaps.ADVERTISING[0].value.scope").hasMessageContaining("unknown cap scope");
        assertThatThrownBy(() -> Requests.withConfig(dir, "lists.yaml", "eventLists: {EK_99: []}"))
                .hasMessageContaining("eventLists.EK_99").hasMessageContaining("unknown event list");
    }
}
