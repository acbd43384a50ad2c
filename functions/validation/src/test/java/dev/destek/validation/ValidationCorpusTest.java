package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.document.RejectionReason;
import dev.destek.document.ScanVerdict;
import dev.destek.rules.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed uploads made by the test, each through the deployed handler (Tika, PDFBox, ImageIO, zip checks) on the
 * emulators, each refused with its exact reason and kept in quarantine.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class, ClamdExtension.class})
class ValidationCorpusTest {
    private static final long EK_8_LIMIT = Rules.load(Map.of()).documentType("EK_8").orElseThrow().maxSizeBytes();

    /** what, document type, declared content type, stored bytes, whether the declared SHA-256 is right, reason */
    static List<Arguments> corpus() {
        byte[] pdf = Corpus.pdf(2);
        byte[] oversized = new byte[(int) EK_8_LIMIT + 1];
        System.arraycopy(pdf, 0, oversized, 0, pdf.length);
        return List.of(
                Arguments.of("a renamed executable", "EK_8", "application/pdf", Corpus.executable(), true,
                        "TYPE_NOT_ALLOWED"),
                Arguments.of("%PDF + garbage", "EK_8", "application/pdf", Corpus.pdfHeaderAndGarbage(1, 8192), true,
                        "PDF_CORRUPT"),
                Arguments.of("a truncated PDF", "EK_8", "application/pdf", Corpus.truncated(pdf), true,
                        "PDF_TRUNCATED"),
                Arguments.of("a PDF with a user password", "EK_8", "application/pdf",
                        Corpus.encryptedPdf("secret", Corpus.permissions(true, true)), true, "PDF_PASSWORD_PROTECTED"),
                Arguments.of("a PDF that may not be printed", "EK_8", "application/pdf",
                        Corpus.encryptedPdf("", Corpus.permissions(false, true)), true, "PDF_PRINTING_RESTRICTED"),
                Arguments.of("a PDF that may not be copied", "EK_8", "application/pdf",
                        Corpus.encryptedPdf("", Corpus.permissions(true, false)), true, "PDF_COPYING_RESTRICTED"),
                Arguments.of("a PDF without pages", "EK_8", "application/pdf", Corpus.zeroPagePdf(), true,
                        "PDF_NO_PAGES"),
                Arguments.of("a zip bomb", "EK_8", "application/pdf", Corpus.zipBomb(16 * 1024 * 1024), true,
                        "DECOMPRESSION_BOMB"),
                Arguments.of("a zero-byte file", "EK_8", "application/pdf", new byte[0], true, "EMPTY_FILE"),
                Arguments.of("a file over the limit", "EK_8", "application/pdf", oversized, true,
                        "SIZE_LIMIT_EXCEEDED"),
                Arguments.of("a PDF with the wrong checksum", "EK_8", "application/pdf", pdf, false,
                        "CHECKSUM_MISMATCH"),
                Arguments.of("a truncated PNG invoice", "INVOICE", "image/png", Corpus.truncated(Corpus.png(300, 200)),
                        true, "IMAGE_TRUNCATED"),
                Arguments.of("a pixel-flood PNG invoice", "INVOICE", "image/png",
                        Corpus.pngHeaderOnly(40_000, 40_000), true, "IMAGE_TOO_MANY_PIXELS"));
    }

