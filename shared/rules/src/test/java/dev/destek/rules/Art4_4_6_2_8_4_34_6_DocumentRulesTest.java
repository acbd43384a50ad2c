package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The document-rule parameters as dated data (regulation/documents/document_rules.yaml): counsellor approval
 * (Art. 4(4), 5(4), 8(4), 9(3), 29), report age (Art. 6(2)) and once-only documents (Art. 34(6)). In force from
 * the Decree's entry into force, 2015-06-02.
 */
class Art4_4_6_2_8_4_34_6_DocumentRulesTest {
    private static final Rules RULES = Rules.load(Map.of());

    @Test
    void documentRules_dayBeforeTheDecree_shouldBeAbsent() {
        assertThat(RULES.documentRules(LocalDate.of(2015, 6, 1))).isEmpty();
    }

    @Test
    void art8_4_onTheEffectiveDate_shouldBe20000UsdWithItsArticle() {
        DocumentRules rules = RULES.documentRules(LocalDate.of(2015, 6, 2)).orElseThrow();

        assertThat(rules.counsellorThresholdUsd()).isEqualByComparingTo(new BigDecimal("20000"));
        assertThat(rules.counsellorThresholdArticle()).isEqualTo("Art. 8(4)");
        assertThat(rules.counsellorRules().get("ADVERTISING").overThresholdOnly()).isTrue();
        assertThat(rules.counsellorRules().get("COOP_ADVERTISING").article()).isEqualTo("Art. 8(4), 29(1)");
    }

    @Test
    void art4_4_5_4_9_3_foreignByNature_shouldAlwaysNeedApproval() {
        DocumentRules rules = RULES.documentRules(LocalDate.of(2026, 1, 15)).orElseThrow();

        assertThat(rules.counsellorRules().get("PRODUCT_REGISTRATION").alwaysForeign())
                .containsExactly("REGISTRATION_CERT");
        assertThat(rules.counsellorRules().get("BRAND_REGISTRATION_PROTECTION").article()).isEqualTo("Art. 5(4)");
        assertThat(rules.counsellorRules().get("FOREIGN_OFFICE").alwaysForeign())
                .containsExactlyInAnyOrder("LEASE", "PAYMENT_DOC", "FOREIGN_UNIT_DOCS");
        assertThat(rules.counsellorRules()).doesNotContainKey("MARKET_REPORT");
    }

    @Test
    void art6_2_and_34_6_today_shouldBeTwoYearsForReportsAndEk3OnceOnly() {
        DocumentRules rules = RULES.documentRules(LocalDate.of(2026, 1, 15)).orElseThrow();

        assertThat(rules.reportMaxAge()).isEqualTo(Period.ofYears(2));
        assertThat(rules.reportAgeArticle()).isEqualTo("Art. 6(2)");
        assertThat(rules.reportItems()).containsExactlyInAnyOrder("MARKET_REPORT", "COOP_MARKET_REPORT");
        assertThat(rules.onceOnlyDocumentTypes()).containsExactly("EK_3");
        assertThat(rules.onceOnlyArticle()).isEqualTo("Art. 34(6)");
    }
}
