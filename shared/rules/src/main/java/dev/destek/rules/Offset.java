package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;

/**
 * The payment of an entitlement under Art. 35: what goes to the tax authority, to the social security institution
 * and to the applicant. The three always add up to the entitlement. Amounts scale 2, JSON strings.
 *
 * @param rule PAID_IN_FULL (no counting debt, 35(2)), COVERS_ALL_DEBTS or PROPORTIONAL (35(3))
 */
public record Offset(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toTaxAuthority,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toSocialSecurity,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toApplicant,
                     String rule, String article, List<Quote.TraceStep> trace) {
    public Offset {
        trace = List.copyOf(trace);
    }
}
