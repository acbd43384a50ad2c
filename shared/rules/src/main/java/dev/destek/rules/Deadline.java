package dev.destek.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One deadline (or window boundary) implied by the facts of a request, from a time rule T01–T59 (DOMAIN §4.1).
 *
 * @param ruleId      e.g. {@code T42}
 * @param article     the article that sets it, e.g. {@code Art. 34(1), 34(5)}
 * @param date        the boundary day (inclusive), java.time arithmetic with month-end clamping (DOMAIN §0)
 * @param kind        {@code LATEST}: act on or before {@code date}; {@code EARLIEST}: not before {@code date}
 * @param subject     the expense id for per-expense deadlines (payment dates, certificates), else null
 * @param trigger     the fact it runs from, e.g. {@code PAYMENT_DATE}
 * @param triggerDate that fact's value
 * @param description what must happen by then
 * @param consequence what the text says happens when it is missed
 * @param status      for the given day: OPEN, DUE_SOON (within the configured window), MISSED; EARLIEST
 *                    boundaries are NOT_YET before {@code date} and OPEN from it
 * @param descriptionTr  {@code description} in Turkish
 * @param consequenceTr  {@code consequence} in Turkish
 */
public record Deadline(String ruleId, String article, LocalDate date, String kind, String subject, String trigger,
                       LocalDate triggerDate, String description, String consequence, Status status,
                       String descriptionTr, String consequenceTr) {

    public enum Status { OPEN, DUE_SOON, MISSED, NOT_YET }

    public Deadline {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
    }
}
