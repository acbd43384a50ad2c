package dev.destek.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TimeRules adds periods without Period.addTo's chronology check; the dates must be exactly java.time's. */
class PeriodArithmeticTest {

    @Test
    void plusAndMinus_shouldEqualJavaTime_includingMonthEndsAndLeapDays() {
        Random random = new Random(20261125L);
        LocalDate[] edges = {LocalDate.of(2024, 2, 29), LocalDate.of(2024, 1, 31), LocalDate.of(2025, 3, 31),
            LocalDate.of(2023, 12, 31), LocalDate.of(2015, 6, 2)};
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = i < edges.length * 40 ? edges[i % edges.length]
                    : LocalDate.of(2010, 1, 1).plusDays(random.nextInt(8000));
            Period period = Period.of(random.nextInt(6), random.nextInt(50), random.nextInt(400));
            assertThat(TimeRules.plus(date, period)).as(date + " + " + period).isEqualTo(date.plus(period));
            assertThat(TimeRules.minus(date, period)).as(date + " - " + period).isEqualTo(date.minus(period));
        }
    }
}
