package dev.destek.validation;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import dev.destek.document.DocumentStore;
import dev.destek.document.DocumentValidationService;
import dev.destek.document.FileChecks;
import dev.destek.document.MalwareScanner;
import dev.destek.document.StoredObject;
import dev.destek.document.ValidationOutcome;
import dev.destek.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validations per second and peak heap for a 1 MB and a 50 MB PDF, through the real checks (spool + SHA-256, Tika,
 * PDFBox; no malware scanner) with the object store and table stubbed by local files and maps, so that the numbers
 * are the function's own work and not an emulator's. Run with a small heap to show that heap does not grow with
 * the file, e.g.:
 * <pre>
 *   java -Xmx64m -cp target/test-classes:target/classes:$(cat cp.txt) dev.destek.validation.ValidationBenchmark
 * </pre>
 */
public final class ValidationBenchmark {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private ValidationBenchmark() { }

    /**
     * Without arguments: the 1 MB and 50 MB runs. With {@code MEGABYTES ITERATIONS} pairs: those runs only (the
     * heap-bound test runs one 60 MB validation in a JVM with a small heap this way).
     */
    public static void main(String[] args) throws Exception {
        int[] runs = args.length == 0 ? new int[] {1, 200, 50, 10}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path work = Files.createTempDirectory("destek-bench-");
        try {
            Path config = Files.writeString(work.resolve("rules.yaml"),
                    "documentLimits:\n  defaultMaxSizeBytes: 104857600\n  maxSizeBytes: {}\n");
            Rules rules = Rules.load(Map.of("DESTEK_RULES_CONFIG", config.toString()));
            System.out.printf("java %s, max heap %d MiB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            for (int i = 0; i + 1 < runs.length; i += 2) {
                Path pdf = work.resolve(runs[i] + "mb.pdf");
                writePdf(pdf, runs[i] * 1024L * 1024);
                run(rules, pdf, runs[i + 1], work);
                Files.delete(pdf);
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A one-page PDF padded to about {@code bytes} with an uncompressed stream of noise, built on disk. */
    private static void writePdf(Path target, long bytes) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument(
                org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var stream = new org.apache.pdfbox.pdmodel.common.PDStream(document);
            java.util.Random random = new java.util.Random(bytes);
            byte[] chunk = new byte[64 * 1024];
            try (var out = stream.createOutputStream()) {
                for (long left = bytes; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(left, chunk.length));
                }
            }
            document.getDocumentCatalog().getCOSObject().setItem(
                    org.apache.pdfbox.cos.COSName.getPDFName("DestekPadding"), stream.getCOSObject());
            document.save(target.toFile());
        }
    }

    private static void run(Rules rules, Path pdf, int iterations, Path work) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(pdf)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        long size = Files.size(pdf);
        Repository repository = new Repository();
        FileStore store = new FileStore(pdf);
        DocumentValidationService service = new DocumentValidationService(repository, store, () -> rules,
                new FileChecks(new TikaTypeDetector(), MediaTypeInspector.standard(), MalwareScanner.NONE),
                new NoDuplicates(), work, Clock.systemUTC());
        for (int i = 0; i < Math.min(3, iterations); i++) {
            validate(service, repository, store, "warm-" + i, size, sha);
        }
        System.gc();
        resetPeaks();
        long started = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            ValidationOutcome outcome = validate(service, repository, store, "doc-" + i, size, sha);
            if (!(outcome instanceof ValidationOutcome.Accepted)) {
                throw new IllegalStateException("expected Accepted, got " + outcome);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d bytes, %d validations in %.2f s = %.1f validations/s, peak heap %.1f MiB%n",
                pdf.getFileName(), size, iterations, seconds, iterations / seconds, peakHeap() / (1024.0 * 1024));
    }

    private static ValidationOutcome validate(DocumentValidationService service, Repository repository,
                                              FileStore store, String id, long size, String sha) {
        Document document = new Document(id, "C1", "a1", "EK_8", "f.pdf", "application/pdf", size, sha,
                DocumentKeys.upload("C1", "a1", id), DocumentStatus.PENDING_UPLOAD, List.of(), null, null, NOW, NOW);
        repository.addDocument(document);
        return service.validate(document.objectKey());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap in use at any one moment. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Every validation is of a new file: the benchmark measures the checks, not the index. */
    private static final class NoDuplicates implements dev.destek.document.DuplicateIndex {
        @Override
        public Optional<dev.destek.document.DocumentRef> claim(String companyId, String sha256,
                                                             dev.destek.document.DocumentRef claimant) {
            return Optional.empty();
        }

        @Override
        public boolean reassign(String companyId, String sha256, dev.destek.document.DocumentRef stale,
                                dev.destek.document.DocumentRef claimant) {
            return true;
        }
    }

    /** Every key serves the same file, streamed from disk. */
    private static final class FileStore implements DocumentStore {
        private final Path file;

        FileStore(Path file) {
            this.file = file;
        }

        @Override
        public Optional<StoredObject> head(String key) {
            try {
                return Optional.of(new StoredObject(key, Files.size(file), "v1", "application/pdf"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open(String key) {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String quarantine(String key) {
            return DocumentKeys.quarantineOf(key);
        }

        @Override
        public void move(String key, String target) { }
    }

    private static final class Repository implements ApplicationRepository {
        private final Map<String, Document> documents = new ConcurrentHashMap<>();

        @Override
        public void create(Application application) { }

        @Override
        public Optional<Application> find(String companyId, String applicationId) {
            return Optional.empty();
        }

        @Override
        public List<Application> list(String companyId) {
            return List.of();
        }

        @Override
        public boolean updateFacts(String companyId, String applicationId, dev.destek.rules.QuoteRequest facts,
                                   java.time.Instant at) {
            return false;
        }

        @Override
        public void addDocument(Document document) {
            documents.put(document.id(), document);
        }

        @Override
        public List<Document> documents(String companyId, String applicationId) {
            return List.copyOf(documents.values());
        }

        @Override
        public Optional<Document> findDocument(String companyId, String applicationId, String documentId) {
            return Optional.ofNullable(documents.get(documentId));
        }

        @Override
        public boolean recordValidation(Document validated) {
            documents.put(validated.id(), validated);
            return true;
        }

        @Override
        public boolean updateMetadata(Document corrected) {
            return documents.replace(corrected.id(), corrected) != null;
        }
    }
}
