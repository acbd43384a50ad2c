package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.document.ContentReport;
import dev.destek.document.RejectionReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PDFBox, ImageIO and java.util.zip behind the content port, on files the tests make. */
class ContentInspectorsTest {
    private final MediaTypeInspector inspector = MediaTypeInspector.standard();
    @TempDir
    Path dir;

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of("%PDF + garbage", "application/pdf", Corpus.pdfHeaderAndGarbage(7, 4096), "PDF_CORRUPT"),
                Arguments.of("a PDF cut in half", "application/pdf", Corpus.truncated(Corpus.pdf(3)), "PDF_TRUNCATED"),
                Arguments.of("a PDF without pages", "application/pdf", Corpus.zeroPagePdf(), "PDF_NO_PAGES"),
                Arguments.of("a PDF with a user password", "application/pdf",
                        Corpus.encryptedPdf("user-secret", Corpus.permissions(true, true)), "PDF_PASSWORD_PROTECTED"),
                Arguments.of("a PDF whose owner forbids printing", "application/pdf",
                        Corpus.encryptedPdf("", Corpus.permissions(false, true)), "PDF_PRINTING_RESTRICTED"),
                Arguments.of("a PDF whose owner forbids copying", "application/pdf",
                        Corpus.encryptedPdf("", Corpus.permissions(true, false)), "PDF_COPYING_RESTRICTED"),
                Arguments.of("a PNG with a broken header", "image/png", broken(Corpus.png(40, 30)), "IMAGE_CORRUPT"),
                Arguments.of("a PNG cut short", "image/png", Corpus.truncated(Corpus.png(400, 300)), "IMAGE_TRUNCATED"),
                Arguments.of("a JPEG cut short", "image/jpeg", Corpus.truncated(Corpus.jpeg(400, 300)),
                        "IMAGE_TRUNCATED"),
                Arguments.of("a pixel-flood PNG", "image/png", Corpus.pngHeaderOnly(50_000, 50_000),
                        "IMAGE_TOO_MANY_PIXELS"),
                Arguments.of("a zip bomb (1000:1)", "application/zip", Corpus.zipBomb(20 * 1024 * 1024),
                        "DECOMPRESSION_BOMB"),
                Arguments.of("a zip of too many entries", "application/zip", Corpus.zip(10_001, 0),
                        "DECOMPRESSION_BOMB"),
                Arguments.of("a zip signature then garbage", "application/zip",
                        concat(new byte[] {'P', 'K', 3, 4}, Corpus.pdfHeaderAndGarbage(3, 2048)), "ARCHIVE_CORRUPT"));
    }

    @ParameterizedTest(name = "{0} is refused with {3}")
    @MethodSource("refusals")
    void inspect_malformedFile_shouldReportTheExactReason(String what, String type, byte[] file, String code)
            throws Exception {
        // GIVEN
        Path spooled = Files.write(dir.resolve("file"), file);

        // WHEN
        ContentReport report = inspector.inspect(type, spooled);

        // THEN
        assertThat(report.reasons()).extracting(RejectionReason::code).containsExactly(code);
    }

    @Test
    void inspect_minimalHandWrittenPdfWithoutXref_shouldOpenWithItsPage() throws Exception {
        // GIVEN the smallest PDF a test can write by hand: PDFBox rebuilds the missing cross-reference table
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // WHEN
        ContentReport report = inspector.inspect("application/pdf", Files.write(dir.resolve("f"), pdf));

        // THEN
        assertThat(report.reasons()).isEmpty();
        assertThat(report.pageCount()).isEqualTo(1);
    }

    @Test
    void inspect_catalogWithoutPageTree_shouldBeCorrupt() throws Exception {
        // GIVEN what earlier tests used as "a PDF": a catalog and a trailer, but no pages to show
        byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // WHEN
        ContentReport report = inspector.inspect("application/pdf", Files.write(dir.resolve("f"), pdf));

        // THEN
        assertThat(report.reasons()).extracting(RejectionReason::code).containsAnyOf("PDF_CORRUPT", "PDF_NO_PAGES");
    }

    @Test
    void inspect_pdfOfThreePages_shouldCountThem() throws Exception {
        ContentReport report = inspector.inspect("application/pdf", Files.write(dir.resolve("f"), Corpus.pdf(3)));

        assertThat(report.reasons()).isEmpty();
        assertThat(report.pageCount()).isEqualTo(3);
    }

    @Test
    void inspect_ownerEncryptedPdfThatAllowsPrintingAndCopying_shouldBeAccepted() throws Exception {
        // GIVEN encryption that restricts only what reviewers do not need (editing)
        var permissions = Corpus.permissions(true, true);
        permissions.setCanModify(false);
        byte[] pdf = Corpus.encryptedPdf("", permissions);

        // WHEN
        ContentReport report = inspector.inspect("application/pdf", Files.write(dir.resolve("f"), pdf));

        // THEN
        assertThat(report.reasons()).isEmpty();
        assertThat(report.pageCount()).isEqualTo(1);
    }

    @Test
    void inspect_images_shouldRecordTheirDimensions() throws Exception {
        ContentReport png = inspector.inspect("image/png", Files.write(dir.resolve("p"), Corpus.png(640, 480)));
        ContentReport jpeg = inspector.inspect("image/jpeg", Files.write(dir.resolve("j"), Corpus.jpeg(320, 200)));

        assertThat(png.reasons()).isEmpty();
        assertThat(List.of(png.widthPx(), png.heightPx())).containsExactly(640, 480);
        assertThat(jpeg.reasons()).isEmpty();
        assertThat(List.of(jpeg.widthPx(), jpeg.heightPx())).containsExactly(320, 200);
    }

    @Test
    void inspect_ordinarySpreadsheetSizedZip_shouldPass() throws Exception {
        // GIVEN a few entries that compress like office XML (zeros compress far better, so keep them small)
        byte[] zip = Corpus.zip(20, 64 * 1024);

        // WHEN / THEN the ratio of small entries does not count
        assertThat(inspector.inspect("application/zip", Files.write(dir.resolve("z"), zip)).reasons()).isEmpty();
    }

    @Test
    void inspect_zipBomb_shouldStopWithoutInflatingItAll() throws Exception {
        // GIVEN a 200 MiB expansion in one entry
        Path bomb = Files.write(dir.resolve("bomb"), Corpus.zipBomb(200 * 1024 * 1024));
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();

        // WHEN
        long started = System.nanoTime();
        ContentReport report = inspector.inspect("application/zip", bomb);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // THEN it was caught by the ratio limit, quickly, without the expansion landing in heap
        assertThat(report.reasons()).extracting(RejectionReason::code).containsExactly("DECOMPRESSION_BOMB");
        assertThat(millis).isLessThan(2_000);
        assertThat(runtime.totalMemory() - runtime.freeMemory() - before).isLessThan(64L * 1024 * 1024);
    }

    private static byte[] broken(byte[] png) {
        byte[] copy = png.clone();
        for (int i = 12; i < 29; i++) {
            copy[i] = (byte) 0xEE;
        }
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
