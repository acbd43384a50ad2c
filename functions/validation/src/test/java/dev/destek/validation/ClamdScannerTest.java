package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.document.ScanVerdict;
import dev.destek.document.exception.MalwareScanException;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The clamd INSTREAM adapter against a real clamd with only the EICAR signature (see {@link ClamdExtension}). */
@ExtendWith(ClamdExtension.class)
class ClamdScannerTest {

    @Test
    void scan_eicarTestFile_shouldBeInfectedWithTheSignatureName(ClamdExtension.Clamd clamd) {
        // GIVEN
        ClamdScanner scanner = scanner(clamd);

        // WHEN
        ScanVerdict verdict = scanner.scan(new ByteArrayInputStream(Corpus.eicar()));

        // THEN
        assertThat(verdict).isInstanceOf(ScanVerdict.Infected.class);
        assertThat(((ScanVerdict.Infected) verdict).signature()).startsWith(ClamdExtension.SIGNATURE);
    }

    @Test
    void scan_eicarInsideALargerPdf_shouldStillBeFound(ClamdExtension.Clamd clamd) {
        // GIVEN the test signature appended after 300 KiB of a real PDF (several INSTREAM chunks)
        byte[] pdf = Corpus.pdfOfSize(300 * 1024);
        byte[] infected = java.util.Arrays.copyOf(pdf, pdf.length + Corpus.eicar().length);
        System.arraycopy(Corpus.eicar(), 0, infected, pdf.length, Corpus.eicar().length);

        // WHEN / THEN
        assertThat(scanner(clamd).scan(new ByteArrayInputStream(infected))).isInstanceOf(ScanVerdict.Infected.class);
    }

    @Test
    void scan_ordinaryPdf_shouldBeClean(ClamdExtension.Clamd clamd) {
        assertThat(scanner(clamd).scan(new ByteArrayInputStream(Corpus.pdf(2)))).isEqualTo(new ScanVerdict.Clean());
    }

    @Test
    void scan_overClamdsStreamLimit_shouldBeNotScannedNeverClean(ClamdExtension.Clamd clamd) {
        // GIVEN a file larger than the daemon's StreamMaxLength
        byte[] big = new byte[ClamdExtension.STREAM_MAX_BYTES + 512 * 1024];

        // WHEN
        ScanVerdict verdict = scanner(clamd).scan(new ByteArrayInputStream(big));

        // THEN
        assertThat(verdict).isInstanceOf(ScanVerdict.NotScanned.class);
    }

    @Test
    void scan_nothingListening_shouldThrowSoTheEventIsRetried() throws Exception {
        // GIVEN a port that was free a moment ago
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClamdScanner scanner = new ClamdScanner("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(1));

        // WHEN / THEN
        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(Corpus.pdf(1))))
                .isInstanceOf(MalwareScanException.class);
    }

    @Test
    void fromEnv_withoutHost_shouldConfigureNoScanner() {
        assertThat(ClamdScanner.fromEnv(Map.of())).isEmpty();
        assertThat(ClamdScanner.fromEnv(Map.of("CLAMD_HOST", "clamd.internal", "CLAMD_PORT", "3310"))).isPresent();
        assertThatThrownBy(() -> ClamdScanner.fromEnv(Map.of("CLAMD_HOST", "h", "CLAMD_PORT", "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verdict_clamdReplies_shouldMapToVerdicts() {
        assertThat(ClamdScanner.verdict("stream: OK")).isEqualTo(new ScanVerdict.Clean());
        assertThat(ClamdScanner.verdict("stream: Win.Test.EICAR_HDB-1 FOUND"))
                .isEqualTo(new ScanVerdict.Infected("Win.Test.EICAR_HDB-1"));
        assertThat(ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR"))
                .isInstanceOf(ScanVerdict.NotScanned.class);
        assertThatThrownBy(() -> ClamdScanner.verdict("Can't allocate memory ERROR"))
                .isInstanceOf(MalwareScanException.class);
    }

    private static ClamdScanner scanner(ClamdExtension.Clamd clamd) {
        return new ClamdScanner(clamd.host(), clamd.port(), Duration.ofSeconds(3), Duration.ofSeconds(30));
    }
}
