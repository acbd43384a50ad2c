package dev.destek.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A company's debts as of {@code asOf}, from one ingested debt file ({@code sourceObject}). Amounts in
 * {@code currency} (the payout currency, Art. 35 names none), at most 2 decimals; a creditor without debt has
 * amount 0.00.
 */
public record CompanyDebts(String companyId, LocalDate asOf, String currency, Debt tax, Debt socialSecurity,
                           String sourceObject) {
    public CompanyDebts {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(socialSecurity, "socialSecurity");
    }

    /** Art. 35(1),(2): only an overdue debt not under a complied-with restructuring is offset. */
    public record Debt(BigDecimal amount, boolean overdue, boolean restructured, boolean restructuringComplied) {
        public Debt {
            Objects.requireNonNull(amount, "amount");
        }
    }
}
