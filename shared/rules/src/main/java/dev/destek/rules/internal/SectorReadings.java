package dev.destek.rules.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may claim an item under the interpretations in force: eligible_applicants.yaml's list, as an option's
 * {@code sectors} data changes it (A30_COOP_FOREIGN_OFFICE_SECTORS: Art. 29(2) names no list; A35_NATIONAL_
 * PARTICIPATION_SECTORS: Art. 32(1) says "health" and "other subjects"). The default options change nothing, so the
 * data stay the single statement of the suggested reading. The quote and the catalogue view both ask this class, so
 * GET /v1/catalogue shows the list a quote applies.
 */
public final class SectorReadings {
    private final Catalogue catalogue;
    private final Map<String, ProgrammeCatalogue.SectorChange> changes;

    public SectorReadings(Catalogue catalogue, Map<String, String> interpretations) {
        this.catalogue = catalogue;
        this.changes = ProgrammeConfig.sectorChanges(interpretations);
    }

    /**
     * The sectors that may claim {@code item} under the reading in force, given the item's eligibility version
     * {@code e} in force on {@code day}; empty = not restricted by sector.
     */
    public Set<String> sectors(String item, Catalogue.Eligibility e, LocalDate day) {
        ProgrammeCatalogue.SectorChange c = changes.get(item);
        if (c == null) {
            return e.sectors();
        }
        if (c.unrestricted()) {
            return Set.of();
        }
        if (c.sameAs() != null) {
            Timeline<Catalogue.Eligibility> other = catalogue.eligibility.get(c.sameAs());
            Catalogue.Eligibility o = other == null ? null : other.valueOrNull(day);
            // both lists start with the circular; should the other end first, the item's own row still says who
            return o == null ? e.sectors() : o.sectors();
        }
        if (!c.add().isEmpty() && (c.ifListed() == null || e.sectors().contains(c.ifListed()))) {
            Set<String> more = new LinkedHashSet<>(e.sectors());
            more.addAll(c.add());
            return more;
        }
        return e.sectors();
    }
}
