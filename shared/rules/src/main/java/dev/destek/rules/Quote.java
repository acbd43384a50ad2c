package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The computed payout for a {@link QuoteRequest}. All amounts are BigDecimal with scale 2 and are written to
 * JSON as strings. Rounding: each line's support is rounded once, HALF_UP to 2 decimals; the total is the sum
 * of the rounded lines. {@code rejections} holds claim-level rejections (e.g. sector not eligible); they are
 * repeated on every line they zeroed.
 *
 * @param rulesVersion catalogue version and configuration source the quote was computed with
 */
public record Quote(Money totalSupport, List<Line> lines, List<Rejection> rejections, String rulesVersion) {

    public Quote {
        Objects.requireNonNull(totalSupport, "totalSupport");
        lines = List.copyOf(lines);
        rejections = List.copyOf(rejections);
    }

    public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
        public Money {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * One expense line.
     *
     * @param claimed      the amount claimed, in {@code currency}
     * @param eligibleBase the part of the claimed amount (in USD) the rate applies to; 0.00 when rejected
     * @param ratePercent  the support rate in percent after Art. 33 bonuses and the maxRate cap (e.g. 60.00)
     * @param support      eligibleBase × rate, HALF_UP to 2 decimals, in USD
     * @param tranches     how {@code support} is paid out when the rules split it (Art. 9(5) prepaid rent);
     *                     empty (and absent from JSON) when it is paid at once
     */
    public record Line(String id, String currency,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal claimed,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal eligibleBase,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ratePercent,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal support,
                       List<Rejection> rejections, List<TraceStep> trace,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tranche> tranches) {
        public Line {
            rejections = List.copyOf(rejections);
            // the calculator's own trace becomes the line's without a copy; anything else is copied
            trace = trace instanceof dev.destek.rules.internal.TraceSteps
                    ? ((dev.destek.rules.internal.TraceSteps) trace).freeze() : List.copyOf(trace);
            tranches = tranches == null ? List.of() : List.copyOf(tranches);
        }

        public Line(String id, String currency, BigDecimal claimed, BigDecimal eligibleBase, BigDecimal ratePercent,
                    BigDecimal support, List<Rejection> rejections, List<TraceStep> trace) {
            this(id, currency, claimed, eligibleBase, ratePercent, support, rejections, trace, List.of());
        }

        @JsonIgnore
        public boolean isRejected() {
            return !rejections.isEmpty();
        }
    }

    /**
     * One instalment of a line's support: the months {@code from}–{@code to} it covers and the condition it is paid
     * after (Art. 9(5): an EK-9B on-site inspection dated on or after the first month; DOMAIN A-11).
     */
    public record Tranche(YearMonth from, YearMonth to, int months,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal support, String payableAfter,
                          String article) { }

    /** A rule outcome that zeroes a line (or the claim), with the article that triggered it. */
    public record Rejection(String code, String article) {
        public Rejection {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * One step of the computation. {@code inputs} are strings (dates ISO-8601, amounts plain) in the order
     * the rule read them, so the trace serialises the same under any ObjectMapper configuration.
     */
    public record TraceStep(String ruleId, String article, Map<String, String> inputs, String output) {
        public TraceStep {
            // TraceInputs is already an immutable ordered copy (the calculator's hot path); anything else is copied
            inputs = inputs instanceof dev.destek.rules.internal.TraceInputs ? inputs
                    : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }
}
