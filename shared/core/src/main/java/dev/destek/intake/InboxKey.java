package dev.destek.intake;

import dev.destek.application.Declarations;
import dev.destek.document.DocumentKeys;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key an integrator wrote under {@link DocumentKeys#INBOX}: a file
 * ({@code inbox/{companyId}/{applicationId}/{documentType}/{fileName}}) or the application's manifest
 * ({@code inbox/{companyId}/{applicationId}/manifest.json}, {@code documentType} and {@code fileName} null).
 */
public record InboxKey(String companyId, String applicationId, String documentType, String fileName) {
    public static final String MANIFEST = "manifest.json";
    /** Ids as the API issues them (UUIDs) and staff assign them (Cognito's custom:companyId). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** The parts of {@code key}, or empty when it is not a well-formed inbox key. */
    public static Optional<InboxKey> parse(String key) {
        if (key == null || !key.startsWith(DocumentKeys.INBOX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(DocumentKeys.INBOX.length()).split("/", -1);
        if (parts.length < 3 || !ID.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        if (parts.length == 3) {
            return MANIFEST.equals(parts[2]) ? Optional.of(new InboxKey(parts[0], parts[1], null, null))
                    : Optional.empty();
        }
        if (parts.length != 4 || !DOCUMENT_TYPE.matcher(parts[2]).matches() || !Declarations.isFileName(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new InboxKey(parts[0], parts[1], parts[2], parts[3]));
    }

    public static String manifestKey(String companyId, String applicationId) {
        return DocumentKeys.INBOX + companyId + "/" + applicationId + "/" + MANIFEST;
    }

    public boolean isManifest() {
        return documentType == null;
    }
}
