package dev.destek.document;

import java.util.Objects;

/**
 * What validation learnt from the stored bytes themselves.
 *
 * @param sha256      computed while streaming (hex)
 * @param pageCount   for PDFs that opened, else null
 * @param widthPx     for images whose header decoded, else null
 * @param heightPx    for images whose header decoded, else null
 * @param scan        the malware scanner's verdict
 * @param duplicateOf the earlier document of the company with the same bytes, else null
 */
public record FileFacts(String sha256, Integer pageCount, Integer widthPx, Integer heightPx, ScanVerdict scan,
                        DocumentRef duplicateOf) {
    public FileFacts {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(scan, "scan");
    }

    public FileFacts withDuplicateOf(DocumentRef earlier) {
        return new FileFacts(sha256, pageCount, widthPx, heightPx, scan, earlier);
    }
}
