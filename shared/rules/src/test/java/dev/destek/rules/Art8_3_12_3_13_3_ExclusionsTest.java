package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exclusions by a condition of the line (Arts. 8(3), 12(3)) and the patient-travel protocol (Art. 13(3)). */
class Art8_3_12_3_13_3_ExclusionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Art. 8(3): mass media in Turkish / aimed at Türkiye is excluded", "ADVERTISING",
                        "EXCLUDED_EXPENSE", "Art. 8(3)", new Object[] {"expense.turkishOrTurkeyDirectedMedia", true}),
                Arguments.of("Art. 8(3): media aimed abroad is supported", "ADVERTISING", null, null,
                        new Object[] {"expense.turkishOrTurkeyDirectedMedia", false}),
                Arguments.of("Art. 29(1), 8(3): also for cooperation organisations", "COOP_ADVERTISING",
                        "EXCLUDED_EXPENSE", "Art. 29(1), 8(3)", new Object[] {"expense.turkishOrTurkeyDirectedMedia", true}),
                Arguments.of("Art. 12(3): interpreter fees paid to a partner are excluded", "INTERPRETER",
                        "EXCLUDED_EXPENSE", "Art. 12(3)", new Object[] {"expense.paidToPartner", true}),
                Arguments.of("Art. 12(3): other interpreters are supported", "INTERPRETER", null, null,
                        new Object[] {"expense.paidToPartner", false}),
                Arguments.of("Art. 13(3): no protocol with the GD", "PATIENT_TRAVEL", "NO_PROTOCOL", "Art. 13(3)",
                        new Object[] {"activity.protocolSignedDate", null}),
                Arguments.of("Art. 13(3): protocol signed on the filing day", "PATIENT_TRAVEL", null, null,
                        new Object[] {"activity.protocolSignedDate", "2025-06-01"}),
                Arguments.of("Art. 13(3): protocol signed the day after the filing", "PATIENT_TRAVEL", "NO_PROTOCOL",
                        "Art. 13(3)", new Object[] {"activity.protocolSignedDate", "2025-06-02"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void line_shouldBeExcludedOrSupported(String name, String item, String code, String article, Object[] facts) {
        Quote.Line line = Claims.quote(item, facts).lines().get(0);
        if (code == null) {
            assertThat(line.rejections()).as(line.trace().toString()).isEmpty();
            assertThat(line.support()).isEqualByComparingTo("500.00");
        } else {
            assertThat(line.rejections()).contains(new Quote.Rejection(code, article));
            assertThat(line.support()).isEqualByComparingTo("0");
        }
    }
}
