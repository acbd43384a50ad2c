package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules.load runs at the upload function's cold start. The budget is 50 ms for a warm JVM; the guard here is
 * loose (CI machines vary) and the measurement is printed. Cold-JVM numbers: see README.
 */
class RulesLoadTimeTest {

    @Test
    void load_repeated_shouldStayWithinBudget() {
        Rules.load(Map.of()); // class loading
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            Rules.load(Map.of());
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("Rules.load (warm, best of 20): %.2f ms%n", best / 1e6);
        assertThat(best / 1_000_000).isLessThan(50);
    }
}
