package dev.destek.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.rules.Rules;
import dev.destek.testsupport.InMemoryApplicationRepository;
import dev.destek.testsupport.InMemoryDocumentStore;
import dev.destek.testsupport.InMemoryDuplicateIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentValidationServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    private static final Rules RULES = Rules.load(java.util.Map.of());
    /** Stands in for Tika (tested in the validation function): recognises the three signatures used here. */
    private static final TypeDetector MAGIC = prefix -> startsWith(prefix, "%PDF".getBytes(StandardCharsets.US_ASCII))
            ? "application/pdf" : startsWith(prefix, Arrays.copyOf(PNG, 4)) ? "image/png" : "application/x-msdownload";

    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private final InMemoryDuplicateIndex duplicates = new InMemoryDuplicateIndex();
    @TempDir
    Path scratch;
    private ContentInspector inspector = ContentInspector.NONE;
    private MalwareScanner scanner = MalwareScanner.NONE;

    static List<Arguments> refusals() throws Exception {
        byte[] otherPdf = PDF.clone();
        otherPdf[otherPdf.length - 2] = 'X';
        return List.of(
                Arguments.of("an empty file", "EK_8", "application/pdf", PDF, new byte[0], "EMPTY_FILE"),
                Arguments.of("more bytes than declared", "EK_8", "application/pdf", PDF,
                        (new String(PDF, StandardCharsets.US_ASCII) + " ").getBytes(StandardCharsets.US_ASCII),
                        "SIZE_MISMATCH"),
                Arguments.of("other bytes of the declared size", "EK_8", "application/pdf", PDF, otherPdf,
                        "CHECKSUM_MISMATCH"),
                Arguments.of("an executable declared as a PDF form", "EK_8", "application/pdf", EXE, EXE,
                        "TYPE_NOT_ALLOWED"),
                Arguments.of("a PNG invoice declared as a PDF", "INVOICE", "application/pdf", PNG, PNG,
                        "TYPE_MISMATCH"),
                Arguments.of("a PNG where the form must be a PDF", "EK_8", "image/png", PNG, PNG, "TYPE_NOT_ALLOWED"));
    }

    @ParameterizedTest(name = "{0} is refused with {5}")
    @MethodSource("refusals")
    void validate_badUpload_shouldRejectWithReasonAndKeepBytesInQuarantine(String what, String type, String declaredType,
                                                                          byte[] declared, byte[] stored, String code)
            throws Exception {
        // GIVEN
        Document document = declare("d1", type, declaredType, declared);
        store.put(document.objectKey(), stored);

        // WHEN
        ValidationOutcome outcome = service(store).validate(document.objectKey());

        // THEN
        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        Document recorded = repository.findDocument("C1", "a1", "d1").orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(recorded.reasons()).extracting(RejectionReason::code).contains(code);
        assertThat(recorded.objectKey()).isEqualTo(DocumentKeys.quarantineOf(document.objectKey()));
        assertThat(store.head(document.objectKey())).isEmpty();
        assertThat(store.bytes(recorded.objectKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(stored));
    }

    @Test
    void validate_declaredPdf_shouldAcceptWithSniffedType() throws Exception {
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        ValidationOutcome outcome = service(store).validate(document.objectKey());

        assertThat(outcome).isInstanceOf(ValidationOutcome.Accepted.class);
        Document recorded = repository.findDocument("C1", "a1", "d1").orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(recorded.detectedContentType()).isEqualTo("application/pdf");
        assertThat(recorded.validatedVersion()).isEqualTo("v1");
        assertThat(recorded.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void validate_largerThanTheTypesLimit_shouldRejectWithoutReadingIt() throws Exception {
        // GIVEN a file one byte over the limit, declared honestly, in a store that must not be read
        long limit = RULES.documentType("EK_8").orElseThrow().maxSizeBytes();
        byte[] big = new byte[(int) limit + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Document document = declare("d1", "EK_8", "application/pdf", big);
        InMemoryDocumentStore unreadable = new InMemoryDocumentStore() {
            @Override
            public java.io.InputStream open(String key) {
                throw new AssertionError("an oversized file must not be read");
            }
        };
        unreadable.put(document.objectKey(), big);

        // WHEN / THEN
        assertThat(service(unreadable).validate(document.objectKey())).isInstanceOf(ValidationOutcome.Rejected.class);
        assertThat(repository.findDocument("C1", "a1", "d1").orElseThrow().reasons())
                .extracting(RejectionReason::code).containsExactly("SIZE_LIMIT_EXCEEDED");
    }

    @Test
    void validate_sameVersionTwice_shouldChangeNothingTheSecondTime() throws Exception {
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);
        service(store).validate(document.objectKey());
        Document first = repository.findDocument("C1", "a1", "d1").orElseThrow();

        ValidationOutcome replay = service(store).validate(document.objectKey());

        assertThat(replay).isInstanceOf(ValidationOutcome.AlreadyValidated.class);
        assertThat(repository.findDocument("C1", "a1", "d1")).contains(first);
    }

    @Test
    void validate_crashBetweenRecordAndQuarantine_shouldFinishTheMoveOnReplay() throws Exception {
        // GIVEN a store whose first quarantine attempt fails, as a crash would leave it
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        InMemoryDocumentStore flaky = new InMemoryDocumentStore() {
            private boolean failed;

            @Override
            public String quarantine(String key) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("crash");
                }
                return super.quarantine(key);
            }
        };
        flaky.put(document.objectKey(), EXE);
        DocumentValidationService crashing = service(flaky);
        assertThatThrownBy(() -> crashing.validate(document.objectKey())).hasMessage("crash");

        // WHEN the event is delivered again
        ValidationOutcome replay = crashing.validate(document.objectKey());

        // THEN the recorded refusal stands and the bytes are now in quarantine
        assertThat(replay).isInstanceOf(ValidationOutcome.AlreadyValidated.class);
        assertThat(flaky.head(document.objectKey())).isEmpty();
        assertThat(flaky.bytes(DocumentKeys.quarantineOf(document.objectKey()))).isPresent();
    }

    @Test
    void validate_uploadWithoutDocumentRecord_shouldQuarantineItAndIgnore() {
        String key = DocumentKeys.upload("C1", "a1", "nobody-declared-this");
        store.put(key, PDF);

        ValidationOutcome outcome = service(store).validate(key);

        assertThat(outcome).isEqualTo(new ValidationOutcome.Ignored(key, "NO_DOCUMENT_RECORD"));
        assertThat(store.bytes(DocumentKeys.quarantineOf(key))).isPresent();
    }

    @Test
    void validate_keysWeDoNotIssueOrObjectsGone_shouldBeIgnored() throws Exception {
        Document document = declare("d1", "EK_8", "application/pdf", PDF);

        assertThat(service(store).validate("inbox/whatever")).isEqualTo(
                new ValidationOutcome.Ignored("inbox/whatever", "NOT_AN_UPLOAD_KEY"));
        assertThat(service(store).validate(document.objectKey())).isEqualTo(
                new ValidationOutcome.Ignored(document.objectKey(), "OBJECT_GONE"));
        assertThatThrownBy(() -> store.open(document.objectKey())).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void validate_noScannerConfigured_shouldAcceptAsNotScannedNeverClean() throws Exception {
        // GIVEN the default: no malware scanner
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        // WHEN
        service(store).validate(document.objectKey());

        // THEN the document is accepted, and says plainly that nobody scanned it
        Document recorded = repository.findDocument("C1", "a1", "d1").orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(recorded.facts().scan()).isInstanceOf(ScanVerdict.NotScanned.class);
        assertThat(recorded.facts().scan().code()).isEqualTo("NOT_SCANNED");
        assertThat(recorded.facts().sha256()).isEqualTo(document.declaredSha256());
    }

    @Test
    void validate_scannerFindsSignature_shouldRejectWithMalwareFoundAndQuarantine() throws Exception {
        // GIVEN a scanner that recognises everything it is shown
        scanner = content -> new ScanVerdict.Infected("Eicar-Signature");
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        // WHEN
        ValidationOutcome outcome = service(store).validate(document.objectKey());

        // THEN
        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        Document recorded = repository.findDocument("C1", "a1", "d1").orElseThrow();
        assertThat(recorded.reasons()).extracting(RejectionReason::code).containsExactly("MALWARE_FOUND");
        assertThat(recorded.reasons().get(0).detail()).contains("Eicar-Signature");
        assertThat(recorded.facts().scan()).isEqualTo(new ScanVerdict.Infected("Eicar-Signature"));
        assertThat(store.bytes(DocumentKeys.quarantineOf(document.objectKey()))).isPresent();
    }

    @Test
    void validate_inspectorFindings_shouldBeRecordedWithPageCountAndReasons() throws Exception {
        // GIVEN an inspector that counts 3 pages and finds printing blocked
        inspector = (type, file) -> new ContentReport(List.of(new RejectionReason(
                RejectionReason.PDF_PRINTING_RESTRICTED, "no printing")), 3, null, null);
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        // WHEN
        service(store).validate(document.objectKey());

        // THEN
        Document recorded = repository.findDocument("C1", "a1", "d1").orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(recorded.reasons()).extracting(RejectionReason::code).containsExactly("PDF_PRINTING_RESTRICTED");
        assertThat(recorded.facts().pageCount()).isEqualTo(3);
    }

    @Test
    void validate_inspectorSeesTheWholeFileOnDiskAndItIsDeletedAfterwards() throws Exception {
        // GIVEN an inspector that reads the spooled file
        byte[][] seen = new byte[1][];
        inspector = (type, file) -> {
            try {
                seen[0] = Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ContentReport.nothingToReport();
        };
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        // WHEN
        service(store).validate(document.objectKey());

        // THEN it saw exactly the stored bytes, and no scratch file is left
        assertThat(seen[0]).isEqualTo(PDF);
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void validate_inspectorThrows_shouldRejectAsContentUnreadableNotFailTheEvent() throws Exception {
        // GIVEN a parser bug
        inspector = (type, file) -> {
            throw new IllegalStateException("parser bug");
        };
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);

        // WHEN
        ValidationOutcome outcome = service(store).validate(document.objectKey());

        // THEN the file is refused (and kept) for a person to look at
        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        assertThat(repository.findDocument("C1", "a1", "d1").orElseThrow().reasons())
                .extracting(RejectionReason::code).containsExactly("CONTENT_UNREADABLE");
    }

    @Test
    void validate_sameBytesAgainFromTheCompany_shouldFlagDuplicateLinkedToTheFirstAndKeepIt() throws Exception {
        // GIVEN a form accepted in one application
        Document first = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(first.objectKey(), PDF);
        service(store).validate(first.objectKey());
        Document second = declare("d2", "EK_8", "application/pdf", PDF);
        store.put(second.objectKey(), PDF);

        // WHEN the company uploads the same bytes as another document
        ValidationOutcome outcome = service(store).validate(second.objectKey());

        // THEN it is flagged and linked to the first, and its bytes stay where they were uploaded
        assertThat(outcome).isInstanceOf(ValidationOutcome.Duplicate.class);
        Document recorded = repository.findDocument("C1", "a1", "d2").orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.DUPLICATE);
        assertThat(recorded.facts().duplicateOf()).isEqualTo(new DocumentRef("a1", "d1"));
        assertThat(recorded.reasons()).extracting(RejectionReason::code).containsExactly("DUPLICATE");
        assertThat(recorded.objectKey()).isEqualTo(second.objectKey());
        assertThat(store.bytes(second.objectKey())).isPresent();
        assertThat(repository.findDocument("C1", "a1", "d1").orElseThrow().status())
                .isEqualTo(DocumentStatus.ACCEPTED);
    }

    @Test
    void validate_firstHolderReplacedItsBytes_shouldNotLinkToItAndTakeTheClaimOver() throws Exception {
        // GIVEN d1 accepted with PDF, then corrected: its object now holds other bytes, also accepted
        Document first = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(first.objectKey(), PDF);
        service(store).validate(first.objectKey());
        byte[] corrected = (new String(PDF, StandardCharsets.US_ASCII) + "%corrected\n")
                .getBytes(StandardCharsets.US_ASCII);
        repository.recordValidation(repository.findDocument("C1", "a1", "d1").orElseThrow().withValidation(
                DocumentStatus.ACCEPTED, List.of(), "application/pdf", "v2", first.objectKey(),
                new FileFacts(sha256(corrected), null, null, null, new ScanVerdict.NotScanned("none"), null), NOW));

        // WHEN the old bytes come as another document, and then once more as a third
        Document second = declare("d2", "EK_8", "application/pdf", PDF);
        store.put(second.objectKey(), PDF);
        ValidationOutcome outcome = service(store).validate(second.objectKey());
        Document third = declare("d3", "EK_8", "application/pdf", PDF);
        store.put(third.objectKey(), PDF);
        ValidationOutcome again = service(store).validate(third.objectKey());

        // THEN d2 is no copy of d1 (which no longer has those bytes) and holds them now; d3 is d2's copy
        assertThat(outcome).isInstanceOf(ValidationOutcome.Accepted.class);
        assertThat(again).isInstanceOf(ValidationOutcome.Duplicate.class);
        assertThat(repository.findDocument("C1", "a1", "d3").orElseThrow().facts().duplicateOf())
                .isEqualTo(new DocumentRef("a1", "d2"));
    }

    @Test
    void validate_refusedFileThenCorrectedUploadOfSameBytes_shouldAcceptTheCorrectedOne() throws Exception {
        // GIVEN a PNG refused because it was declared as a PDF
        Document wrong = declare("d1", "INVOICE", "application/pdf", PNG);
        store.put(wrong.objectKey(), PNG);
        service(store).validate(wrong.objectKey());

        // WHEN the same bytes come again, declared right
        Document right = declare("d2", "INVOICE", "image/png", PNG);
        store.put(right.objectKey(), PNG);
        ValidationOutcome outcome = service(store).validate(right.objectKey());

        // THEN a refused file never holds the claim on its bytes
        assertThat(outcome).isInstanceOf(ValidationOutcome.Accepted.class);
    }

    @Test
    void validate_reuploadedVersionOfTheSameDocument_shouldNotBeItsOwnDuplicate() throws Exception {
        // GIVEN an accepted document whose object is stored again with the same bytes (a new version)
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        store.put(document.objectKey(), PDF);
        service(store).validate(document.objectKey());
        store.put(document.objectKey(), PDF);

        // WHEN
        ValidationOutcome outcome = service(store).validate(document.objectKey());

        // THEN
        assertThat(outcome).isInstanceOf(ValidationOutcome.Accepted.class);
        assertThat(repository.findDocument("C1", "a1", "d1").orElseThrow().validatedVersion()).isEqualTo("v2");
    }

    @Test
    void validate_objectGrewPastTheLimitAfterHead_shouldStopReadingAndReject() throws Exception {
        // GIVEN a store whose head reports the declared size, but whose bytes are now far larger
        long limit = RULES.documentType("EK_8").orElseThrow().maxSizeBytes();
        Document document = declare("d1", "EK_8", "application/pdf", PDF);
        long[] served = new long[1];
        InMemoryDocumentStore racing = new InMemoryDocumentStore() {
            @Override
            public java.io.InputStream open(String key) {
                return new java.io.InputStream() {
                    @Override
                    public int read() {
                        served[0]++;
                        return 'A';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        served[0] += len;
                        Arrays.fill(b, off, off + len, (byte) 'A');
                        return len;
                    }
                };
            }
        };
        racing.put(document.objectKey(), PDF);

        // WHEN
        service(racing).validate(document.objectKey());

        // THEN at most one buffer past the limit was read
        assertThat(repository.findDocument("C1", "a1", "d1").orElseThrow().reasons())
                .extracting(RejectionReason::code).containsExactly("SIZE_LIMIT_EXCEEDED");
        assertThat(served[0]).isLessThanOrEqualTo(limit + 64 * 1024);
    }

    private Document declare(String id, String type, String contentType, byte[] file) throws Exception {
        if (repository.find("C1", "a1").isEmpty()) {
            repository.create(new Application("a1", "C1", "ADVERTISING", ApplicationStatus.DRAFT, List.of(), "u1", NOW));
        }
        Document document = new Document(id, "C1", "a1", type, "file", contentType, file.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)),
                DocumentKeys.upload("C1", "a1", id), DocumentStatus.PENDING_UPLOAD, List.of(), null, null, NOW, NOW);
        repository.addDocument(document);
        return document;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private DocumentValidationService service(DocumentStore documents) {
        return new DocumentValidationService(repository, documents, () -> RULES, new FileChecks(MAGIC, inspector, scanner),
                duplicates, scratch, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
