package dev.destek.application;

import dev.destek.document.DocumentMetadata;
import dev.destek.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a declaration of a document must satisfy, whoever makes it: the applicant through the API, an integrator
 * through an inbox manifest, or a correction of metadata afterwards.
 */
public final class Declarations {
    public static final String FILE_NAME_RULE = "at most 255 characters, no path separators or control characters";
    /** Türkiye's ISO 3166-1 code: a document issued here is not "issued abroad". */
    public static final String TURKIYE = "TR";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern BAD_FILE_NAME = Pattern.compile(".*[/\\\\\\p{Cntrl}].*");
    private static final int MAX_FILE_NAME = 255;

    private Declarations() { }

    public static boolean isFileName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_FILE_NAME
                && !BAD_FILE_NAME.matcher(name).matches();
    }

    /** What the applicant may declare about a document: dates not in the future, a real country, no negatives. */
    public static List<Problem.FieldError> metadataErrors(DocumentMetadata m, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (m.issuedOn() != null && m.issuedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("/issuedOn", "must not be in the future"));
        }
        if (m.publishedOn() != null && m.publishedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("/publishedOn", "must not be in the future"));
        } else if (m.publishedOn() != null && m.issuedOn() != null && m.publishedOn().isAfter(m.issuedOn())) {
            errors.add(new Problem.FieldError("/publishedOn", "a report cannot be bought (issuedOn) before it is"
                    + " published"));
        }
        if (m.issuingCountry() != null) {
            if (!COUNTRY.matcher(m.issuingCountry()).matches()) {
                errors.add(new Problem.FieldError("/issuingCountry", "an ISO 3166-1 alpha-2 code such as DE"));
            } else if (m.issuedAbroad() != null
                    && m.issuedAbroad() == TURKIYE.equals(m.issuingCountry())) {
                errors.add(new Problem.FieldError("/issuedAbroad", "contradicts issuingCountry "
                        + m.issuingCountry()));
            }
        }
        if (m.validUntil() != null && m.issuedOn() != null && m.validUntil().isBefore(m.issuedOn())) {
            errors.add(new Problem.FieldError("/validUntil", "a document cannot expire before it is issued"));
        }
        if (m.amountUsd() != null && (m.amountUsd().signum() < 0 || m.amountUsd().scale() > 2)) {
            errors.add(new Problem.FieldError("/amountUsd", "a non-negative amount with at most 2 decimals"));
        }
        return errors;
    }

    /** A declared issuing country answers "issued abroad?" when the applicant left it open. */
    public static DocumentMetadata completed(DocumentMetadata m) {
        if (m.issuedAbroad() != null || m.issuingCountry() == null) {
            return m;
        }
        return new DocumentMetadata(m.issuedOn(), m.publishedOn(),
                !TURKIYE.equals(m.issuingCountry()), m.issuingCountry(), m.amountUsd(),
                m.electronicallyVerifiable(), m.counsellorApproved(), m.validUntil());
    }
}
