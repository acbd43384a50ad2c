package dev.destek.rules.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sector lists that DOMAIN §11 leaves open (A-30: Art. 29(2) names none; A-35: Art. 32(1) says "health" and
 * "other subjects to be determined by the Ministry"), as the switches A30_COOP_FOREIGN_OFFICE_SECTORS and
 * A35_NATIONAL_PARTICIPATION_SECTORS read them. The default options keep eligible_applicants.yaml as it is, so the
 * data stay the single statement of the suggested reading; the alternatives are derived from it, never typed twice.
 * The quote and the catalogue view both ask this class, so GET /v1/catalogue shows the list a quote applies.
 */
public final class SectorReadings {
    static final String COOP_FOREIGN_OFFICE = "COOP_FOREIGN_OFFICE";
    static final String NATIONAL_PARTICIPATION = "NATIONAL_PARTICIPATION";

    private final Catalogue catalogue;
    /** A-30 SECTORS_OF_ARTICLE_9: 29(2) applies "the provisions of Art. 9", its sector list included. */
    private final boolean coopForeignOfficeByArticle9;
    /** A-30 NOT_RESTRICTED: 29(2) lists no sector, read as no sector condition (as A-28 for HİSER). */
    private final boolean coopForeignOfficeUnrestricted;
    /** A-35 HEALTH_INCLUDES_HEALTH_TOURISM: "sağlık" read as also covering the health-tourism sector. */
    private final boolean nationalParticipationHealthTourism;
    /** A-35 EK_32E_LIST_DECIDES: the Ministry's open-ended subjects leave the EK-32E listing as the only filter. */
    private final boolean nationalParticipationUnrestricted;

    public SectorReadings(Catalogue catalogue, Map<String, String> interpretations) {
        this.catalogue = catalogue;
        String a30 = interpretations.get("A30_COOP_FOREIGN_OFFICE_SECTORS");
        this.coopForeignOfficeByArticle9 = "SECTORS_OF_ARTICLE_9".equals(a30);
        this.coopForeignOfficeUnrestricted = "NOT_RESTRICTED".equals(a30);
        String a35 = interpretations.get("A35_NATIONAL_PARTICIPATION_SECTORS");
        this.nationalParticipationHealthTourism = "HEALTH_INCLUDES_HEALTH_TOURISM".equals(a35);
        this.nationalParticipationUnrestricted = "EK_32E_LIST_DECIDES".equals(a35);
    }

    /**
     * The sectors that may claim {@code item} under the reading in force, given the item's eligibility version
     * {@code e} in force on {@code day}; empty = not restricted by sector.
     */
    public Set<String> sectors(String item, Catalogue.Eligibility e, LocalDate day) {
        if (item.equals(COOP_FOREIGN_OFFICE)) {
            if (coopForeignOfficeUnrestricted) {
                return Set.of();
            }
            if (coopForeignOfficeByArticle9) {
                Timeline<Catalogue.Eligibility> art9 = catalogue.eligibility.get("FOREIGN_OFFICE");
                Catalogue.Eligibility foreignOffice = art9 == null ? null : art9.valueOrNull(day);
                // both lists start with the circular; should Art. 9's end first, the 29(2) row still says who may claim
                return foreignOffice == null ? e.sectors() : foreignOffice.sectors();
            }
        } else if (item.equals(NATIONAL_PARTICIPATION)) {
            if (nationalParticipationUnrestricted) {
                return Set.of();
            }
            if (nationalParticipationHealthTourism && e.sectors().contains("HEALTH")) {
                Set<String> withHealthTourism = new LinkedHashSet<>(e.sectors());
                withHealthTourism.add("HEALTH_TOURISM");
                return withHealthTourism;
            }
        }
        return e.sectors();
    }
}
