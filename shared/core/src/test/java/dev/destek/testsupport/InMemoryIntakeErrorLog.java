package dev.destek.testsupport;

import dev.destek.intake.IntakeError;
import dev.destek.intake.IntakeErrorLog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The intake error log's contract in memory; the DynamoDB adapter is tested against dynalite. */
public final class InMemoryIntakeErrorLog implements IntakeErrorLog {
    private final Map<String, IntakeError> errors = new ConcurrentHashMap<>();

    @Override
    public boolean record(IntakeError error) {
        return errors.putIfAbsent(error.id(), error) == null;
    }

    @Override
    public List<IntakeError> recent(int limit) {
        return errors.values().stream().sorted(Comparator.comparing(IntakeError::occurredAt).reversed())
                .limit(limit).toList();
    }
}
