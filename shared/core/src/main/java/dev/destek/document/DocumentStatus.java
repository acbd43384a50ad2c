package dev.destek.document;

public enum DocumentStatus {
    /** A presigned URL was issued; nothing has been stored yet. */
    PENDING_UPLOAD,
    ACCEPTED,
    /** Kept in quarantine with its reasons; never deleted. */
    REJECTED,
    /**
     * Passed every check, but the company already has a document with the same bytes
     * ({@link FileFacts#duplicateOf()}). Kept where it was uploaded, not counted as new evidence.
     */
    DUPLICATE
}
