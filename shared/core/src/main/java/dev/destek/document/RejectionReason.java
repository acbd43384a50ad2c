package dev.destek.document;

/** Why a stored file was refused; {@code code} is stable and machine-readable, {@code detail} is for people. */
public record RejectionReason(String code, String detail) {
    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String SIZE_MISMATCH = "SIZE_MISMATCH";
    public static final String SIZE_LIMIT_EXCEEDED = "SIZE_LIMIT_EXCEEDED";
    public static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";
    public static final String TYPE_NOT_ALLOWED = "TYPE_NOT_ALLOWED";
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
}
