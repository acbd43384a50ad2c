package dev.destek.application;

import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.document.RejectionReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An application judged against its checklist on {@code asOf}: per entry the documents sent and their state, what
 * the document rules found, and what to do next; overall {@link Status#COMPLETE} only when every required entry is
 * satisfied and no document has an open finding.
 */
public record Checklist(String applicationId, String supportItem, Status status, LocalDate asOf,
                        List<Line> entries, List<Missing> missing) {
    public Checklist {
        Objects.requireNonNull(status, "status");
        entries = List.copyOf(entries);
        missing = List.copyOf(missing);
    }

    public enum Status { COMPLETE, INCOMPLETE }

    /** The state of one checklist entry. */
    public enum LineStatus {
        /** An accepted document (a duplicate of one, or one on file in the vault) with no open finding. */
        SATISFIED,
        /** Accepted documents are there, but a document rule finds something to fix. */
        ACTION_NEEDED,
        /** An upload URL was issued; the file has not arrived or not been checked yet. */
        AWAITING_UPLOAD,
        /** Everything sent for this entry was refused (or only repeats a file that does not count here). */
        REJECTED,
        /** Required and nothing sent. */
        MISSING,
        /** Optional and nothing sent. */
        NOT_PROVIDED
    }

    /** One checklist entry with its evidence. */
    public record Line(String documentType, String article, String descriptionEn, String descriptionTr,
                       boolean required, LineStatus status, List<Evidence> documents, List<Finding> findings,
                       NextStep nextStep) {
        public Line {
            documents = List.copyOf(documents);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A document sent for an entry. {@code counts} says whether it is evidence for the entry: an accepted one, or a
     * duplicate whose original is accepted and of the same type ({@code duplicateOf}). {@code fromVault}: the
     * company's basic document on file (Art. 34(6)), not sent with this application; it counts while not expired.
     */
    public record Evidence(String documentId, String fileName, DocumentStatus status, List<RejectionReason> reasons,
                           boolean counts, DocumentRef duplicateOf, boolean fromVault) {
        public Evidence {
            reasons = List.copyOf(reasons);
        }
    }

    /** What a document rule found about one document, with the article and what to do, in Turkish and English. */
    public record Finding(String code, String article, String documentId, String field, String messageEn,
                          String messageTr) {
        /** DOMAIN §6.1 D1–D4: a foreign-issued document needs the commercial counsellor's endorsement. */
        public static final String COUNSELLOR_APPROVAL_MISSING = "COUNSELLOR_APPROVAL_MISSING";
        /** Art. 6(2): the purchased report was more than two years old. */
        public static final String REPORT_TOO_OLD = "REPORT_TOO_OLD";
        /** Art. 34(6): the company's basic document on file in its vault has expired and must be renewed. */
        public static final String VAULT_DOCUMENT_EXPIRED = "VAULT_DOCUMENT_EXPIRED";
        /** A fact the rule needs was not declared with the document ({@code field} is its JSON name). */
        public static final String DECLARATION_MISSING = "DECLARATION_MISSING";
    }

    /** A required entry that has no document counting for it yet. */
    public record Missing(String documentType, String article) { }

    /** Plain-language guidance. */
    public record NextStep(String tr, String en) { }
}
