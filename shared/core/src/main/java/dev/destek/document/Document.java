package dev.destek.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One evidence file of an application: what the applicant declared, where it is stored, and what
 * validation found. {@code validatedVersion} is the stored object's version (ETag) that the current
 * status was computed from, which makes validation idempotent per object version. {@code facts} is what
 * validation learnt from the bytes (null until they were read: never uploaded, empty or oversized).
 * {@code metadata} is what the applicant declared about the document for the checklist rules (never null).
 */
public record Document(
        String id,
        String companyId,
        String applicationId,
        String documentType,
        String fileName,
        String declaredContentType,
        long declaredSizeBytes,
        String declaredSha256,
        String objectKey,
        DocumentStatus status,
        List<RejectionReason> reasons,
        String detectedContentType,
        String validatedVersion,
        Instant createdAt,
        Instant updatedAt,
        FileFacts facts,
        DocumentMetadata metadata) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(status, "status");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        metadata = metadata == null ? DocumentMetadata.NONE : metadata;
    }

    /** A document without declared metadata. */
    public Document(String id, String companyId, String applicationId, String documentType, String fileName,
                    String declaredContentType, long declaredSizeBytes, String declaredSha256, String objectKey,
                    DocumentStatus status, List<RejectionReason> reasons, String detectedContentType,
                    String validatedVersion, Instant createdAt, Instant updatedAt, FileFacts facts) {
        this(id, companyId, applicationId, documentType, fileName, declaredContentType, declaredSizeBytes,
                declaredSha256, objectKey, status, reasons, detectedContentType, validatedVersion, createdAt,
                updatedAt, facts, DocumentMetadata.NONE);
    }

    /** A document about whose bytes nothing is known yet (as declared, before validation). */
    public Document(String id, String companyId, String applicationId, String documentType, String fileName,
                    String declaredContentType, long declaredSizeBytes, String declaredSha256, String objectKey,
                    DocumentStatus status, List<RejectionReason> reasons, String detectedContentType,
                    String validatedVersion, Instant createdAt, Instant updatedAt) {
        this(id, companyId, applicationId, documentType, fileName, declaredContentType, declaredSizeBytes,
                declaredSha256, objectKey, status, reasons, detectedContentType, validatedVersion, createdAt,
                updatedAt, null);
    }

    public DocumentRef ref() {
        return new DocumentRef(applicationId, id);
    }

    /** The outcome of validating {@code version} of the stored object, without facts about its bytes. */
    public Document withValidation(DocumentStatus newStatus, List<RejectionReason> newReasons,
                                   String detected, String version, String newObjectKey, Instant at) {
        return withValidation(newStatus, newReasons, detected, version, newObjectKey, null, at);
    }

    /** The outcome of validating {@code version} of the stored object. */
    public Document withValidation(DocumentStatus newStatus, List<RejectionReason> newReasons, String detected,
                                   String version, String newObjectKey, FileFacts newFacts, Instant at) {
        return new Document(id, companyId, applicationId, documentType, fileName, declaredContentType,
                declaredSizeBytes, declaredSha256, newObjectKey, newStatus, newReasons, detected, version,
                createdAt, at, newFacts, metadata);
    }

    /** The same document as changed at {@code at}. */
    public Document withUpdatedAt(Instant at) {
        return new Document(id, companyId, applicationId, documentType, fileName, declaredContentType,
                declaredSizeBytes, declaredSha256, objectKey, status, reasons, detectedContentType, validatedVersion,
                createdAt, at, facts, metadata);
    }

    /** The same document with what the applicant declared about it. */
    public Document withMetadata(DocumentMetadata declared) {
        return new Document(id, companyId, applicationId, documentType, fileName, declaredContentType,
                declaredSizeBytes, declaredSha256, objectKey, status, reasons, detectedContentType, validatedVersion,
                createdAt, updatedAt, facts, declared);
    }
}
