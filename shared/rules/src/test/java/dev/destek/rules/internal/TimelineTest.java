package dev.destek.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.rules.RulesConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Values keyed by effective date, OpenFisca-style: a version runs until the next key; null ends a provision. */
class TimelineTest {

    private static Node yaml(String text) {
        return new Node(Tree.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test", false),
                "", "test");
    }

    @Test
    void datedValues_withRepeal_shouldCoverDayBeforeEffectiveDateAndAfterRepeal() {
        // GIVEN 10 points from 2015-06-02, 20 points from 2020-01-01, repealed from 2024-01-01
        Timeline<java.math.BigDecimal> t = Timeline.ofDatedValues(yaml(String.join("\n",
                "values:",
                "  2020-01-01: {value: 0.20, reference: Art. 33(1) as amended}",
                "  2015-06-02: {value: 0.10, reference: Art. 33(1)}",
                "  2024-01-01: {value: null}", "")).get("values"), Node::decimal);
        // THEN
        assertThat(t.at(LocalDate.parse("2015-06-01"))).isEmpty();
        assertThat(t.at(LocalDate.parse("2015-06-02"))).contains(new java.math.BigDecimal("0.10"));
        assertThat(t.at(LocalDate.parse("2019-12-31"))).contains(new java.math.BigDecimal("0.10"));
        assertThat(t.entryAt(LocalDate.parse("2020-01-01")).orElseThrow().reference()).isEqualTo("Art. 33(1) as amended");
        assertThat(t.at(LocalDate.parse("2023-12-31"))).contains(new java.math.BigDecimal("0.20"));
        assertThat(t.at(LocalDate.parse("2024-01-01"))).isEmpty();
        assertThat(t.latest().orElseThrow().to()).isEqualTo(LocalDate.parse("2023-12-31"));
    }

    @Test
    void datedValues_mapWithoutValueKey_shouldBeRejected() {
        assertThatThrownBy(() -> Timeline.ofDatedValues(yaml("values:\n  2015-06-02: {amount: 1}\n").get("values"),
                Node::decimal)).isInstanceOf(RulesConfigException.class)
                .hasMessage("values.2015-06-02: expected {value: …} (use value: null to end the provision)");
    }

    @Test
    void datedValues_badDateKey_shouldNameTheKey() {
        assertThatThrownBy(() -> Timeline.ofDatedValues(yaml("values:\n  2015-02-30: {value: 1}\n").get("values"),
                Node::decimal)).isInstanceOf(RulesConfigException.class)
                .hasMessageStartingWith("values.2015-02-30: expected an ISO date");
    }

    @Test
    void periods_adjacentNotOverlapping_shouldBeAccepted() {
        Timeline<Long> t = Timeline.ofPeriods(yaml(String.join("\n",
                "p:",
                "  - {from: 2021-01-01, value: 2}",
                "  - {from: 2020-01-01, to: 2020-12-31, value: 1}", "")).get("p"), Node::longValue);
        assertThat(t.at(LocalDate.parse("2020-12-31"))).contains(1L);
        assertThat(t.at(LocalDate.parse("2021-01-01"))).contains(2L);
        assertThat(t.at(LocalDate.parse("2019-12-31"))).isEmpty();
    }
}
