package dev.destek.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.rules.RulesConfigException;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The catalogue's periods are read without Period.parse on the cold path; both readings must agree. */
class NodePeriodTest {

    @Test
    void simplePeriods_shouldEqualPeriodParse() {
        for (String text : new String[] {"P1Y", "P48M", "P30D", "P2W", "P0D", "P36M", "P12345D"}) {
            assertThat(Node.simplePeriod(text)).as(text).isEqualTo(Period.parse(text));
            assertThat(new Node(text, "x", "s").period()).as(text).isEqualTo(Period.parse(text));
        }
    }

    @Test
    void otherForms_shouldFallBackToPeriodParse_orFailNamingTheKey() {
        for (String text : new String[] {"P1Y2M", "-P1M", "P-1D", "p1y", "P1", "PY", "P1234567D"}) {
            assertThat(Node.simplePeriod(text)).as(text).isNull();
        }
        assertThat(new Node("P1Y2M", "x", "s").period()).isEqualTo(Period.of(1, 2, 0));
        assertThat(new Node("-P1M", "x", "s").period()).isEqualTo(Period.ofMonths(-1));
        assertThatThrownBy(() -> new Node("P1", "a.offset", "s").period()).isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("a.offset").hasMessageContaining("ISO-8601 period");
    }
}
