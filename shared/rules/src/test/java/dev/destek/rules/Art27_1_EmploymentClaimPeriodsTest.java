package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * T26, Art. 27(1): HİSER employment is claimed every 3 months; DOMAIN A-13 reads it as one claim per 3-month period
 * counted from the employment start, the project's last period possibly shorter. The expert was hired 2025-01-15,
 * the project ends 2025-11-30.
 */
class Art27_1_EmploymentClaimPeriodsTest {

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of("T26 first period: Jan-Mar", "2025-01", "2025-03", true),
                Arguments.of("T26 second period: Apr-Jun", "2025-04", "2025-06", true),
                Arguments.of("T26 a period not counted from the hire month: Feb-Apr", "2025-02", "2025-04", false),
                Arguments.of("T26 two periods in one claim: Jan-Jun", "2025-01", "2025-06", false),
                Arguments.of("T26 two months, not the project's last", "2025-07", "2025-08", false),
                Arguments.of("T26 the project's last period may be shorter: Oct-Nov", "2025-10", "2025-11", true),
                Arguments.of("T26 before the employment start", "2024-10", "2024-12", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void t26_art27_1_employmentClaim_coversOneThreeMonthPeriodFromTheHire(String name, String from, String to,
                                                                         boolean accepted) {
        Quote quote = Claims.quote("HISER_EMPLOYMENT", "activity.hireDate", "2025-01-15", "activity.end",
                "2025-11-30", "activity.claimPeriodFrom", from, "activity.claimPeriodTo", to);

        if (accepted) {
            assertThat(quote.rejections()).doesNotContain(new Quote.Rejection("CLAIM_PERIOD_MISMATCH", "Art. 27(1)"));
        } else {
            assertThat(quote.rejections()).contains(new Quote.Rejection("CLAIM_PERIOD_MISMATCH", "Art. 27(1)"));
        }
    }

    @ParameterizedTest(name = "without a hire date only the length is judged: {1}-{2} accepted={3}")
    @MethodSource("lengths")
    void t26_withoutTheHireDate_onlyTheLengthIsJudged(String name, String from, String to, boolean accepted) {
        Quote quote = Claims.quote("HISER_EMPLOYMENT", "activity.end", "2025-11-30", "activity.claimPeriodFrom", from,
                "activity.claimPeriodTo", to);

        assertThat(quote.rejections().contains(new Quote.Rejection("CLAIM_PERIOD_MISMATCH", "Art. 27(1)")))
                .isEqualTo(!accepted);
    }

    static Stream<Arguments> lengths() {
        return Stream.of(Arguments.of("T26 three months", "2025-02", "2025-04", true),
                Arguments.of("T26 four months", "2025-02", "2025-05", false));
    }
}
