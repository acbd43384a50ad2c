package dev.destek.aws.dynamo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.document.Document;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.RejectionReason;
import dev.destek.document.ScanVerdict;
import dev.destek.rules.ChecklistEntry;
import dev.destek.rules.QuoteRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute names and item conversion for applications and documents in the single table. Optional fields
 * are omitted when null; lists (checklist, rejection reasons) are stored as lists of maps.
 */
final class ApplicationItemMapper {
    static final String PK = DestekTable.PK;
    static final String SK = DestekTable.SK;
    static final String ENTITY = "entity";
    static final String ENTITY_APPLICATION = "APPLICATION";
    static final String ENTITY_DOCUMENT = "DOCUMENT";

    static final String ID = "id";
    static final String COMPANY_ID = "companyId";
    static final String APPLICATION_ID = "applicationId";
    static final String SUPPORT_ITEM = "supportItem";
    static final String STATUS = "status";
    static final String CHECKLIST = "checklist";
    static final String CREATED_BY = "createdBy";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** The application's declared facts (a quote body), as JSON: they are read whole and never queried. */
    static final String DECLARED_FACTS = "declaredFacts";
    private static final ObjectMapper FACTS_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static final String DOCUMENT_TYPE = "documentType";
    static final String ARTICLE = "article";
    static final String DESCRIPTION_EN = "descriptionEn";
    static final String DESCRIPTION_TR = "descriptionTr";
    static final String REQUIRED = "required";

    static final String FILE_NAME = "fileName";
    static final String DECLARED_CONTENT_TYPE = "declaredContentType";
    static final String DECLARED_SIZE_BYTES = "declaredSizeBytes";
    static final String DECLARED_SHA256 = "declaredSha256";
    static final String OBJECT_KEY = "objectKey";
    static final String REASONS = "reasons";
    static final String REASON_CODE = "code";
    static final String REASON_DETAIL = "detail";
    static final String DETECTED_CONTENT_TYPE = "detectedContentType";
    static final String VALIDATED_VERSION = "validatedVersion";
    /** What validation learnt from the bytes, one map: {@link #SHA256}, {@link #PAGE_COUNT}… */
    static final String FACTS = "facts";
    static final String SHA256 = "sha256";
    static final String PAGE_COUNT = "pageCount";
    static final String WIDTH_PX = "widthPx";
    static final String HEIGHT_PX = "heightPx";
    /** {@code CLEAN}, {@code INFECTED} or {@code NOT_SCANNED} ({@link ScanVerdict#code()}). */
    static final String SCAN = "scan";
    /** The signature found ({@code INFECTED}) or why nothing scanned ({@code NOT_SCANNED}). */
    static final String SCAN_DETAIL = "scanDetail";
    static final String DUPLICATE_OF_APPLICATION = "duplicateOfApplicationId";
    static final String DUPLICATE_OF_DOCUMENT = "duplicateOfDocumentId";
    /**
     * What the applicant declared about the document, one map (absent when nothing was declared):
     * {@link #ISSUED_ON}, {@link #PUBLISHED_ON} (ISO dates), {@link #ISSUED_ABROAD}, {@link #ISSUING_COUNTRY},
     * {@link #AMOUNT_USD} (a number, exact), {@link #ELECTRONICALLY_VERIFIABLE}, {@link #COUNSELLOR_APPROVED}.
     */
    static final String METADATA = "metadata";
    static final String ISSUED_ON = "issuedOn";
    static final String PUBLISHED_ON = "publishedOn";
    static final String ISSUED_ABROAD = "issuedAbroad";
    static final String ISSUING_COUNTRY = "issuingCountry";
    static final String AMOUNT_USD = "amountUsd";
    static final String ELECTRONICALLY_VERIFIABLE = "electronicallyVerifiable";
    static final String COUNSELLOR_APPROVED = "counsellorApproved";
    static final String VALID_UNTIL = "validUntil";

    private ApplicationItemMapper() { }

    static String companyPk(String companyId) {
        return "COMPANY#" + companyId;
    }

    static String applicationSk(String applicationId) {
        return "APP#" + applicationId;
    }

    static String documentSk(String applicationId, String documentId) {
        return documentPrefix(applicationId) + documentId;
    }

