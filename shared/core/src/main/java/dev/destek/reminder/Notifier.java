package dev.destek.reminder;

/** Delivers one recorded reminder to the applicant (e-mail deployed, an outbox file locally). */
@FunctionalInterface
public interface Notifier {
    /** Throws when delivery failed; the message stays pending and a later run retries it. */
    void send(OutboxMessage message);
}
