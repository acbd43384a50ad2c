package dev.destek.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reminders indexed by the day they are due, so a daily run reads only what is due. */
public interface ReminderStore {

    void schedule(DueReminder reminder);

    /** Reminders whose send day is {@code day}, read from a due-day index, never a scan. */
    List<DueReminder> dueOn(LocalDate day);

    /**
     * Claims the right to send {@code reminder}: a conditional write that succeeds once.
     *
     * @return false when it was already claimed by this or another run
     */
    boolean claim(DueReminder reminder, Instant at);
}
