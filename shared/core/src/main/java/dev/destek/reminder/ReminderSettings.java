package dev.destek.reminder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How reminders are planned and sent.
 *
 * @param offsetsDays    days before a deadline a reminder goes out ({@code REMINDER_OFFSETS_DAYS}, default 30,7,1);
 *                       a missed-deadline notice always follows on the day after the deadline
 * @param lease          how long a run that recorded a message owns its sending; after it a later run may retry
 *                       ({@code REMINDER_LEASE_SECONDS}, default 900, longer than the function's timeout)
 * @param maxCatchUpDays how many missed days a run catches up at most ({@code REMINDER_MAX_CATCH_UP_DAYS}, 366)
 * @param parallelism    due reminders a run records and sends at once ({@code REMINDER_PARALLELISM}, default 8): the
 *                       work is round trips to DynamoDB and SES, not CPU
 */
public record ReminderSettings(List<Integer> offsetsDays, Duration lease, int maxCatchUpDays, int parallelism) {
    public static final ReminderSettings DEFAULTS =
            new ReminderSettings(List.of(30, 7, 1), Duration.ofMinutes(15), 366, 8);

    public ReminderSettings {
        offsetsDays = List.copyOf(offsetsDays);
        Objects.requireNonNull(lease, "lease");
        for (int d : offsetsDays) {
            if (d < 0) {
                throw new IllegalArgumentException("reminder offsets must be non-negative: " + offsetsDays);
            }
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (maxCatchUpDays < 0) {
            throw new IllegalArgumentException("maxCatchUpDays must be non-negative");
        }
    }

    public static ReminderSettings fromEnv(Map<String, String> env) {
        String offsets = env.get("REMINDER_OFFSETS_DAYS");
        String lease = env.get("REMINDER_LEASE_SECONDS");
        String catchUp = env.get("REMINDER_MAX_CATCH_UP_DAYS");
        String parallelism = env.get("REMINDER_PARALLELISM");
        return new ReminderSettings(
                offsets == null || offsets.isBlank() ? DEFAULTS.offsetsDays()
                        : java.util.Arrays.stream(offsets.split(",")).map(String::trim).map(Integer::valueOf).toList(),
                lease == null || lease.isBlank() ? DEFAULTS.lease() : Duration.ofSeconds(Long.parseLong(lease.trim())),
                catchUp == null || catchUp.isBlank() ? DEFAULTS.maxCatchUpDays() : Integer.parseInt(catchUp.trim()),
                parallelism == null || parallelism.isBlank() ? DEFAULTS.parallelism()
                        : Integer.parseInt(parallelism.trim()));
    }
}
