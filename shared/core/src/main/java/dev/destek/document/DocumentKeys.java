package dev.destek.document;

import java.util.Optional;

/**
 * Object-key layout of the documents bucket. Keys carry only opaque ids (no file names, no personal
 * data) so they can be logged and used in IAM conditions.
 */
public final class DocumentKeys {
    public static final String UPLOADS = "uploads/";
    public static final String QUARANTINE = "quarantine/";
    /**
     * Where integrators drop files straight into the bucket: {@code inbox/{companyId}/{applicationId}/{documentType}/
     * {fileName}}, with an optional {@code inbox/{companyId}/{applicationId}/manifest.json} (see
     * {@code dev.destek.intake}). Unlike {@link #UPLOADS}, these keys carry the integrator's file name, so they are
     * never logged.
     */
    public static final String INBOX = "inbox/";

    private DocumentKeys() { }

    public static String upload(String companyId, String applicationId, String documentId) {
        return UPLOADS + companyId + "/" + applicationId + "/" + documentId;
    }

    public static String quarantineOf(String key) {
        return QUARANTINE + key;
    }

    /** The ids in an upload key, or empty when the key is not one we issued. */
    public static Optional<Ids> parseUpload(String key) {
        if (key == null || !key.startsWith(UPLOADS)) {
            return Optional.empty();
        }
        String[] parts = key.substring(UPLOADS.length()).split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ids(parts[0], parts[1], parts[2]));
    }

    public record Ids(String companyId, String applicationId, String documentId) { }
}
