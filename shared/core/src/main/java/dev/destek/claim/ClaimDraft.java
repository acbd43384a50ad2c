package dev.destek.claim;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.destek.rules.QuoteRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the applicant writes into a claim: the facts the rules read and the expense lines with their documents.
 *
 * @param programme defaults to the decree (DECREE_2015_8)
 */
public record ClaimDraft(String programme, QuoteRequest.Applicant applicant, QuoteRequest.Activity activity,
                         List<Line> lines) {

    /** One expense line as the applicant declares it; {@code id} is optional (L1, L2, … when absent). */
    public record Line(String id, String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                       String currency, LocalDate paymentDate, LocalDate documentIssueDate,
                       @JsonProperty("eTicketIssueDate") LocalDate eTicketIssueDate, Boolean socialOrSearchAd,
                       Integer persons, Integer nights, Integer days, List<String> documentIds) { }
}
