package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * Art. 35: the approved entitlement and the applicant's tax and social-security debts at payment. Amounts as JSON
 * strings, at most 2 decimals, in the payout currency (not stated in the sources: one currency for all three).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffsetRequest(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal entitlement,
                            Debt taxDebt, Debt socialSecurityDebt) {

    /**
     * @param amount                 debt amount in the debt document
     * @param overdue                the debt is overdue (35(1)); default true
     * @param restructured           the debt was restructured (35(2))
     * @param restructuringComplied  the restructuring agreement is being complied with (35(2))
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Debt(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Boolean overdue,
                       Boolean restructured, Boolean restructuringComplied) {

        public Debt(BigDecimal amount) {
            this(amount, true, false, false);
        }
    }
}
