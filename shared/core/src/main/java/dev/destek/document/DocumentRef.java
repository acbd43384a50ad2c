package dev.destek.document;

import java.util.Objects;

/** Names one document within a company: the application it belongs to and its id. */
public record DocumentRef(String applicationId, String documentId) {
    public DocumentRef {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(documentId, "documentId");
    }
}
