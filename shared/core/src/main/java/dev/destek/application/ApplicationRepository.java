package dev.destek.application;

import dev.destek.document.Document;
import java.util.List;
import java.util.Optional;

/** Where applications and their documents live. Every read is scoped to one company. */
public interface ApplicationRepository {

    /** Stores a new application; fails with {@link AlreadyExistsException} if the id is taken. */
    void create(Application application);

    Optional<Application> find(String companyId, String applicationId);

    /** The company's applications, newest first. */
    List<Application> list(String companyId);

    /**
     * Replaces the application's declared facts.
     *
     * @return false when the application does not exist
     */
    boolean updateFacts(String companyId, String applicationId, dev.destek.rules.QuoteRequest facts,
                        java.time.Instant at);

    /** Stores a new document record; fails with {@link AlreadyExistsException} if the id is taken. */
    void addDocument(Document document);

    List<Document> documents(String companyId, String applicationId);

    Optional<Document> findDocument(String companyId, String applicationId, String documentId);

    /**
     * Records a validation outcome for {@code validated.validatedVersion()}, only if the document still
     * exists and that object version was not recorded before.
     *
     * @return false when nothing was written (a replayed event, or the document is gone)
     */
    boolean recordValidation(Document validated);

    /**
     * Replaces what was declared about an existing document ({@code corrected.metadata()}, at
     * {@code corrected.updatedAt()}), leaving its validation untouched.
     *
     * @return false when the document does not exist
     */
    boolean updateMetadata(Document corrected);

    /** A conditional write lost: the item already exists. */
    class AlreadyExistsException extends RuntimeException {
        public AlreadyExistsException(String what) {
            super(what + " already exists");
        }
    }
}
