package dev.destek.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import dev.destek.document.DocumentValidationService;
import dev.destek.document.FileChecks;
import dev.destek.document.ContentInspector;
import dev.destek.document.MalwareScanner;
import dev.destek.document.ValidationOutcome;
import dev.destek.rules.Rules;
import dev.destek.testsupport.InMemoryApplicationRepository;
import dev.destek.testsupport.InMemoryDocumentStore;
import dev.destek.testsupport.InMemoryDuplicateIndex;
import dev.destek.testsupport.InMemoryIntakeErrorLog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inbox drops through the real validation service, over the in-memory ports. */
class InboxIntakeServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Rules RULES = Rules.load(Map.of());
    private static final String FILE = "inbox/C1/a1/INVOICE/invoice-17.pdf";
    private static final String MANIFEST = "inbox/C1/a1/manifest.json";

    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private final InMemoryIntakeErrorLog errors = new InMemoryIntakeErrorLog();
    @TempDir
    Path scratch;

    InboxIntakeServiceTest() {
        repository.create(new Application("a1", "C1", "ADVERTISING", ApplicationStatus.DRAFT,
                RULES.checklist("ADVERTISING", LocalDate.of(2026, 1, 15)), "u1", NOW));
    }

    @Test
    void take_pdfWithoutManifest_shouldBecomeAnAcceptedDocumentUnderUploads() {
        // GIVEN a PDF dropped for a known application and a type of its checklist
        store.put(FILE, PDF);

        // WHEN
        IntakeOutcome outcome = service().take(FILE);

        // THEN it is a document of the application, validated like any upload, and no longer in the inbox
        assertThat(outcome).isInstanceOf(IntakeOutcome.Adopted.class);
        Document document = ((IntakeOutcome.Adopted) outcome).document();
        assertThat(((IntakeOutcome.Adopted) outcome).validation()).isInstanceOf(ValidationOutcome.Accepted.class);
        Document recorded = repository.findDocument("C1", "a1", document.id()).orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(recorded.fileName()).isEqualTo("invoice-17.pdf");
        assertThat(recorded.documentType()).isEqualTo("INVOICE");
        assertThat(recorded.declaredSha256()).isEqualTo(sha256(PDF));
        assertThat(store.head(FILE)).isEmpty();
        assertThat(store.bytes(DocumentKeys.upload("C1", "a1", document.id()))).isPresent();
        assertThat(errors.recent(10)).isEmpty();
    }

    @Test
    void take_replayedEvent_shouldCreateOneDocumentAndChangeNothing() {
        // GIVEN a drop taken in once
        store.put(FILE, PDF);
        service().take(FILE);

        // WHEN S3 delivers the event again
        IntakeOutcome replay = service().take(FILE);

        // THEN the object is gone from the inbox and nothing new is recorded
        assertThat(replay).isEqualTo(new IntakeOutcome.Ignored("OBJECT_GONE"));
        assertThat(repository.documents("C1", "a1")).hasSize(1);
    }

    @Test
    void take_crashAfterTheDocumentWasRecorded_shouldFinishOnReplayWithTheSameDocument() {
        // GIVEN a first delivery that recorded the document and then failed to move the file
        store.put(FILE, PDF);
        InMemoryDocumentStore failingOnce = new InMemoryDocumentStore() {
            private boolean failed;

            @Override
            public void move(String key, String target) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("S3 unavailable");
                }
                super.move(key, target);
            }
        };
        failingOnce.put(FILE, PDF);
        try {
            service(failingOnce).take(FILE);
        } catch (IllegalStateException expected) {
            // Lambda retries the event
        }

        // WHEN the event is retried
        IntakeOutcome retried = service(failingOnce).take(FILE);

        // THEN the same document is completed, not a second one
        assertThat(retried).isInstanceOf(IntakeOutcome.Adopted.class);
        assertThat(repository.documents("C1", "a1")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DocumentStatus.ACCEPTED));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource({
            "inbox/C1/a1/invoice-17.pdf, MALFORMED_KEY",
            "inbox/C1/a1/INVOICE/sub/invoice-17.pdf, MALFORMED_KEY",
            "inbox/C1//INVOICE/invoice-17.pdf, MALFORMED_KEY",
            "inbox/NOBODY/a1/INVOICE/invoice-17.pdf, UNKNOWN_COMPANY",
            "inbox/C1/a2/INVOICE/invoice-17.pdf, UNKNOWN_APPLICATION",
            "inbox/C1/a1/EK_4/form.pdf, DOCUMENT_TYPE_NOT_ON_CHECKLIST"})
    void take_unusableKey_shouldQuarantineAndRecordTheError(String key, String code) {
        // GIVEN
        store.put(key, PDF);

        // WHEN
        IntakeOutcome outcome = service().take(key);

        // THEN the bytes are kept in quarantine, the error is there for administrators, and no document exists
        assertThat(outcome).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(store.head(key)).isEmpty();
        assertThat(store.bytes(DocumentKeys.quarantineOf(key))).hasValueSatisfying(b -> assertThat(b).isEqualTo(PDF));
        assertThat(errors.recent(10)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.objectKey()).isEqualTo(key);
            assertThat(e.quarantineKey()).isEqualTo(DocumentKeys.quarantineOf(key));
        });
        assertThat(repository.documents("C1", "a1")).isEmpty();
    }

    @Test
    void take_refusedDropReplayed_shouldRecordTheErrorOnce() {
        store.put("inbox/C1/a2/INVOICE/x.pdf", PDF);
        InboxIntakeService service = service();
        service.take("inbox/C1/a2/INVOICE/x.pdf");

        assertThat(service.take("inbox/C1/a2/INVOICE/x.pdf")).isEqualTo(new IntakeOutcome.Ignored("OBJECT_GONE"));
        assertThat(errors.recent(10)).hasSize(1);
    }

    @Test
    void take_declaredFileWithItsMetadata_shouldCarryTheMetadataToTheDocument() {
        // GIVEN a manifest declaring the invoice with its bytes and metadata, then the invoice
        store.put(MANIFEST, manifest("INVOICE", "invoice-17.pdf", sha256(PDF), PDF.length,
                ", \"metadata\": {\"issuedOn\": \"2026-01-10\", \"issuingCountry\": \"DE\","
                        + " \"amountUsd\": \"25000.00\"}"));
        store.put(FILE, PDF);

        // WHEN both events arrive
        IntakeOutcome manifest = service().take(MANIFEST);
        IntakeOutcome file = service().take(FILE);

        // THEN the manifest stays, and the document carries what it declared (abroad, from the country)
        assertThat(manifest).isEqualTo(new IntakeOutcome.ManifestAccepted("C1", "a1", 1));
        assertThat(store.head(MANIFEST)).isPresent();
        Document document = ((IntakeOutcome.Adopted) file).document();
        assertThat(document.metadata().issuedAbroad()).isTrue();
        assertThat(document.metadata().amountUsd()).isEqualByComparingTo(new BigDecimal("25000"));
        assertThat(document.declaredContentType()).isEqualTo("application/pdf");
    }

    @Test
    void take_fileTheManifestDoesNotDeclare_shouldBeRefusedAsUndeclared() {
        store.put(MANIFEST, manifest("INVOICE", "other.pdf", sha256(PDF), PDF.length, ""));
        store.put(FILE, PDF);

        assertThat(service().take(FILE)).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(errors.recent(10)).extracting(IntakeError::code).containsExactly("UNDECLARED_FILE");
    }

    @Test
    void take_fileWithOtherBytesThanDeclared_shouldBeRefusedForItsChecksum() {
        store.put(MANIFEST, manifest("INVOICE", "invoice-17.pdf", "0".repeat(64), PDF.length, ""));
        store.put(FILE, PDF);

        assertThat(service().take(FILE)).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(errors.recent(10)).extracting(IntakeError::code).containsExactly("CHECKSUM_MISMATCH");
        assertThat(store.bytes(DocumentKeys.quarantineOf(FILE))).isPresent();
    }

    @Test
    void take_fileOfOtherSizeThanDeclared_shouldBeRefusedForItsSize() {
        store.put(MANIFEST, manifest("INVOICE", "invoice-17.pdf", sha256(PDF), PDF.length + 1, ""));
        store.put(FILE, PDF);

        assertThat(service().take(FILE)).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(errors.recent(10)).extracting(IntakeError::code).containsExactly("SIZE_MISMATCH");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | {\"files\": [",
            "no files | {\"files\": []}",
            "a type off the checklist | {\"files\": [{\"documentType\": \"EK_4\", \"fileName\": \"f.pdf\","
                    + " \"sha256\": \""
                    + "0000000000000000000000000000000000000000000000000000000000000000\"}]}",
            "a bad checksum | {\"files\": [{\"documentType\": \"INVOICE\", \"fileName\": \"f.pdf\","
                    + " \"sha256\": \"x\"}]}",
            "a future date | {\"files\": [{\"documentType\": \"INVOICE\", \"fileName\": \"f.pdf\", \"sha256\": \""
                    + "0000000000000000000000000000000000000000000000000000000000000000\","
                    + " \"metadata\": {\"issuedOn\": \"2099-01-01\"}}]}",
            "an unknown field | {\"files\": [{\"documentType\": \"INVOICE\", \"fileName\": \"f.pdf\", \"sha256\": \""
                    + "0000000000000000000000000000000000000000000000000000000000000000\", \"amount\": 1}]}"})
    void take_invalidManifest_shouldBeQuarantinedAndHoldBackTheFiles(String what, String json) {
        // GIVEN an invalid manifest, then a file for the same application
        store.put(MANIFEST, json.getBytes(StandardCharsets.UTF_8));
        store.put(FILE, PDF);

        // WHEN the manifest is refused first, then the file arrives
        IntakeOutcome manifest = service().take(MANIFEST);
        IntakeOutcome file = service().take(FILE);

        // THEN both are in quarantine: a file is never taken in unchecked because its manifest was bad
        assertThat(manifest).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(file).isInstanceOf(IntakeOutcome.Refused.class);
        assertThat(errors.recent(10)).extracting(IntakeError::code).containsOnly("MANIFEST_INVALID");
        assertThat(store.bytes(DocumentKeys.quarantineOf(MANIFEST))).isPresent();
        assertThat(repository.documents("C1", "a1")).isEmpty();
    }

    @Test
    void take_executableDroppedAsPdf_shouldBeAdoptedThenRejectedByValidationAndKept() {
        // GIVEN an executable named like a PDF
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        store.put(FILE, exe);

        // WHEN
        IntakeOutcome outcome = service().take(FILE);

        // THEN the applicant sees a rejected document, its bytes in quarantine (validation's, not intake's, finding)
        Document document = ((IntakeOutcome.Adopted) outcome).document();
        Document recorded = repository.findDocument("C1", "a1", document.id()).orElseThrow();
        assertThat(recorded.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(store.bytes(recorded.objectKey())).isPresent();
        assertThat(recorded.objectKey()).startsWith(DocumentKeys.QUARANTINE + DocumentKeys.UPLOADS);
    }

    private static byte[] manifest(String type, String fileName, String sha256, long size, String extra) {
        return ("{\"files\": [{\"documentType\": \"" + type + "\", \"fileName\": \"" + fileName + "\", \"sha256\": \""
                + sha256 + "\", \"sizeBytes\": " + size + extra + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    private InboxIntakeService service() {
        return service(store);
    }

    private InboxIntakeService service(InMemoryDocumentStore documents) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DocumentValidationService validation = new DocumentValidationService(repository, documents, () -> RULES,
                new FileChecks(prefix -> prefix.length > 0 && prefix[0] == '%' ? "application/pdf"
                        : "application/x-msdownload", ContentInspector.NONE, MalwareScanner.NONE),
                new InMemoryDuplicateIndex(), scratch, clock);
        return new InboxIntakeService(repository, documents, errors, validation, () -> RULES, clock);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
