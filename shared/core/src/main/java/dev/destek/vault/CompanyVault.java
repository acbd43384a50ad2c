package dev.destek.vault;

import dev.destek.document.Document;
import dev.destek.document.DocumentStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A company's basic documents (EK-3, "Temel Bilgi ve Belgeler"), sent once and reused by every application:
 * Art. 34(6) has beneficiaries send them once, with their first support application, for the Beneficiary
 * Information Bank, and renew them only when they are outdated or have changed (DOMAIN §6.2 D10).
 *
 * <p>Vault documents are ordinary documents of the company stored under the pseudo-application
 * {@link #APPLICATION_ID}, so upload, validation, quarantine and duplicate detection treat them like any other.
 * Of each type, the newest accepted document is the current one; older accepted ones are {@link State#REPLACED}.
 * A current document past its {@code validUntil} is {@link State#EXPIRED} and asked for again. Which types are
 * kept on file, and the article, are rules data ({@code Rules.documentRules}).
 */
public final class CompanyVault {
    /** Never a real application id (those are UUIDs), and never an application item: GET on it is a 404. */
    public static final String APPLICATION_ID = "VAULT";

    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing(Document::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Document::id).reversed();

    private final List<Document> documents;

    private CompanyVault(List<Document> documents) {
        this.documents = documents.stream().sorted(NEWEST_FIRST).toList();
    }

    /** The vault holding {@code documents} (all of one company, under {@link #APPLICATION_ID}). */
    public static CompanyVault of(List<Document> documents) {
        return new CompanyVault(documents);
    }

    /**
     * What the company sees of its vault: the article and the document types kept on file (from the rules data in
     * force) and every vault document with its state.
     */
    public record View(String article, Set<String> documentTypes, List<Entry> items) {
        public View {
            documentTypes = Set.copyOf(documentTypes);
            items = List.copyOf(items);
        }
    }

    /** Where a vault document stands on a day. */
    public enum State {
        /** The newest accepted document of its type, valid on the day. */
        CURRENT,
        /** The newest accepted document of its type, but past its {@code validUntil}: renew it. */
        EXPIRED,
        /** An accepted document a newer accepted one of the same type has replaced. */
        REPLACED,
        /** Declared; the file has not arrived or not been checked yet. */
        PENDING_UPLOAD,
        /** Refused by validation (or a duplicate): kept, but not on file. */
        NOT_ACCEPTED
    }

    /** A vault document and where it stands. */
    public record Entry(Document document, State state) {
        public Entry {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Every document of the vault, newest first, with its state on {@code asOf}. */
    public List<Entry> entries(LocalDate asOf) {
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Document d : documents) {
            if (d.status() == DocumentStatus.PENDING_UPLOAD) {
                out.add(new Entry(d, State.PENDING_UPLOAD));
            } else if (d.status() != DocumentStatus.ACCEPTED) {
                out.add(new Entry(d, State.NOT_ACCEPTED));
            } else if (!seen.add(d.documentType())) {
                out.add(new Entry(d, State.REPLACED));
            } else {
                out.add(new Entry(d, expired(d, asOf) ? State.EXPIRED : State.CURRENT));
            }
        }
        return out;
    }

    /** The document of this type on file on {@code asOf}: {@link State#CURRENT} or {@link State#EXPIRED}. */
    public Optional<Entry> onFile(String documentType, LocalDate asOf) {
        return entries(asOf).stream().filter(e -> e.document().documentType().equals(documentType))
                .filter(e -> e.state() == State.CURRENT || e.state() == State.EXPIRED).findFirst();
    }

    private static boolean expired(Document d, LocalDate asOf) {
        LocalDate validUntil = d.metadata().validUntil();
        return validUntil != null && validUntil.isBefore(asOf);
    }
}
