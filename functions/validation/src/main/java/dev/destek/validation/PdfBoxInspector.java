package dev.destek.validation;

import dev.destek.document.ContentInspector;
import dev.destek.document.ContentReport;
import dev.destek.document.RejectionReason;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF with PDFBox the way a reviewer's viewer would (empty user password) and refuses what a reviewer
 * could not use. The file is read through a small buffered window and PDFBox's scratch streams go to temp files,
 * so heap use does not grow with the file.
 */
final class PdfBoxInspector implements ContentInspector {
    /** ISO 32000-1 §7.5.5: readers look for {@code %%EOF} near the end; Acrobat accepts it in the last 1024 bytes. */
    private static final int EOF_WINDOW = 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OBJ = "endobj".getBytes(StandardCharsets.US_ASCII);
    /** How far to look for a PDF object when telling a cut-short PDF from bytes that only start like one. */
    private static final int BODY_WINDOW = 64 * 1024;

    @Override
    public ContentReport inspect(String mediaType, Path file) {
        boolean complete;
        boolean hasObjects;
        try {
            complete = contains(file, Math.max(0, size(file) - EOF_WINDOW), EOF_WINDOW, EOF_MARKER);
            hasObjects = contains(file, 0, BODY_WINDOW, END_OBJ);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Reading spooled " + file, e);
        }
        if (!complete) {
            // PDFBox's lenient parser would rebuild a cut-short file from the objects it finds, which hides the loss
            return hasObjects
                    ? refused(RejectionReason.PDF_TRUNCATED, "The PDF ends without its end-of-file marker: the file"
                            + " was cut short")
                    : refused(RejectionReason.PDF_CORRUPT, "The file starts like a PDF but holds no PDF objects");
        }
        try (RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file.toFile());
             PDDocument pdf = Loader.loadPDF(source, "", IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            List<RejectionReason> reasons = new ArrayList<>();
            if (pages == 0) {
                reasons.add(new RejectionReason(RejectionReason.PDF_NO_PAGES, "The PDF has no pages"));
            }
            if (pdf.isEncrypted()) {
                AccessPermission permission = pdf.getCurrentAccessPermission();
                if (!permission.canPrint()) {
                    reasons.add(new RejectionReason(RejectionReason.PDF_PRINTING_RESTRICTED,
                            "The PDF's owner password forbids printing; upload it without restrictions"));
                }
                if (!permission.canExtractContent()) {
                    reasons.add(new RejectionReason(RejectionReason.PDF_COPYING_RESTRICTED,
                            "The PDF's owner password forbids copying text; upload it without restrictions"));
                }
            }
            return new ContentReport(reasons, pages, null, null);
        } catch (InvalidPasswordException e) {
            return refused(RejectionReason.PDF_PASSWORD_PROTECTED,
                    "The PDF needs a password to open; upload it without a password");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // PDFBox reports malformed input with IOExceptions and, for some structures, runtime exceptions;
            // deeply nested objects can exhaust the stack. All of them mean the same thing to a reviewer.
            return refused(RejectionReason.PDF_CORRUPT, "No PDF reader can open the file: " + e.getClass()
                    .getSimpleName());
        }
    }

    private static ContentReport refused(String code, String detail) {
        return ContentReport.refused(code, detail);
    }

    private static long size(Path file) throws IOException {
        return java.nio.file.Files.size(file);
    }

    /** Whether {@code needle} occurs in the {@code length} bytes from {@code offset}; reads only that window. */
    static boolean contains(Path file, long offset, int length, byte[] needle) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int available = (int) Math.min(length, Math.max(0, in.length() - offset));
            byte[] window = new byte[available];
            in.seek(offset);
            in.readFully(window);
            for (int i = 0; i + needle.length <= window.length; i++) {
                int j = 0;
                while (j < needle.length && window[i + j] == needle[j]) {
                    j++;
                }
                if (j == needle.length) {
                    return true;
                }
            }
            return false;
        }
    }
}
