package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A request for a payout quote, as sent by the payout function (Jackson + JavaTimeModule). Amounts travel as
 * JSON strings ({@code "10000.00"}). Structural problems are reported by {@link Rules#quote} as
 * {@link QuoteRequestException}s with a JSON Pointer; nothing is validated here so the pointer stays precise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteRequest(String programme, String supportItem, Applicant applicant, Activity activity,
                           LocalDate filingDate, List<Expense> expenses) {

    /**
     * @param role       e.g. {@code BENEFICIARY}, {@code COOPERATION_ORGANISATION}
     * @param type       e.g. {@code IT_COMPANY} (DOMAIN Appendix B ApplicantType)
     * @param sector     e.g. {@code IT} (DOMAIN §2.1)
     * @param hqProvince headquarters province code, compared with the EK-2 list (Art. 33(1))
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Applicant(String role, String type, String sector, String hqProvince) { }

    /**
     * @param countries countries the activity is directed at (registration country, campaign targets, unit
     *                  country); Art. 33(3): the EK-1 bonus needs all of them in EK-1
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activity(List<String> countries, LocalDate start, LocalDate end, LocalDate preApprovalDate) { }

    /**
     * @param kind              DOMAIN Appendix B ExpenseKind, e.g. {@code ADVERTISING}, {@code RENEWAL}
     * @param amount            claimed amount in {@code currency}, at most 2 decimals
     * @param paymentDate       the date on the payment document: value date if shown, else transaction date
     *                          (Art. 36(4))
     * @param documentIssueDate issue date of the registration certificate / certificate; required where the
     *                          Art. 34(4) period runs from it (PRODUCT_REGISTRATION, brand registration)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expense(String id, String kind,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                          String currency, LocalDate paymentDate, LocalDate documentIssueDate) {

        /** Convenience for the common case without a document date. */
        public Expense(String id, String kind, BigDecimal amount, String currency, LocalDate paymentDate) {
            this(id, kind, amount, currency, paymentDate, null);
        }
    }
}
