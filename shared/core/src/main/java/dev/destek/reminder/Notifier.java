package dev.destek.reminder;

/** Delivers one reminder to the applicant (e-mail deployed, an outbox locally). */
@FunctionalInterface
public interface Notifier {
    void send(DueReminder reminder);
}
