package dev.destek.reminder;

import java.util.Objects;

/**
 * A reminder as recorded in the outbox before it is sent: rendered once, so a retry sends exactly the same text.
 *
 * @param recipient the company's reminder e-mail address, null when it has none (in-app only)
 */
public record OutboxMessage(DueReminder reminder, String language, String recipient, String subject, String body) {
    public OutboxMessage {
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
