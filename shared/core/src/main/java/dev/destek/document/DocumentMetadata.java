package dev.destek.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the applicant declares about a document so the checklist rules can judge it (DOMAIN §6). Every field is
 * optional: null means "not declared", which is not the same as false.
 *
 * @param issuedOn                 the document's own date (invoice date, certificate issue date…)
 * @param publishedOn              publication date of a purchased report (Art. 6(2))
 * @param issuedAbroad             issued outside Türkiye (counsellor approval, Art. 4(4), 5(4), 8(4), 9(3))
 * @param issuingCountry           ISO 3166-1 alpha-2 code of the issuing country
 * @param amountUsd                the document's amount in USD (the 20,000 USD threshold of Art. 8(4))
 * @param electronicallyVerifiable a search-engine / social-media ad document that can be checked online (Art. 8(4))
 * @param counsellorApproved       endorsed by the commercial counsellor (DOMAIN §6.1 D1–D4); the rules data has no
 *                                 separate approval document type, so this is the applicant's declaration
 * @param validUntil               the last day the document is valid (a company's basic documents in its vault,
 *                                 Art. 34(6): asked again once expired)
 */
public record DocumentMetadata(LocalDate issuedOn, LocalDate publishedOn, Boolean issuedAbroad,
                               String issuingCountry, BigDecimal amountUsd, Boolean electronicallyVerifiable,
                               Boolean counsellorApproved, LocalDate validUntil) {
    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null, null, null, null, null);

    /** Amounts are fixed to cents; a finer one is kept as given, for the declaration check to refuse. */
    public DocumentMetadata {
        if (amountUsd != null && amountUsd.scale() <= 2) {
            amountUsd = amountUsd.setScale(2);
        }
    }

    /** Metadata of a document that does not expire. */
    public DocumentMetadata(LocalDate issuedOn, LocalDate publishedOn, Boolean issuedAbroad, String issuingCountry,
                            BigDecimal amountUsd, Boolean electronicallyVerifiable, Boolean counsellorApproved) {
        this(issuedOn, publishedOn, issuedAbroad, issuingCountry, amountUsd, electronicallyVerifiable,
                counsellorApproved, null);
    }

    public boolean declaresNothing() {
        return equals(NONE);
    }
}
