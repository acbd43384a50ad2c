package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Art. 35: payment with offset against overdue tax and social-security debt — DOMAIN §7.3 worked examples. */
class Art35_DebtOffsetTest {
    private static final Rules RULES = Claims.RULES;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Art. 35(3): 100,000 against 60,000 + 90,000 is split in proportion", "100000.00",
                        debt("60000.00"), debt("90000.00"), "40000.00", "60000.00", "0.00", "PROPORTIONAL"),
                Arguments.of("Art. 35(3): 200,000 covers both debts, balance to the applicant", "200000.00",
                        debt("60000.00"), debt("90000.00"), "60000.00", "90000.00", "50000.00", "COVERS_ALL_DEBTS"),
                Arguments.of("Art. 35(3): entitlement equal to the total debt covers it, nothing left", "150000.00",
                        debt("60000.00"), debt("90000.00"), "60000.00", "90000.00", "0.00", "COVERS_ALL_DEBTS"),
                Arguments.of("Art. 35(3): one cent short of the total debt is proportional", "149999.99",
                        debt("60000.00"), debt("90000.00"), "60000.00", "89999.99", "0.00", "PROPORTIONAL"),
                Arguments.of("Art. 35(2): restructured tax debt complied with counts as no debt", "100000.00",
                        new OffsetRequest.Debt(new BigDecimal("60000.00"), true, true, true), null,
                        "0.00", "0.00", "100000.00", "PAID_IN_FULL"),
                Arguments.of("Art. 35(2): restructured but not complied with still counts", "100000.00",
                        new OffsetRequest.Debt(new BigDecimal("60000.00"), true, true, false), null,
                        "60000.00", "0.00", "40000.00", "COVERS_ALL_DEBTS"),
                Arguments.of("Art. 35(1): a debt that is not overdue does not count", "100000.00",
                        new OffsetRequest.Debt(new BigDecimal("60000.00"), false, false, false), debt("0.00"),
                        "0.00", "0.00", "100000.00", "PAID_IN_FULL"),
                Arguments.of("Art. 35(3): only social-security debt, larger than the entitlement (A-54)", "1000.00",
                        null, debt("5000.00"), "0.00", "1000.00", "0.00", "PROPORTIONAL"),
                Arguments.of("Art. 35(3): rounding 1,000 against 1,000 + 2,000 (A-54)", "1000.00",
                        debt("1000.00"), debt("2000.00"), "333.33", "666.67", "0.00", "PROPORTIONAL"));
    }

    private static OffsetRequest.Debt debt(String amount) {
        return new OffsetRequest.Debt(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offset_shouldSplitTheEntitlement(String name, String entitlement, OffsetRequest.Debt tax,
                                          OffsetRequest.Debt ss, String toTax, String toSs, String toApplicant,
                                          String rule) {
        Offset o = RULES.offset(new OffsetRequest(new BigDecimal(entitlement), tax, ss));
        assertThat(o.toTaxAuthority()).hasToString(toTax);
        assertThat(o.toSocialSecurity()).hasToString(toSs);
        assertThat(o.toApplicant()).hasToString(toApplicant);
        assertThat(o.rule()).isEqualTo(rule);
        assertThat(o.toTaxAuthority().add(o.toSocialSecurity()).add(o.toApplicant()))
                .isEqualByComparingTo(entitlement);
        assertThat(o.trace()).isNotEmpty();
    }

    @Test
    void offset_invalidAmounts_shouldNameThePointer() {
        assertThatThrownBy(() -> RULES.offset(new OffsetRequest(null, null, null)))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/entitlement");
        assertThatThrownBy(() -> RULES.offset(new OffsetRequest(new BigDecimal("1.00"), debt("-1.00"), null)))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/taxDebt/amount");
        assertThatThrownBy(() -> RULES.offset(new OffsetRequest(new BigDecimal("1.001"), null, null)))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("2 decimals");
    }
}
