package dev.destek.intake;

import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.util.List;
import java.util.Objects;

/**
 * The inbox drops that were refused, for administrators: they span companies (an unknown company has no one else
 * to tell), so no applicant, whatever their company, may read them.
 */
public final class IntakeErrorService {
    public static final int MAX_LIMIT = 500;
    private final IntakeErrorLog log;

    public IntakeErrorService(IntakeErrorLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public List<IntakeError> recent(Caller caller, int limit) {
        if (!caller.has(Role.ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators see intake errors");
        }
        return log.recent(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
