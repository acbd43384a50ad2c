package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checklists (Arts. 4(4), 5(4), 7(1), 8(1),(4), 9(3), 34(6)) and document-type rules as data. */
class DocumentRulesTest {
    private static final LocalDate EFFECTIVE = LocalDate.parse("2015-06-02");

    @Test
    void art8_checklist_onEffectiveDate_shouldListClaimFormInvoicesPaymentsAndOptionalEvidence() {
        List<ChecklistEntry> list = DEFAULTS.checklist("ADVERTISING", EFFECTIVE);
        assertThat(list).extracting(ChecklistEntry::documentType).containsExactly(
                "EK_8", "INVOICE", "PAYMENT_DOC", "CONTRACT", "MEDIA_PLAN", "CAMPAIGN_REPORT", "EK_3");
        assertThat(list).filteredOn(ChecklistEntry::required).extracting(ChecklistEntry::documentType)
                .containsExactly("EK_8", "INVOICE", "PAYMENT_DOC");
        assertThat(list.get(0)).isEqualTo(new ChecklistEntry("EK_8", "Art. 8(1)",
                "Advertising, promotion and marketing support claim form (EK-8)",
                "Reklam, Tanıtım ve Pazarlama Desteği Başvuru Belgeleri (EK-8)", true));
        assertThat(list).allSatisfy(e -> {
            assertThat(e.article()).startsWith("Art. ");
            assertThat(e.descriptionEn()).isNotBlank();
            assertThat(e.descriptionTr()).isNotBlank();
        });
    }

    @Test
    void art8_checklist_dayBeforeEffectiveDate_shouldBeEmpty() {
        assertThat(DEFAULTS.checklist("ADVERTISING", EFFECTIVE.minusDays(1))).isEmpty();
    }

    @Test
    void art34_6_ek3_shouldBeRequiredOnlyWithTheFirstApplication() {
        assertThat(DEFAULTS.checklist("ADVERTISING", EFFECTIVE, false))
                .filteredOn(e -> e.documentType().equals("EK_3")).singleElement()
                .satisfies(e -> {
                    assertThat(e.required()).isFalse();
                    assertThat(e.article()).isEqualTo("Art. 34(6)");
                });
        assertThat(DEFAULTS.checklist("ADVERTISING", EFFECTIVE, true))
                .filteredOn(e -> e.documentType().equals("EK_3")).singleElement()
                .satisfies(e -> assertThat(e.required()).isTrue());
    }

    @ParameterizedTest(name = "{0}: claim form {1}, evidence {2} ({3})")
    @CsvSource({
            "PRODUCT_REGISTRATION, EK_4, REGISTRATION_CERT, Art. 4(4)",
            "BRAND_REGISTRATION_PROTECTION, EK_5, REGISTRATION_CERT, Art. 5(4)",
            "CERTIFICATION, EK_7, CERTIFICATE, Art. 7(1)",
            "FOREIGN_OFFICE, EK_9, LEASE, Art. 9(3)"})
    void checklist_perItem_shouldStartWithClaimFormAndRequireTheEvidence(String item, String form,
                                                                        String evidence, String article) {
        List<ChecklistEntry> list = DEFAULTS.checklist(item, LocalDate.parse("2025-01-01"));
        assertThat(list.get(0).documentType()).isEqualTo(form);
        assertThat(list.get(0).required()).isTrue();
        assertThat(list).anySatisfy(e -> {
            assertThat(e.documentType()).isEqualTo(evidence);
            assertThat(e.article()).isEqualTo(article);
            assertThat(e.required()).isTrue();
        });
        assertThat(list).extracting(ChecklistEntry::documentType).contains("EK_3");
    }

    @Test
    void checklist_unknownItem_shouldBeEmpty() {
        assertThat(DEFAULTS.checklist("NO_SUCH_ITEM", EFFECTIVE)).isEmpty();
    }

    @Test
    void documentType_formsAndCertificates_shouldAllowPdfOnly() {
        for (String type : List.of("EK_8", "EK_3", "REGISTRATION_CERT", "CERTIFICATE")) {
            DocumentTypeRule rule = DEFAULTS.documentType(type).orElseThrow();
            assertThat(rule.allowedMediaTypes()).containsExactly("application/pdf");
            assertThat(rule.maxSizeBytes()).isEqualTo(20_971_520L);
            assertThat(rule.article()).startsWith("Art. ");
        }
    }

    @Test
    void documentType_invoicesAndPaymentProofs_shouldAllowPdfJpegPng() {
        for (String type : List.of("INVOICE", "PAYMENT_DOC")) {
            assertThat(DEFAULTS.documentType(type).orElseThrow().allowedMediaTypes())
                    .containsExactly("application/pdf", "image/jpeg", "image/png");
        }
        assertThat(DEFAULTS.documentType("INVOICE").orElseThrow().allows("image/gif")).isFalse();
    }

    @Test
    void documentType_sizeOverriddenPerType_shouldUseTheOverride(@TempDir Path dir) {
        Rules rules = Requests.withConfig(dir, "c.yaml", "documentLimits: {maxSizeBytes: {INVOICE: 1048576}}\n");
        assertThat(rules.documentType("INVOICE").orElseThrow().maxSizeBytes()).isEqualTo(1_048_576L);
        assertThat(rules.documentType("EK_8").orElseThrow().maxSizeBytes()).isEqualTo(20_971_520L);
    }

    @Test
    void documentType_unknown_shouldBeEmpty() {
        assertThat(DEFAULTS.documentType("SELFIE")).isEmpty();
    }

    @Test
    void everyChecklistDocumentType_shouldHaveADocumentTypeRule() {
        for (SupportItem item : DEFAULTS.supportItems()) {
            for (ChecklistEntry e : DEFAULTS.checklist(item.id(), item.effectiveFrom())) {
                assertThat(DEFAULTS.documentType(e.documentType())).as(e.documentType()).isPresent();
            }
        }
    }
}
