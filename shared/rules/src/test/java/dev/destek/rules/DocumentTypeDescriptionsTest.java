package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checklists show each document in Turkish and English (next steps quote the descriptions), so a Turkish
 * description must be Turkish: the annex forms are named as in the circular's annex titles (DOMAIN §1.4).
 */
class DocumentTypeDescriptionsTest {
    private static final Rules RULES = Rules.load(Map.of());
    /** Words of the English descriptions that have no place in a Turkish one. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(claim|form|application|report|consultancy|"
            + "participation|delegation|payment|approval|promotion|training|advertising|marketing|commission)\\b");

    @Test
    void descriptionTr_everyChecklistEntryOfEveryItem_shouldBeTurkishAndDifferFromTheEnglish() {
        for (SupportItem item : RULES.supportItems()) {
            for (ChecklistEntry entry : RULES.checklist(item.id(), LocalDate.of(2026, 1, 15))) {
                assertThat(entry.descriptionTr()).as(item.id() + "/" + entry.documentType()).isNotBlank()
                        .isNotEqualTo(entry.descriptionEn())
                        .doesNotContainPattern(ENGLISH);
            }
        }
    }
}