    @ParameterizedTest(name = "{0} is refused with {5}")
    @MethodSource("corpus")
    void objectCreated_malformedUpload_shouldRejectWithTheReasonAndKeepTheBytes(
            String what, String type, String contentType, byte[] bytes, boolean rightSha, String code,
            DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN
        HandlerFixture fixture = new HandlerFixture(table, bucket, Map.of());
        Document declared = fixture.declare("doc-1", type, contentType, bytes.length,
                rightSha ? HandlerFixture.sha256(bytes) : HandlerFixture.sha256(new byte[] {1}));
        fixture.store(declared.objectKey(), bytes);

        // WHEN
        List<String> outcome = HandlerFixture.invoke(fixture.handler(), declared.objectKey());

        // THEN
        assertThat(outcome).containsExactly("Rejected");
        Document recorded = fixture.recorded("doc-1");
        assertThat(recorded.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(recorded.reasons()).extracting(RejectionReason::code).contains(code);
        assertThat(fixture.bytes(declared.objectKey())).isEmpty();
        assertThat(fixture.bytes(DocumentKeys.quarantineOf(declared.objectKey()))).hasValue(bytes);
    }

    @Test
    void objectCreated_eicarAppendedToAValidPdf_shouldRejectAsMalwareWithARealClamd(
            DynamoTable table, S3Bucket bucket, ClamdExtension.Clamd clamd) throws Exception {
        // GIVEN a PDF that passes every other check, carrying the EICAR test signature after its end
        byte[] pdf = Corpus.pdf(1);
        byte[] infected = java.util.Arrays.copyOf(pdf, pdf.length + Corpus.eicar().length);
        System.arraycopy(Corpus.eicar(), 0, infected, pdf.length, Corpus.eicar().length);
        HandlerFixture fixture = new HandlerFixture(table, bucket,
                Map.of("CLAMD_HOST", clamd.host(), "CLAMD_PORT", Integer.toString(clamd.port())));
        Document declared = fixture.declareHonestly("doc-1", "EK_8", "application/pdf", infected);
        fixture.store(declared.objectKey(), infected);

        // WHEN
        List<String> outcome = HandlerFixture.invoke(fixture.handler(), declared.objectKey());

        // THEN
        assertThat(outcome).containsExactly("Rejected");
        Document recorded = fixture.recorded("doc-1");
        assertThat(recorded.reasons()).extracting(RejectionReason::code).containsExactly("MALWARE_FOUND");
        assertThat(recorded.facts().scan()).isInstanceOf(ScanVerdict.Infected.class);
        assertThat(recorded.facts().pageCount()).isEqualTo(1);
        assertThat(fixture.bytes(DocumentKeys.quarantineOf(declared.objectKey()))).hasValue(infected);
    }

    @Test
    void objectCreated_cleanPdfWithARealClamd_shouldBeAcceptedAsClean(DynamoTable table, S3Bucket bucket,
                                                                     ClamdExtension.Clamd clamd) throws Exception {
        byte[] pdf = Corpus.pdf(4);
        HandlerFixture fixture = new HandlerFixture(table, bucket,
                Map.of("CLAMD_HOST", clamd.host(), "CLAMD_PORT", Integer.toString(clamd.port())));
        Document declared = fixture.declareHonestly("doc-1", "EK_8", "application/pdf", pdf);
        fixture.store(declared.objectKey(), pdf);

        assertThat(HandlerFixture.invoke(fixture.handler(), declared.objectKey())).containsExactly("Accepted");
        assertThat(fixture.recorded("doc-1").facts().scan()).isEqualTo(new ScanVerdict.Clean());
        assertThat(fixture.recorded("doc-1").facts().pageCount()).isEqualTo(4);
    }

    @Test
    void objectCreated_sameFileAsAnotherDocument_shouldBeADuplicateLinkedToTheFirst(DynamoTable table,
                                                                                     S3Bucket bucket) throws Exception {
        // GIVEN an accepted PNG invoice, without a scanner configured
        byte[] png = Corpus.png(800, 600);
        HandlerFixture fixture = new HandlerFixture(table, bucket, Map.of());
        Document first = fixture.declareHonestly("doc-1", "INVOICE", "image/png", png);
        fixture.store(first.objectKey(), png);
        ValidationHandler handler = fixture.handler();
        assertThat(HandlerFixture.invoke(handler, first.objectKey())).containsExactly("Accepted");
        Document second = fixture.declareHonestly("doc-2", "PAYMENT_DOC", "image/png", png);
        fixture.store(second.objectKey(), png);

        // WHEN the same bytes arrive as another document, twice (S3 delivers at least once)
        List<String> outcome = HandlerFixture.invoke(handler, second.objectKey());
        List<String> replay = HandlerFixture.invoke(handler, second.objectKey());

        // THEN
        assertThat(outcome).containsExactly("Duplicate");
        assertThat(replay).containsExactly("AlreadyValidated");
        Document recorded = fixture.recorded("doc-2");
        assertThat(recorded.status()).isEqualTo(DocumentStatus.DUPLICATE);
        assertThat(recorded.facts().duplicateOf()).isEqualTo(new DocumentRef(HandlerFixture.APPLICATION, "doc-1"));
        assertThat(fixture.bytes(second.objectKey())).hasValue(png);
        Document original = fixture.recorded("doc-1");
        assertThat(original.facts().scan().code()).isEqualTo("NOT_SCANNED");
        assertThat(List.of(original.facts().widthPx(), original.facts().heightPx())).containsExactly(800, 600);
    }
}
