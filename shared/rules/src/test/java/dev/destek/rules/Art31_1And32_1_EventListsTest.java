package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arts. 31(1), 31(4) and 32(1): only events in the annex lists are supported — EK-31B or the 2017/4 sectoral fairs
 * list for individual participation, EK-32E for national participation. The lists are configuration (DOMAIN §0
 * warning 4); the defaults hold placeholder ids.
 */
class Art31_1And32_1_EventListsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("N_EVENT_LISTED_31 Art. 31(1): an EK-31B event", "INDIVIDUAL_FAIR_PARTICIPATION", "EVT_31B_A", null),
                Arguments.of("N_EVENT_LISTED_31 Art. 31(1): a fair of the 2017/4 sectoral list", "INDIVIDUAL_FAIR_PARTICIPATION", "EVT_FAIR_A", null),
                Arguments.of("N_EVENT_LISTED_31 Art. 31(1): an event in neither list", "INDIVIDUAL_FAIR_PARTICIPATION", "EVT_32E_A", "Art. 31(1), 31(4)"),
                Arguments.of("N_EVENT_LISTED_32 Art. 32(1): an EK-32E event", "NATIONAL_PARTICIPATION", "EVT_32E_A", null),
                Arguments.of("N_EVENT_LISTED_32 Art. 32(1): an EK-31B event is not an EK-32E one", "NATIONAL_PARTICIPATION", "EVT_31B_A", "Art. 32(1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void event_shouldBeSupportedOnlyWhenListed(String name, String item, String eventId, String article) {
        Quote q = Claims.quote(item, "activity.eventId", eventId);

        if (article == null) {
            assertThat(q.rejections()).isEmpty();
            assertThat(q.totalSupport().amount()).isPositive();
        } else {
            assertThat(q.rejections()).containsExactly(new Quote.Rejection(RejectionCodes.EVENT_NOT_LISTED, article));
            assertThat(q.totalSupport().amount()).isEqualByComparingTo("0");
        }
    }

    @Test
    void withoutAnEventId_theListIsNotJudged() {
        assertThat(Claims.quote("INDIVIDUAL_FAIR_PARTICIPATION").rejections()).isEmpty();
    }

    @Test
    void art31_4_listChangesAreDated_theListInForceOnTheEventStartApplies() {
        Rules rules = Requests.withConfig(dir, "lists.yaml", """
                eventLists:
                  EK_31B:
                    - {from: 2015-06-02, to: 2025-03-02, value: [EVT_DROPPED]}
                    - {from: 2025-03-03, value: [EVT_NEW]}
                """);

        // Claims' event starts 2025-03-03: the first day of the second version
        assertThat(rules.quote(Claims.claim("INDIVIDUAL_FAIR_PARTICIPATION", "activity.eventId", "EVT_NEW"))
                .rejections()).isEmpty();
        assertThat(rules.quote(Claims.claim("INDIVIDUAL_FAIR_PARTICIPATION", "activity.eventId", "EVT_DROPPED"))
                .rejections()).extracting(Quote.Rejection::code).containsExactly(RejectionCodes.EVENT_NOT_LISTED);
        assertThat(rules.quote(Claims.claim("INDIVIDUAL_FAIR_PARTICIPATION", "activity.eventId", "EVT_DROPPED",
                "activity.start", "2025-03-02")).rejections()).isEmpty();
    }
}
