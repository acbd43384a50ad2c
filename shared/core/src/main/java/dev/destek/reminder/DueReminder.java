package dev.destek.reminder;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One reminder of one deadline of an application, due to be sent on {@code sendOn}.
 *
 * @param ruleId      the time rule (T01–T59) the deadline comes from
 * @param article     the article that sets the deadline
 * @param subject     the expense the deadline is about (per-expense deadlines), else null
 * @param deadline    the last day to act (inclusive)
 * @param sendOn      the Turkish calendar day the reminder is due
 * @param kind        {@code BEFORE_30}, {@code BEFORE_7}, {@code BEFORE_1}, … or {@code MISSED} (see {@link ReminderKind})
 * @param description what must happen by then (from the rules)
 * @param consequence what the text says happens when it is missed (from the rules)
 * @param descriptionTr {@code description} in Turkish (from the rules; null on reminders planned before it existed)
 * @param consequenceTr {@code consequence} in Turkish (likewise)
 */
public record DueReminder(
        String companyId,
        String applicationId,
        String ruleId,
        String article,
        String subject,
        LocalDate deadline,
        LocalDate sendOn,
        String kind,
        String description,
        String consequence,
        String descriptionTr,
        String consequenceTr) {

    public DueReminder {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(sendOn, "sendOn");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Identity of the reminder: the same rule, subject, deadline and kind is the same reminder. A deadline that
     * moves therefore gets new reminders (and the old ones are cancelled), while re-planning unchanged facts
     * finds the same ids. Starts with the application id, so one application's reminders share a key prefix.
     */
    public String reminderId() {
        return applicationId + "#" + ruleId + "#" + (subject == null ? "-" : subject) + "#" + deadline + "#" + kind;
    }
}
