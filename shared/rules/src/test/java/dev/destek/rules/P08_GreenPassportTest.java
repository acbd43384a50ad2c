package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** S0 P§08 (DOMAIN §8, A-42): passports by the average of the last 3 years; a boundary belongs to the lower band. */
class P08_GreenPassportTest {

    static Stream<Arguments> bands() {
        return Stream.of(
                Arguments.of("P§08: average 499,999.99 gets none", "499999.99", 0),
                Arguments.of("P§08: average 500,000 gets 1", "500000", 1),
                Arguments.of("P§08: average 10 million is still band 1", "10000000", 1),
                Arguments.of("P§08: just above 10 million gets 2", "10000000.01", 2),
                Arguments.of("P§08: 25 million is band 2", "25000000", 2),
                Arguments.of("P§08: just above 25 million gets 3", "25000000.01", 3),
                Arguments.of("P§08: 50 million is band 3", "50000000", 3),
                Arguments.of("P§08: just above 50 million gets 4", "50000000.01", 4),
                Arguments.of("P§08: 100 million is band 4 ('above 100 million' is band 5)", "100000000", 4),
                Arguments.of("P§08: just above 100 million gets 5", "100000000.01", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bands")
    void passports_shouldFollowTheBands(String name, String average, int passports) {
        BigDecimal a = new BigDecimal(average);
        GreenPassport g = Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("2023", a, "2024", a,
                "2025", a)));
        assertThat(g.passports()).isEqualTo(passports);
        assertThat(g.years()).containsExactly(2023, 2024, 2025);
    }

    @Test
    void p08_averageOfThreeYears_isExact_zeroYearsCount() {
        // 1,500,000 / 3 = 500,000 exactly: band 1; a year with no exports counts as 0
        GreenPassport g = Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("2021", new BigDecimal("0"),
                "2022", new BigDecimal("0"), "2023", new BigDecimal("1500000"))));
        assertThat(g.averageUsd()).isEqualByComparingTo("500000.00");
        assertThat(g.passports()).isEqualTo(1);
        // 1,499,999.99 / 3 = 499,999.996…: below the band even though it rounds to 500,000.00
        GreenPassport below = Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("2021",
                new BigDecimal("0"), "2022", new BigDecimal("0"), "2023", new BigDecimal("1499999.99"))));
        assertThat(below.passports()).isZero();
    }

    @Test
    void p08_yearsMustBeThreeConsecutiveCalendarYears() {
        assertThatThrownBy(() -> Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("2021", BigDecimal.ONE,
                "2023", BigDecimal.ONE, "2024", BigDecimal.ONE)))).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/exportsUsdByYear");
        assertThatThrownBy(() -> Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("20x1", BigDecimal.ONE))))
                .hasMessageContaining("/exportsUsdByYear/20x1");
        assertThatThrownBy(() -> Claims.RULES.greenPassports(new GreenPassportRequest(Map.of("2021", BigDecimal.ONE,
                "2022", BigDecimal.ONE, "2023", new BigDecimal("-1"))))).hasMessageContaining("/exportsUsdByYear/2023");
        assertThatThrownBy(() -> Claims.RULES.greenPassports(new GreenPassportRequest(null)))
                .hasMessageContaining("/exportsUsdByYear");
    }
}
