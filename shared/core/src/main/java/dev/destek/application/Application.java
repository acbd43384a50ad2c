package dev.destek.application;

import dev.destek.rules.ChecklistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An application for one support item, owned by one company. */
public record Application(
        String id,
        String companyId,
        String supportItem,
        ApplicationStatus status,
        List<ChecklistEntry> checklist,
        String createdBy,
        Instant createdAt) {
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(supportItem, "supportItem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        checklist = List.copyOf(checklist);
    }
}
