package dev.destek.reminder;

import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.tenancy.Caller;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The caller company's reminders in the app, and its reminder preferences (language, e-mail, muted kinds). */
public final class NotificationService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    private final ReminderStore store;

    public NotificationService(ReminderStore store) {
        this.store = store;
    }

    public List<Notification> notifications(Caller caller) {
        return store.notifications(caller.companyId());
    }

    public ReminderPreferences preferences(Caller caller) {
        return store.preferences(caller.companyId());
    }

    /** Replaces the company's preferences; {@code MISSED} notices cannot be muted (422). */
    public ReminderPreferences savePreferences(Caller caller, PreferencesRequest request) {
        String language = request.language() == null ? "tr" : request.language();
        if (!language.equals("tr") && !language.equals("en")) {
            throw invalid("/language", "tr or en");
        }
        if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
            throw invalid("/email", "an e-mail address");
        }
        List<String> muted = request.mutedKinds() == null ? List.of() : request.mutedKinds();
        for (int i = 0; i < muted.size(); i++) {
            String kind = muted.get(i);
            if (!ReminderKind.isValid(kind)) {
                throw invalid("/mutedKinds/" + i, "a reminder kind such as BEFORE_30, BEFORE_7 or BEFORE_1");
            }
            if (!ReminderKind.mutable(kind)) {
                throw invalid("/mutedKinds/" + i, "a missed-deadline notice is never muted");
            }
        }
        ReminderPreferences preferences = new ReminderPreferences(language, request.email(), Set.copyOf(muted));
        store.savePreferences(caller.companyId(), preferences);
        return preferences;
    }

    /** What a company sends to set its preferences. */
    public record PreferencesRequest(String language, String email, List<String> mutedKinds) { }

    private static ProblemException invalid(String pointer, String reason) {
        return new ProblemException(new Problem(ProblemType.INVALID_REQUEST, pointer.substring(1) + ": " + reason,
                List.of(new Problem.FieldError(pointer, reason))));
    }
}
