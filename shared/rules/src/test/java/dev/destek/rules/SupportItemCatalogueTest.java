package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Support items of the circular (Arts. 4, 5, 7, 8, 9), in force from Decree 2015/8 (Art. 2(1)). */
class SupportItemCatalogueTest {

    @ParameterizedTest(name = "{1}: {0} is claimed with {2}")
    @CsvSource({
            "PRODUCT_REGISTRATION, Art. 4, EK-4",
            "BRAND_REGISTRATION_PROTECTION, Art. 5, EK-5",
            "CERTIFICATION, Art. 7, EK-7",
            "ADVERTISING, Art. 8, EK-8",
            "FOREIGN_OFFICE, Art. 9, EK-9"})
    void supportItem_known_shouldCarryArticleFormNamesAndDates(String id, String article, String form) {
        SupportItem item = DEFAULTS.supportItem(id).orElseThrow();
        assertThat(item.article()).isEqualTo(article);
        assertThat(item.claimForm()).isEqualTo(form);
        assertThat(item.nameEn()).isNotBlank();
        assertThat(item.nameTr()).isNotBlank();
        assertThat(item.effectiveFrom()).isEqualTo(LocalDate.parse("2015-06-02"));
        assertThat(item.effectiveTo()).isNull();
        assertThat(item.isInForceOn(LocalDate.parse("2015-06-01"))).isFalse();
        assertThat(item.isInForceOn(LocalDate.parse("2015-06-02"))).isTrue();
    }

    @Test
    void supportItems_shouldListEveryItemOfArts4To32InArticleOrder() {
        // DOMAIN §3 / Appendix B SupportItem: Arts. 4-32
        assertThat(DEFAULTS.supportItems()).extracting(SupportItem::id).containsExactly("PRODUCT_REGISTRATION",
                "BRAND_REGISTRATION_PROTECTION", "MARKET_REPORT", "CERTIFICATION", "ADVERTISING", "FOREIGN_OFFICE",
                "CONSULTANCY", "AGENCY_COMMISSION", "INTERPRETER", "PATIENT_TRAVEL", "DOMESTIC_PROMOTION",
                "GAME_APP_MARKET_ENTRY", "FILM_MARKETING", "GAME_APP_COMMISSION", "GAME_APP_DEVELOPMENT", "FILM_STUDIO",
                "FILM_ADVERTISING", "TRADE_DELEGATION", "HISER_PROJECT", "HISER_NEEDS_ANALYSIS",
                "HISER_TRAINING_CONSULTANCY", "HISER_EMPLOYMENT", "HISER_MARKETING", "HISER_PAYMENT", "HISER_MONITORING",
                "COOP_MARKET_REPORT", "COOP_ADVERTISING", "COOP_DOMESTIC_PROMOTION", "COOP_FOREIGN_OFFICE",
                "COMPETITION_EVENT", "INDIVIDUAL_FAIR_PARTICIPATION", "NATIONAL_PARTICIPATION");
    }

    @Test
    void supportItem_onDate_shouldBeEmptyBeforeEntryIntoForce() {
        assertThat(DEFAULTS.supportItem("ADVERTISING", LocalDate.parse("2015-06-01"))).isEmpty();
        assertThat(DEFAULTS.supportItem("ADVERTISING", LocalDate.parse("2015-06-02"))).isPresent();
        assertThat(DEFAULTS.supportItem("NOPE")).isEmpty();
    }
}
