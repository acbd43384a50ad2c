package dev.destek.testsupport;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository;
import dev.destek.document.Document;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's contract in memory, for service tests; the DynamoDB adapter is tested against dynalite. */
public final class InMemoryApplicationRepository implements ApplicationRepository {
    private final Map<String, Application> applications = new ConcurrentHashMap<>();
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    @Override
    public void create(Application application) {
        if (applications.putIfAbsent(application.companyId() + "/" + application.id(), application) != null) {
            throw new AlreadyExistsException("application " + application.id());
        }
    }

    @Override
    public Optional<Application> find(String companyId, String applicationId) {
        return Optional.ofNullable(applications.get(companyId + "/" + applicationId));
    }

    @Override
    public List<Application> list(String companyId) {
        return applications.values().stream().filter(a -> a.companyId().equals(companyId))
                .sorted(Comparator.comparing(Application::createdAt).reversed()).toList();
    }

    @Override
    public boolean updateFacts(String companyId, String applicationId, dev.destek.rules.QuoteRequest facts,
                               java.time.Instant at) {
        return applications.computeIfPresent(companyId + "/" + applicationId, (k, a) -> a.withFacts(facts)) != null;
    }

    @Override
    public void addDocument(Document document) {
        if (documents.putIfAbsent(key(document.companyId(), document.applicationId(), document.id()), document) != null) {
            throw new AlreadyExistsException("document " + document.id());
        }
    }

    @Override
    public List<Document> documents(String companyId, String applicationId) {
        return documents.values().stream()
                .filter(d -> d.companyId().equals(companyId) && d.applicationId().equals(applicationId)).toList();
    }

    @Override
    public Optional<Document> findDocument(String companyId, String applicationId, String documentId) {
        return Optional.ofNullable(documents.get(key(companyId, applicationId, documentId)));
    }

    @Override
    public boolean recordValidation(Document validated) {
        String key = key(validated.companyId(), validated.applicationId(), validated.id());
        Document[] written = new Document[1];
        documents.computeIfPresent(key, (k, current) -> {
            if (Objects.equals(current.validatedVersion(), validated.validatedVersion())) {
                return current;
            }
            written[0] = validated;
            return validated;
        });
        return written[0] != null;
    }

    @Override
    public boolean updateMetadata(Document corrected) {
        String key = key(corrected.companyId(), corrected.applicationId(), corrected.id());
        return documents.computeIfPresent(key, (k, current) -> new Document(current.id(), current.companyId(),
                current.applicationId(), current.documentType(), current.fileName(), current.declaredContentType(),
                current.declaredSizeBytes(), current.declaredSha256(), current.objectKey(), current.status(),
                current.reasons(), current.detectedContentType(), current.validatedVersion(), current.createdAt(),
                corrected.updatedAt(), current.facts(), corrected.metadata())) != null;
    }

    private static String key(String companyId, String applicationId, String documentId) {
        return companyId + "/" + applicationId + "/" + documentId;
    }
}
