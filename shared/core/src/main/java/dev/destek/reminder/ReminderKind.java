package dev.destek.reminder;

/**
 * What a reminder says about its deadline: {@code BEFORE_n} ({@code n} days before the last day) or
 * {@code MISSED} (the day after the last day). A missed-deadline notice is never muted.
 */
public final class ReminderKind {
    public static final String MISSED = "MISSED";
    private static final String BEFORE = "BEFORE_";

    private ReminderKind() { }

    public static String before(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days before must be non-negative: " + days);
        }
        return BEFORE + days;
    }

    /** Days before the deadline for a {@code BEFORE_n} kind, -1 for {@code MISSED}. */
    public static int daysBefore(String kind) {
        if (MISSED.equals(kind)) {
            return -1;
        }
        if (kind != null && kind.startsWith(BEFORE)) {
            try {
                return Integer.parseInt(kind.substring(BEFORE.length()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("not a reminder kind: " + kind);
    }

    public static boolean isValid(String kind) {
        try {
            daysBefore(kind);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean mutable(String kind) {
        return !MISSED.equals(kind);
    }
}
