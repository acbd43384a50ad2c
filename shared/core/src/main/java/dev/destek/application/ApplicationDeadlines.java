package dev.destek.application;

import dev.destek.reminder.ReminderStore;
import dev.destek.rules.Deadline;
import java.util.List;

/**
 * An application with the deadlines its facts imply (status as of today).
 *
 * @param reminders what re-planning its reminders did, when the facts were just declared; else null
 */
public record ApplicationDeadlines(Application application, List<Deadline> deadlines,
                                   ReminderStore.ScheduleChange reminders) {
    public ApplicationDeadlines {
        deadlines = List.copyOf(deadlines);
    }
}
