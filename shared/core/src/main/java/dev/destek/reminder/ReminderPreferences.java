package dev.destek.reminder;

import java.util.Objects;
import java.util.Set;

/**
 * A company's reminder preferences.
 *
 * @param language   {@code tr} (default) or {@code en}: the language of its reminders
 * @param email      where reminders are e-mailed; null: in-app only
 * @param mutedKinds reminder kinds not sent (e.g. {@code BEFORE_30}); {@code MISSED} can never be muted
 */
public record ReminderPreferences(String language, String email, Set<String> mutedKinds) {
    public static final ReminderPreferences DEFAULTS = new ReminderPreferences("tr", null, Set.of());

    public ReminderPreferences {
        language = language == null ? "tr" : language;
        if (!language.equals("tr") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be tr or en: " + language);
        }
        mutedKinds = Set.copyOf(Objects.requireNonNullElse(mutedKinds, Set.of()));
        for (String kind : mutedKinds) {
            if (!ReminderKind.isValid(kind) || !ReminderKind.mutable(kind)) {
                throw new IllegalArgumentException("cannot mute " + kind);
            }
        }
    }

    public boolean mutes(String kind) {
        return ReminderKind.mutable(kind) && mutedKinds.contains(kind);
    }
}
