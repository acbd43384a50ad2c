package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The memory requirement, proven in a JVM of its own: a 60 MB PDF is validated (spooled, hashed, sniffed,
 * opened by PDFBox) with a 48 MiB heap, which would be impossible if any step held the file in memory.
 */
class HeapBoundTest {
    private static final int MEGABYTES = 60;
    private static final String HEAP = "-Xmx48m";

    @Test
    void validate_pdfLargerThanTheHeap_shouldBeAcceptedWithoutRunningOutOfMemory() throws Exception {
        // GIVEN a JVM whose heap is smaller than the file
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), ValidationBenchmark.class.getName(),
                Integer.toString(MEGABYTES), "1"))
                .redirectErrorStream(true).start();

        // WHEN it validates the file
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);

        // THEN it was accepted (the benchmark throws on any other outcome) and nothing ran out of memory
        assertThat(finished).isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError").contains(MEGABYTES + "mb.pdf: ");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
