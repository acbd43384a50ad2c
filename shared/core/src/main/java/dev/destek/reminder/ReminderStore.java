package dev.destek.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reminders and their outbox. A reminder is SCHEDULED (indexed by the day it is due), then either CANCELLED (its
 * deadline moved or went away), MUTED, or recorded as PENDING in the outbox (indexed as pending) and finally SENT.
 * Every transition is a conditional write, so of two concurrent runs exactly one records a reminder.
 */
public interface ReminderStore {

    /**
     * Makes the application's scheduled reminders exactly {@code planned}: adds the missing ones and cancels the
     * scheduled ones no longer planned. Reminders already recorded or sent are left alone.
     */
    ScheduleChange replaceSchedule(String companyId, String applicationId, List<DueReminder> planned, Instant now);

    /** Scheduled reminders due on {@code day}, read from a due-day index, never a scan. */
    List<DueReminder> dueOn(LocalDate day);

    /**
     * Records {@code message} in the outbox: SCHEDULED → PENDING, owned by this run until {@code leaseUntil}.
     *
     * @return false when another run recorded (or cancelled) it first
     */
    boolean record(OutboxMessage message, Instant now, Instant leaseUntil);

    /** SCHEDULED → MUTED; false when it was no longer scheduled. */
    boolean mute(DueReminder reminder, Instant now);

    /** Messages recorded but not yet sent (an earlier run crashed or failed to deliver), from the outbox index. */
    List<OutboxMessage> pending();

    /** Takes over a pending message whose lease expired; false when it is sent or another run holds it. */
    boolean lease(OutboxMessage message, Instant now, Instant leaseUntil);

    /** PENDING → SENT: leaves the outbox index. */
    void markSent(OutboxMessage message, Instant at);

    /** The last day a run covered completely. */
    Optional<LocalDate> watermark();

    /** Moves the watermark forward to {@code day}; never back. */
    void advanceWatermark(LocalDate day, Instant at);

    ReminderPreferences preferences(String companyId);

    void savePreferences(String companyId, ReminderPreferences preferences);

    /** The company's recorded and sent reminders, newest first. */
    List<Notification> notifications(String companyId);

    /** What {@link #replaceSchedule} did. */
    record ScheduleChange(int added, int cancelled, int kept) { }
}
