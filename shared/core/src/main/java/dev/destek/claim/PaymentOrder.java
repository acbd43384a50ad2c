package dev.destek.claim;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.destek.rules.Offset;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The instruction to the central bank for one approved claim (Art. 35(2),(3)) and everything needed to see why each
 * number is what it is: the support per line in USD, the conversion into the payout currency, the debts read and
 * the offset the rules computed. Amounts scale 2, JSON strings.
 *
 * @param conversion null when the payout currency is USD
 */
public record PaymentOrder(String claimId, String companyId, String applicationId, String supportItem,
                           Instant orderedAt, String orderedBy,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal entitlementUsd,
                           String payoutCurrency, Conversion conversion,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal entitlement,
                           LocalDate debtsAsOf, String debtsSource, Offset offset, List<LineSupport> lines,
                           String rulesVersion) {
    public PaymentOrder {
        lines = List.copyOf(lines);
    }

    /** USD into the payout currency at the stored rate of {@code date} (usdPerUnit of the payout currency). */
    public record Conversion(LocalDate date, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usdPerUnit,
                             String source, String sourceObject) { }

    /** One line's support as the rules computed it. */
    public record LineSupport(String lineId, String kind, String currency,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal claimed,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal supportUsd) { }
}
