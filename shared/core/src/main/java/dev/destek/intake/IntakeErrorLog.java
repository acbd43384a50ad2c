package dev.destek.intake;

import java.util.List;

/** Where refused inbox drops are recorded for administrators. */
public interface IntakeErrorLog {

    /** Records {@code error} once per {@link IntakeError#id()}; false when it was recorded before (a replay). */
    boolean record(IntakeError error);

    /** At most {@code limit} errors, newest first. */
    List<IntakeError> recent(int limit);
}
