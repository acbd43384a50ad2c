package dev.destek.reminder;

import dev.destek.rules.Deadline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the deadlines the rules compute for an application into reminders: one per configured offset before each
 * "act on or before" deadline, and a missed-deadline notice on the day after it. Only reminders due today or later
 * are planned: a fact entered late does not flood the applicant with reminders of days gone by (the deadlines
 * themselves stay visible with their status). "Not before" boundaries get no reminders.
 */
public final class ReminderPlanner {
    private final ReminderSettings settings;

    public ReminderPlanner(ReminderSettings settings) {
        this.settings = settings;
    }

    public List<DueReminder> plan(String companyId, String applicationId, List<Deadline> deadlines, LocalDate today) {
        Map<String, DueReminder> planned = new LinkedHashMap<>();
        for (Deadline d : deadlines) {
            if (!"LATEST".equals(d.kind())) {
                continue;
            }
            List<DueReminder> forDeadline = new ArrayList<>();
            for (int days : settings.offsetsDays()) {
                forDeadline.add(reminder(companyId, applicationId, d, d.date().minusDays(days), ReminderKind.before(days)));
            }
            forDeadline.add(reminder(companyId, applicationId, d, d.date().plusDays(1), ReminderKind.MISSED));
            for (DueReminder r : forDeadline) {
                if (!r.sendOn().isBefore(today)) {
                    planned.putIfAbsent(r.reminderId(), r);
                }
            }
        }
        return List.copyOf(planned.values());
    }

    private static DueReminder reminder(String companyId, String applicationId, Deadline d, LocalDate sendOn,
                                        String kind) {
        return new DueReminder(companyId, applicationId, d.ruleId(), d.article(), d.subject(), d.date(), sendOn, kind,
                d.description(), d.consequence(), d.descriptionTr(), d.consequenceTr());
    }
}
