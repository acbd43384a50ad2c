package dev.destek.reminder;

import java.time.Instant;
import java.time.LocalDate;

/** A reminder as the applicant sees it in the app: recorded (PENDING) or SENT. */
public record Notification(String id, String applicationId, String ruleId, String article, LocalDate deadline,
                           String kind, String status, String language, String subject, String body,
                           Instant recordedAt, Instant sentAt) { }
