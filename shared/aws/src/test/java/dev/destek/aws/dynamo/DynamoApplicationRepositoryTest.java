package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository.AlreadyExistsException;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.RejectionReason;
import dev.destek.document.ScanVerdict;
import dev.destek.rules.ChecklistEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against dynalite, which (unlike http4k's fake) evaluates conditions on missing items faithfully. */
@ExtendWith(DynaliteExtension.class)
class DynamoApplicationRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<ChecklistEntry> CHECKLIST = List.of(
            new ChecklistEntry("INVOICE", "Art. 9(1)", "Invoice", "Fatura", true),
            new ChecklistEntry("CONTRACT", "Art. 9(2)", "Contract", "Sözleşme", false));

    private DynamoTable table;
    private DynamoApplicationRepository repository;

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        repository = new DynamoApplicationRepository(table::client, table.tableName());
    }

    @Test
    void find_createdApplication_shouldReturnItUnchanged() {
        // GIVEN
        Application application = application("acme", "app-1", T0);
        repository.create(application);

        // WHEN
        var found = repository.find("acme", "app-1");

        // THEN
        assertThat(found).contains(application);
    }

    @Test
    void find_otherCompanysApplication_shouldBeEmpty() {
        // GIVEN
        repository.create(application("acme", "app-1", T0));

        // WHEN
        var found = repository.find("globex", "app-1");

        // THEN
        assertThat(found).isEmpty();
    }

    @Test
    void find_documentIdAsApplicationId_shouldBeEmpty() {
        // GIVEN a document whose sort key starts like an application's
        repository.create(application("acme", "app-1", T0));
        repository.addDocument(document("acme", "app-1", "doc-1"));

        // WHEN
        var found = repository.find("acme", "app-1#DOC#doc-1");

        // THEN
        assertThat(found).isEmpty();
    }

    @Test
    void list_twoCompanies_shouldReturnOnlyOwnApplicationsNewestFirst() {
        // GIVEN
        repository.create(application("acme", "app-a", T0));
        repository.create(application("acme", "app-b", T0.plusSeconds(60)));
        repository.create(application("acme", "app-c", T0.plusSeconds(30)));
        repository.create(application("globex", "app-z", T0.plusSeconds(90)));
        repository.addDocument(document("acme", "app-a", "doc-1"));

        // WHEN
        List<Application> acme = repository.list("acme");
        List<Application> globex = repository.list("globex");

        // THEN
        assertThat(acme).extracting(Application::id).containsExactly("app-b", "app-c", "app-a");
        assertThat(globex).extracting(Application::id).containsExactly("app-z");
        assertThat(repository.list("initech")).isEmpty();
    }

    @Test
    void list_moreThanOneQueryPage_shouldReturnEveryApplication() {
        // GIVEN about 1.4 MB of applications: DynamoDB pages a query at 1 MB
        String longText = "x".repeat(20_000);
        IntStream.range(0, 70).forEach(i -> repository.create(new Application(
                "app-%03d".formatted(i), "acme", "SUPPORT-7", ApplicationStatus.DRAFT,
                List.of(new ChecklistEntry("INVOICE", "Art. 9(1)", longText, longText, true)),
                "user-1", T0.plusSeconds(i))));

        // WHEN
        List<Application> all = repository.list("acme");

        // THEN
        assertThat(all).hasSize(70);
        assertThat(all.get(0).id()).isEqualTo("app-069");
        assertThat(all.get(69).id()).isEqualTo("app-000");
    }

    @Test
    void create_duplicateId_shouldThrowAlreadyExistsAndKeepTheFirst() {
        // GIVEN
        Application first = application("acme", "app-1", T0);
        repository.create(first);

        // WHEN / THEN
        assertThatThrownBy(() -> repository.create(application("acme", "app-1", T0.plusSeconds(5))))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("app-1");
        assertThat(repository.find("acme", "app-1")).contains(first);
    }

    @Test
    void create_sameIdInAnotherCompany_shouldSucceed() {
        // GIVEN
        repository.create(application("acme", "app-1", T0));

        // WHEN
        repository.create(application("globex", "app-1", T0));

        // THEN
        assertThat(repository.find("globex", "app-1")).isPresent();
    }

    @Test
    void addDocument_duplicateId_shouldThrowAlreadyExists() {
        // GIVEN
        repository.addDocument(document("acme", "app-1", "doc-1"));

        // WHEN / THEN
        assertThatThrownBy(() -> repository.addDocument(document("acme", "app-1", "doc-1")))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void documents_applicationsSharingAnIdPrefix_shouldReturnOnlyThatApplicationsDocuments() {
        // GIVEN app-1 and app-10: a naive begins_with(APP#app-1) would mix them
        repository.create(application("acme", "app-1", T0));
        repository.create(application("acme", "app-10", T0));
        Document one = document("acme", "app-1", "doc-1");
        Document two = document("acme", "app-1", "doc-2");
        repository.addDocument(one);
        repository.addDocument(two);
        repository.addDocument(document("acme", "app-10", "doc-3"));
        repository.addDocument(document("globex", "app-1", "doc-4"));

        // WHEN
        List<Document> documents = repository.documents("acme", "app-1");

        // THEN
        assertThat(documents).containsExactly(one, two);
        assertThat(repository.findDocument("acme", "app-1", "doc-2")).contains(two);
        assertThat(repository.findDocument("globex", "app-1", "doc-2")).isEmpty();
    }

    @Test
    void recordValidation_newVersion_shouldWriteOnceAndRefuseTheReplay() {
        // GIVEN
        Document pending = document("acme", "app-1", "doc-1");
        repository.addDocument(pending);
        Document rejected = pending.withValidation(DocumentStatus.REJECTED,
                List.of(new RejectionReason(RejectionReason.TYPE_MISMATCH, "declared PDF, found PNG")),
                "image/png", "etag-1", DocumentKeys.quarantineOf(pending.objectKey()), T0.plusSeconds(10));

        // WHEN
        boolean first = repository.recordValidation(rejected);
        boolean replay = repository.recordValidation(rejected.withValidation(DocumentStatus.ACCEPTED, List.of(),
                "application/pdf", "etag-1", pending.objectKey(), T0.plusSeconds(20)));

        // THEN
        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).contains(rejected);
    }

    @Test
    void recordValidation_laterVersion_shouldOverwriteTheOutcome() {
        // GIVEN
        Document pending = document("acme", "app-1", "doc-1");
        repository.addDocument(pending);
        repository.recordValidation(pending.withValidation(DocumentStatus.REJECTED,
                List.of(new RejectionReason(RejectionReason.EMPTY_FILE, "0 bytes")), null, "etag-1",
                pending.objectKey(), T0.plusSeconds(10)));
        Document accepted = pending.withValidation(DocumentStatus.ACCEPTED, List.of(), null, "etag-2",
                pending.objectKey(), T0.plusSeconds(20));

        // WHEN
        boolean written = repository.recordValidation(accepted);

        // THEN
        assertThat(written).isTrue();
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).contains(accepted);
    }

    @Test
    void recordValidation_factsOfTheBytes_shouldRoundTripAndGoWhenALaterVersionHasNone() {
        // GIVEN a duplicate with everything validation can learn, and the rejected version after it
        Document pending = document("acme", "app-1", "doc-1");
        repository.addDocument(pending);
        Document duplicate = pending.withValidation(DocumentStatus.DUPLICATE,
                List.of(new RejectionReason(RejectionReason.DUPLICATE, "same as doc-0")), "application/pdf", "etag-1",
                pending.objectKey(), new FileFacts("ab12", 3, null, null, new ScanVerdict.Infected("Eicar-Signature"),
                        new DocumentRef("app-0", "doc-0")), T0.plusSeconds(10));
        Document image = pending.withValidation(DocumentStatus.ACCEPTED, List.of(), "image/png", "etag-2",
                pending.objectKey(), new FileFacts("cd34", null, 640, 480, new ScanVerdict.NotScanned("none"), null),
                T0.plusSeconds(20));
        Document empty = pending.withValidation(DocumentStatus.REJECTED,
                List.of(new RejectionReason(RejectionReason.EMPTY_FILE, "0 bytes")), null, "etag-3",
                DocumentKeys.quarantineOf(pending.objectKey()), T0.plusSeconds(30));

        // WHEN / THEN each version reads back exactly as written
        repository.recordValidation(duplicate);
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).contains(duplicate);
        repository.recordValidation(image);
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).contains(image);
        repository.recordValidation(empty);
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).contains(empty);
    }

    @Test
    void recordValidation_missingDocument_shouldReturnFalseAndCreateNothing() {
        // GIVEN a document that was never added (or was deleted)
        Document ghost = document("acme", "app-1", "ghost").withValidation(DocumentStatus.ACCEPTED, List.of(),
                "application/pdf", "etag-1", "uploads/acme/app-1/ghost", T0);

        // WHEN
        boolean written = repository.recordValidation(ghost);

        // THEN
        assertThat(written).isFalse();
        assertThat(repository.findDocument("acme", "app-1", "ghost")).isEmpty();
        var raw = table.client().getItem(request -> request.tableName(table.tableName()).key(ApplicationItemMapper.key(
                "COMPANY#acme", "APP#app-1#DOC#ghost")).consistentRead(true));
        assertThat(raw.hasItem()).isFalse();
    }

    @Test
    void create_storedItem_shouldUseTheDocumentedKeys() {
        // GIVEN
        repository.create(application("acme", "app-1", T0));

        // WHEN
        var item = table.client().getItem(request -> request.tableName(table.tableName())
                .key(ApplicationItemMapper.key("COMPANY#acme", "APP#app-1"))).item();

        // THEN
        assertThat(item).containsEntry("entity", AttributeValue.fromS("APPLICATION"));
        assertThat(item.get("checklist").l()).hasSize(2);
    }

    @Test
    void addDocument_declaredMetadata_shouldRoundTripAndSurviveValidation() {
        // GIVEN a document with everything an applicant can declare, amounts exact to the cent
        DocumentMetadata declared = new DocumentMetadata(LocalDate.of(2025, 11, 3), LocalDate.of(2024, 2, 29),
                true, "DE", new BigDecimal("20000.10"), false, true, LocalDate.of(2027, 11, 2));
        Document pending = document("acme", "app-1", "doc-1").withMetadata(declared);
        repository.addDocument(pending);

        // WHEN its validation is recorded later
        repository.recordValidation(pending.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf",
                "etag-1", pending.objectKey(), T0.plusSeconds(5)));

        // THEN the declaration is read back unchanged, as one map on the item
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).get().satisfies(d -> {
            assertThat(d.metadata()).isEqualTo(declared);
            assertThat(d.metadata().amountUsd()).isEqualTo(new BigDecimal("20000.10"));
            assertThat(d.status()).isEqualTo(DocumentStatus.ACCEPTED);
        });
        var item = table.client().getItem(request -> request.tableName(table.tableName())
                .key(ApplicationItemMapper.key("COMPANY#acme", "APP#app-1#DOC#doc-1"))).item();
        assertThat(item.get("metadata").m()).containsEntry("issuingCountry", AttributeValue.fromS("DE"))
                .containsEntry("counsellorApproved", AttributeValue.fromBool(true))
                .containsEntry("validUntil", AttributeValue.fromS("2027-11-02"));
    }

    @Test
    void updateMetadata_afterValidation_shouldReplaceTheDeclarationOnlyAndRefuseAMissingDocument() {
        // GIVEN an accepted document declared with an amount
        Document pending = document("acme", "app-1", "doc-1").withMetadata(new DocumentMetadata(null, null, true,
                "DE", new BigDecimal("25000.00"), null, null));
        repository.addDocument(pending);
        repository.recordValidation(pending.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf",
                "etag-1", pending.objectKey(), T0.plusSeconds(5)));
        DocumentMetadata corrected = new DocumentMetadata(null, null, true, "DE", new BigDecimal("25000.00"), null,
                true);

        // WHEN the declaration is corrected, and a correction names a document that does not exist
        boolean updated = repository.updateMetadata(pending.withMetadata(corrected).withUpdatedAt(T0.plusSeconds(9)));
        boolean missing = repository.updateMetadata(document("acme", "app-1", "doc-404").withMetadata(corrected)
                .withUpdatedAt(T0));

        // THEN the validation stays, the declaration changed, and no item was created for the missing one
        assertThat(updated).isTrue();
        assertThat(missing).isFalse();
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).get().satisfies(d -> {
            assertThat(d.metadata()).isEqualTo(corrected);
            assertThat(d.status()).isEqualTo(DocumentStatus.ACCEPTED);
            assertThat(d.validatedVersion()).isEqualTo("etag-1");
            assertThat(d.updatedAt()).isEqualTo(T0.plusSeconds(9));
        });
        assertThat(repository.findDocument("acme", "app-1", "doc-404")).isEmpty();
    }

    @Test
    void addDocument_nothingDeclared_shouldStoreNoMetadataAndReadNone() {
        // GIVEN
        repository.addDocument(document("acme", "app-1", "doc-1"));

        // WHEN
        var item = table.client().getItem(request -> request.tableName(table.tableName())
                .key(ApplicationItemMapper.key("COMPANY#acme", "APP#app-1#DOC#doc-1"))).item();

        // THEN
        assertThat(item).doesNotContainKey("metadata");
        assertThat(repository.findDocument("acme", "app-1", "doc-1")).get()
                .satisfies(d -> assertThat(d.metadata()).isEqualTo(DocumentMetadata.NONE));
    }

    private static Application application(String companyId, String id, Instant createdAt) {
        return new Application(id, companyId, "SUPPORT-7", ApplicationStatus.DRAFT, CHECKLIST, "user-1", createdAt);
    }

    private static Document document(String companyId, String applicationId, String id) {
        return new Document(id, companyId, applicationId, "INVOICE", "invoice.pdf", "application/pdf", 1234,
                "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=", DocumentKeys.upload(companyId, applicationId, id),
                DocumentStatus.PENDING_UPLOAD, List.of(), null, null, T0, T0);
    }
}
