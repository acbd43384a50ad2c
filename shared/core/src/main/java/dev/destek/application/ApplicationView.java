package dev.destek.application;

import dev.destek.document.Document;
import java.util.List;

/** An application with its documents, as its owner sees it. */
public record ApplicationView(Application application, List<Document> documents) {
    public ApplicationView {
        documents = List.copyOf(documents);
    }
}
