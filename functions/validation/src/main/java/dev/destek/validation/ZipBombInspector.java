package dev.destek.validation;

import dev.destek.document.ContentInspector;
import dev.destek.document.ContentReport;
import dev.destek.document.RejectionReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a ZIP container (XLSX, DOCX, plain ZIP) against decompression bombs. The central directory's declared
 * sizes are checked first (cheap), then every entry is inflated into a fixed buffer and counted, because declared
 * sizes can lie and entries can overlap; inflation stops at the first limit crossed, so a bomb costs at most
 * {@link #MAX_TOTAL_UNCOMPRESSED} bytes of CPU work and no more heap than the buffer.
 */
final class ZipBombInspector implements ContentInspector {
    /** An XLSX of a few sheets has a few dozen entries. */
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_TOTAL_UNCOMPRESSED = 256L * 1024 * 1024;
    /** Office XML compresses about 10:1; highly repetitive sheets reach 50:1; bombs reach 1000:1 and more. */
    static final long MAX_RATIO = 100;
    /** Small entries have meaningless ratios (a 2 KiB run of spaces compresses 200:1); ratios count above this. */
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    @Override
    public ContentReport inspect(String mediaType, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return bomb(zip.size() + " entries; at most " + MAX_ENTRIES + " are accepted");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getSize() > MAX_TOTAL_UNCOMPRESSED || total + Math.max(0, entry.getSize())
                        > MAX_TOTAL_UNCOMPRESSED) {
                    return bomb("declares more than " + MAX_TOTAL_UNCOMPRESSED + " bytes uncompressed");
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        inflated += n;
                        total += n;
                        if (total > MAX_TOTAL_UNCOMPRESSED) {
                            return bomb("expands past " + MAX_TOTAL_UNCOMPRESSED + " bytes");
                        }
                        if (inflated > RATIO_FLOOR_BYTES && inflated / compressed > MAX_RATIO) {
                            return bomb("an entry expands more than " + MAX_RATIO + " times");
                        }
                    }
                }
            }
            return ContentReport.nothingToReport();
        } catch (IOException | RuntimeException e) {
            // java.util.zip reports bad directories and bad deflate data as ZipExceptions and plain IOExceptions
            return ContentReport.refused(RejectionReason.ARCHIVE_CORRUPT, "The ZIP container cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    private static ContentReport bomb(String why) {
        return ContentReport.refused(RejectionReason.DECOMPRESSION_BOMB, "Decompression bomb: " + why);
    }
}
