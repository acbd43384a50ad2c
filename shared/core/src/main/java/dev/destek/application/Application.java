package dev.destek.application;

import dev.destek.rules.ChecklistEntry;
import dev.destek.rules.QuoteRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An application for one support item, owned by one company.
 *
 * @param facts the facts the applicant declared (activity dates, filing date, expenses: the body of a quote), from
 *              which the rules compute its deadlines; null until declared
 */
public record Application(
        String id,
        String companyId,
        String supportItem,
        ApplicationStatus status,
        List<ChecklistEntry> checklist,
        String createdBy,
        Instant createdAt,
        QuoteRequest facts) {
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(supportItem, "supportItem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        checklist = List.copyOf(checklist);
    }

    /** A new application: no facts declared yet. */
    public Application(String id, String companyId, String supportItem, ApplicationStatus status,
                       List<ChecklistEntry> checklist, String createdBy, Instant createdAt) {
        this(id, companyId, supportItem, status, checklist, createdBy, createdAt, null);
    }

    public Application withFacts(QuoteRequest newFacts) {
        return new Application(id, companyId, supportItem, status, checklist, createdBy, createdAt, newFacts);
    }
}