    static String documentPrefix(String applicationId) {
        return applicationSk(applicationId) + "#DOC#";
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> toItem(Application application) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(companyPk(application.companyId())));
        item.put(SK, s(applicationSk(application.id())));
        item.put(ENTITY, s(ENTITY_APPLICATION));
        item.put(ID, s(application.id()));
        item.put(COMPANY_ID, s(application.companyId()));
        item.put(SUPPORT_ITEM, s(application.supportItem()));
        item.put(STATUS, s(application.status().name()));
        item.put(CHECKLIST, AttributeValue.fromL(application.checklist().stream()
                .map(ApplicationItemMapper::toAttribute).toList()));
        putIfPresent(item, CREATED_BY, application.createdBy());
        item.put(CREATED_AT, s(application.createdAt().toString()));
        if (application.facts() != null) {
            item.put(DECLARED_FACTS, declaredFacts(application.facts()));
        }
        return item;
    }

    static AttributeValue declaredFacts(QuoteRequest facts) {
        try {
            return s(FACTS_JSON.writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts not serialisable", e);
        }
    }

    private static QuoteRequest toDeclaredFacts(String json) {
        if (json == null) {
            return null;
        }
        try {
            return FACTS_JSON.readValue(json, QuoteRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts unreadable", e);
        }
    }

    static Application toApplication(Map<String, AttributeValue> item) {
        return new Application(
                string(item, ID),
                string(item, COMPANY_ID),
                string(item, SUPPORT_ITEM),
                ApplicationStatus.valueOf(string(item, STATUS)),
                list(item, CHECKLIST).stream().map(ApplicationItemMapper::toChecklistEntry).toList(),
                string(item, CREATED_BY),
                Instant.parse(string(item, CREATED_AT)),
                toDeclaredFacts(string(item, DECLARED_FACTS)));
    }

    static Map<String, AttributeValue> toItem(Document document) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(companyPk(document.companyId())));
        item.put(SK, s(documentSk(document.applicationId(), document.id())));
        item.put(ENTITY, s(ENTITY_DOCUMENT));
        item.put(ID, s(document.id()));
        item.put(COMPANY_ID, s(document.companyId()));
        item.put(APPLICATION_ID, s(document.applicationId()));
        putIfPresent(item, DOCUMENT_TYPE, document.documentType());
        putIfPresent(item, FILE_NAME, document.fileName());
        putIfPresent(item, DECLARED_CONTENT_TYPE, document.declaredContentType());
        item.put(DECLARED_SIZE_BYTES, AttributeValue.fromN(Long.toString(document.declaredSizeBytes())));
        putIfPresent(item, DECLARED_SHA256, document.declaredSha256());
        item.put(OBJECT_KEY, s(document.objectKey()));
        item.put(STATUS, s(document.status().name()));
        item.put(REASONS, reasons(document.reasons()));
        putIfPresent(item, DETECTED_CONTENT_TYPE, document.detectedContentType());
        putIfPresent(item, VALIDATED_VERSION, document.validatedVersion());
        putIfPresent(item, CREATED_AT, document.createdAt() == null ? null : document.createdAt().toString());
        putIfPresent(item, UPDATED_AT, document.updatedAt() == null ? null : document.updatedAt().toString());
        if (document.facts() != null) {
            item.put(FACTS, facts(document.facts()));
        }
        if (!document.metadata().declaresNothing()) {
            item.put(METADATA, metadata(document.metadata()));
        }
        return item;
    }

    static Document toDocument(Map<String, AttributeValue> item) {
        AttributeValue size = item.get(DECLARED_SIZE_BYTES);
        return new Document(
                string(item, ID),
                string(item, COMPANY_ID),
                string(item, APPLICATION_ID),
                string(item, DOCUMENT_TYPE),
                string(item, FILE_NAME),
                string(item, DECLARED_CONTENT_TYPE),
                size == null ? 0L : Long.parseLong(size.n()),
                string(item, DECLARED_SHA256),
                string(item, OBJECT_KEY),
                DocumentStatus.valueOf(string(item, STATUS)),
                list(item, REASONS).stream().map(ApplicationItemMapper::toReason).toList(),
                string(item, DETECTED_CONTENT_TYPE),
                string(item, VALIDATED_VERSION),
                instant(item, CREATED_AT),
                instant(item, UPDATED_AT),
                item.containsKey(FACTS) && item.get(FACTS).hasM() ? toFacts(item.get(FACTS).m()) : null,
                item.containsKey(METADATA) && item.get(METADATA).hasM() ? toMetadata(item.get(METADATA).m())
                        : DocumentMetadata.NONE);
    }

    static AttributeValue metadata(DocumentMetadata metadata) {
        Map<String, AttributeValue> map = new HashMap<>();
        putIfPresent(map, ISSUED_ON, metadata.issuedOn() == null ? null : metadata.issuedOn().toString());
        putIfPresent(map, PUBLISHED_ON, metadata.publishedOn() == null ? null : metadata.publishedOn().toString());
        putIfPresent(map, ISSUED_ABROAD, metadata.issuedAbroad());
        putIfPresent(map, ISSUING_COUNTRY, metadata.issuingCountry());
        if (metadata.amountUsd() != null) {
            map.put(AMOUNT_USD, AttributeValue.fromN(metadata.amountUsd().toPlainString()));
        }
        putIfPresent(map, ELECTRONICALLY_VERIFIABLE, metadata.electronicallyVerifiable());
        putIfPresent(map, COUNSELLOR_APPROVED, metadata.counsellorApproved());
        putIfPresent(map, VALID_UNTIL, metadata.validUntil() == null ? null : metadata.validUntil().toString());
        return AttributeValue.fromM(map);
    }

    static DocumentMetadata toMetadata(Map<String, AttributeValue> map) {
        AttributeValue amount = map.get(AMOUNT_USD);
        String issuedOn = string(map, ISSUED_ON);
        String publishedOn = string(map, PUBLISHED_ON);
        String validUntil = string(map, VALID_UNTIL);
        return new DocumentMetadata(issuedOn == null ? null : LocalDate.parse(issuedOn),
                publishedOn == null ? null : LocalDate.parse(publishedOn), bool(map, ISSUED_ABROAD),
                string(map, ISSUING_COUNTRY), amount == null || amount.n() == null ? null : new BigDecimal(amount.n()),
                bool(map, ELECTRONICALLY_VERIFIABLE), bool(map, COUNSELLOR_APPROVED),
                validUntil == null ? null : LocalDate.parse(validUntil));
    }

    private static Boolean bool(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : value.bool();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Boolean value) {
        if (value != null) {
            item.put(name, AttributeValue.fromBool(value));
        }
    }

    static AttributeValue facts(FileFacts facts) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(SHA256, s(facts.sha256()));
        putIfPresent(map, PAGE_COUNT, facts.pageCount());
        putIfPresent(map, WIDTH_PX, facts.widthPx());
        putIfPresent(map, HEIGHT_PX, facts.heightPx());
        map.put(SCAN, s(facts.scan().code()));
        if (facts.scan() instanceof ScanVerdict.Infected infected) {
            map.put(SCAN_DETAIL, s(infected.signature()));
        } else if (facts.scan() instanceof ScanVerdict.NotScanned notScanned) {
            map.put(SCAN_DETAIL, s(notScanned.why()));
        }
        if (facts.duplicateOf() != null) {
            map.put(DUPLICATE_OF_APPLICATION, s(facts.duplicateOf().applicationId()));
            map.put(DUPLICATE_OF_DOCUMENT, s(facts.duplicateOf().documentId()));
        }
        return AttributeValue.fromM(map);
    }

    static FileFacts toFacts(Map<String, AttributeValue> map) {
        String detail = string(map, SCAN_DETAIL);
        ScanVerdict scan = switch (String.valueOf(string(map, SCAN))) {
            case ScanVerdict.CLEAN -> new ScanVerdict.Clean();
            case ScanVerdict.INFECTED -> new ScanVerdict.Infected(detail == null ? "unknown" : detail);
            default -> new ScanVerdict.NotScanned(detail == null ? "unknown" : detail);
        };
        String duplicateApplication = string(map, DUPLICATE_OF_APPLICATION);
        String duplicateDocument = string(map, DUPLICATE_OF_DOCUMENT);
        return new FileFacts(string(map, SHA256), integer(map, PAGE_COUNT), integer(map, WIDTH_PX),
                integer(map, HEIGHT_PX), scan, duplicateApplication == null || duplicateDocument == null ? null
                        : new DocumentRef(duplicateApplication, duplicateDocument));
    }

    private static Integer integer(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Integer value) {
        if (value != null) {
            item.put(name, AttributeValue.fromN(value.toString()));
        }
    }

    static AttributeValue reasons(List<RejectionReason> reasons) {
        return AttributeValue.fromL(reasons.stream().map(ApplicationItemMapper::toAttribute).toList());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue toAttribute(ChecklistEntry entry) {
        Map<String, AttributeValue> map = new HashMap<>();
        putIfPresent(map, DOCUMENT_TYPE, entry.documentType());
        putIfPresent(map, ARTICLE, entry.article());
        putIfPresent(map, DESCRIPTION_EN, entry.descriptionEn());
        putIfPresent(map, DESCRIPTION_TR, entry.descriptionTr());
        map.put(REQUIRED, AttributeValue.fromBool(entry.required()));
        return AttributeValue.fromM(map);
    }

    private static ChecklistEntry toChecklistEntry(AttributeValue value) {
        Map<String, AttributeValue> map = value.m();
        AttributeValue required = map.get(REQUIRED);
        return new ChecklistEntry(string(map, DOCUMENT_TYPE), string(map, ARTICLE), string(map, DESCRIPTION_EN),
                string(map, DESCRIPTION_TR), required != null && Boolean.TRUE.equals(required.bool()));
    }

    private static AttributeValue toAttribute(RejectionReason reason) {
        Map<String, AttributeValue> map = new HashMap<>();
        putIfPresent(map, REASON_CODE, reason.code());
        putIfPresent(map, REASON_DETAIL, reason.detail());
        return AttributeValue.fromM(map);
    }

    private static RejectionReason toReason(AttributeValue value) {
        return new RejectionReason(string(value.m(), REASON_CODE), string(value.m(), REASON_DETAIL));
    }

    private static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
