package dev.destek.application;

import dev.destek.document.DocumentMetadata;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A file the applicant is about to upload, declared up front so the upload URL can bind it, with the optional
 * facts about it that the checklist rules judge (see {@link DocumentMetadata}).
 */
public record NewDocument(String documentType, String fileName, String contentType, Long sizeBytes, String sha256,
                          LocalDate issuedOn, LocalDate publishedOn, Boolean issuedAbroad, String issuingCountry,
                          BigDecimal amountUsd, Boolean electronicallyVerifiable, Boolean counsellorApproved,
                          LocalDate validUntil) {

    /** A declaration of the file alone, with no metadata. */
    public NewDocument(String documentType, String fileName, String contentType, Long sizeBytes, String sha256) {
        this(documentType, fileName, contentType, sizeBytes, sha256, null, null, null, null, null, null, null, null);
    }

    /** A declaration of a document that does not expire. */
    public NewDocument(String documentType, String fileName, String contentType, Long sizeBytes, String sha256,
                       LocalDate issuedOn, LocalDate publishedOn, Boolean issuedAbroad, String issuingCountry,
                       BigDecimal amountUsd, Boolean electronicallyVerifiable, Boolean counsellorApproved) {
        this(documentType, fileName, contentType, sizeBytes, sha256, issuedOn, publishedOn, issuedAbroad,
                issuingCountry, amountUsd, electronicallyVerifiable, counsellorApproved, null);
    }

    DocumentMetadata metadata() {
        return new DocumentMetadata(issuedOn, publishedOn, issuedAbroad,
                issuingCountry == null ? null : issuingCountry.toUpperCase(java.util.Locale.ROOT), amountUsd,
                electronicallyVerifiable, counsellorApproved, validUntil);
    }
}
