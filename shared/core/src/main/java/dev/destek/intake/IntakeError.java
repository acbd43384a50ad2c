package dev.destek.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an object dropped in the inbox was not taken in. The object itself was moved to {@code quarantineKey}, never
 * deleted. {@code id} is derived from the object's key and version, so a replayed event records nothing new.
 * {@code companyId} and {@code applicationId} are what the key claimed (null when the key could not be read): an
 * unknown company is recorded as named, for an administrator to follow up.
 */
public record IntakeError(String id, String code, String detail, String objectKey, String objectVersion,
                          String quarantineKey, String companyId, String applicationId, Instant occurredAt) {
    /** Not {@code inbox/{companyId}/{applicationId}/{documentType}/{fileName}} nor a manifest key. */
    public static final String MALFORMED_KEY = "MALFORMED_KEY";
    /** No application of any kind exists for the company named in the key. */
    public static final String UNKNOWN_COMPANY = "UNKNOWN_COMPANY";
    /** The company exists, but has no application with that id. */
    public static final String UNKNOWN_APPLICATION = "UNKNOWN_APPLICATION";
    /** The document type is not on the application's checklist. */
    public static final String DOCUMENT_TYPE_NOT_ON_CHECKLIST = "DOCUMENT_TYPE_NOT_ON_CHECKLIST";
    /** The manifest is not valid JSON or breaks a declaration rule; the detail says where. */
    public static final String MANIFEST_INVALID = "MANIFEST_INVALID";
    /** The application has a manifest, and it does not declare this file. */
    public static final String UNDECLARED_FILE = "UNDECLARED_FILE";
    /** The file's size differs from the one its manifest declares. */
    public static final String SIZE_MISMATCH = "SIZE_MISMATCH";
    /** The file's SHA-256 differs from the one its manifest declares. */
    public static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";

    public IntakeError {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
