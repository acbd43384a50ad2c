package dev.destek.claim;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One expense line of a claim, linked to the accepted documents that prove it. {@code approvedAmount} is set only
 * by a reviewer's adjustment (with {@code adjustmentReason}); the rules then compute on it instead of
 * {@code amount}.
 *
 * @param paymentDate value date if the payment document shows one, else the transaction date (Art. 36(4))
 */
public record ClaimLine(String id, String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                        String currency, LocalDate paymentDate,
                        LocalDate documentIssueDate,
                        @com.fasterxml.jackson.annotation.JsonProperty("eTicketIssueDate") LocalDate eTicketIssueDate,
                        Boolean socialOrSearchAd,
                        Integer persons, Integer nights, Integer days, List<String> documentIds,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal approvedAmount,
                        String adjustmentReason) {
    public ClaimLine {
        Objects.requireNonNull(id, "id");
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }

    /** The amount the rules compute on: the reviewer's adjusted amount when there is one. */
    @JsonIgnore
    public BigDecimal amountForRules() {
        return approvedAmount != null ? approvedAmount : amount;
    }

    public ClaimLine withAdjustment(BigDecimal approved, String reason) {
        return new ClaimLine(id, kind, amount, currency, paymentDate, documentIssueDate, eTicketIssueDate,
                socialOrSearchAd, persons, nights, days, documentIds, approved, reason);
    }
}
