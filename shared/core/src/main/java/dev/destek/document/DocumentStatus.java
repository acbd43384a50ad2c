package dev.destek.document;

public enum DocumentStatus {
    /** A presigned URL was issued; nothing has been stored yet. */
    PENDING_UPLOAD,
    ACCEPTED,
    /** Kept in quarantine with its reasons; never deleted. */
    REJECTED
}
