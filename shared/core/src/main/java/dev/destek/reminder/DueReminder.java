package dev.destek.reminder;

import java.time.LocalDate;

/** One reminder the rules attach to an application, due to be sent on {@code sendOn}. */
public record DueReminder(
        String companyId,
        String applicationId,
        String ruleId,
        String article,
        LocalDate deadline,
        LocalDate sendOn) {

    /** Identity of the reminder: the same rule, deadline and send day is the same reminder. */
    public String reminderId() {
        return applicationId + "#" + ruleId + "#" + deadline + "#" + sendOn;
    }
}
