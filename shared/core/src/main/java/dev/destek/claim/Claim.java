package dev.destek.claim;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.destek.rules.QuoteRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A claim of one company for one application: the facts the rules need and the expense lines. Immutable; every
 * change produces the next version through a {@link ClaimEvent}, which is the only way a claim is stored.
 *
 * @param version the number of the last event applied (1 = created)
 */
public record Claim(String id, String companyId, String applicationId, String programme, String supportItem,
                    ClaimState state, long version, QuoteRequest.Applicant applicant, QuoteRequest.Activity activity,
                    List<ClaimLine> lines, Instant submittedAt, Decision decision, PaymentOrderRef paymentOrder,
                    Instant createdAt, Instant updatedAt) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(state, "state");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The reviewer's decision. */
    public record Decision(ClaimState outcome, String reason, String decidedBy, Instant decidedAt) { }

    /** Where the payment order went and what it pays (Art. 35). */
    public record PaymentOrderRef(String jsonKey, String pdfKey, String currency,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal entitlement,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toTaxAuthority,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toSocialSecurity,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toApplicant) { }

    Claim next(ClaimState newState, Instant at) {
        return new Claim(id, companyId, applicationId, programme, supportItem, newState, version + 1, applicant,
                activity, lines, submittedAt, decision, paymentOrder, createdAt, at);
    }

    Claim withContent(QuoteRequest.Applicant newApplicant, QuoteRequest.Activity newActivity,
                      List<ClaimLine> newLines) {
        return new Claim(id, companyId, applicationId, programme, supportItem, state, version, newApplicant,
                newActivity, newLines, submittedAt, decision, paymentOrder, createdAt, updatedAt);
    }

    Claim withLines(List<ClaimLine> newLines) {
        return withContent(applicant, activity, newLines);
    }

    Claim withSubmittedAt(Instant at) {
        return new Claim(id, companyId, applicationId, programme, supportItem, state, version, applicant, activity,
                lines, at, decision, paymentOrder, createdAt, updatedAt);
    }

    Claim withDecision(Decision newDecision) {
        return new Claim(id, companyId, applicationId, programme, supportItem, state, version, applicant, activity,
                lines, submittedAt, newDecision, paymentOrder, createdAt, updatedAt);
    }

    Claim withPaymentOrder(PaymentOrderRef ref) {
        return new Claim(id, companyId, applicationId, programme, supportItem, state, version, applicant, activity,
                lines, submittedAt, decision, ref, createdAt, updatedAt);
    }
}
