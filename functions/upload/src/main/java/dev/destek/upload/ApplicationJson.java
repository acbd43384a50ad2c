package dev.destek.upload;

import dev.destek.application.Application;
import dev.destek.application.ApplicationDeadlines;
import dev.destek.application.ApplicationView;
import dev.destek.application.UploadTicket;
import dev.destek.document.Document;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.RejectionReason;
import dev.destek.document.UploadSigner;
import dev.destek.reminder.ReminderStore;
import dev.destek.rules.ChecklistEntry;
import dev.destek.vault.CompanyVault;
import dev.destek.rules.Deadline;
import dev.destek.rules.QuoteRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The API's view of applications and documents: storage keys and object versions stay inside. */
record ApplicationJson(String id, String supportItem, String status, Instant createdAt,
                       List<ChecklistEntry> checklist, List<DocumentJson> documents) {

    static ApplicationJson of(ApplicationView view) {
        Application a = view.application();
        return new ApplicationJson(a.id(), a.supportItem(), a.status().name(), a.createdAt(), a.checklist(),
                view.documents().stream().map(DocumentJson::of).collect(Collectors.toList()));
    }

    static Deadlines deadlines(ApplicationDeadlines d) {
        return new Deadlines(d.application().id(), d.application().supportItem(), d.application().facts(),
                d.deadlines(), d.reminders());
    }

    /** An application's declared facts, the deadlines they imply today, and (after a change) what its reminders did. */
    record Deadlines(String applicationId, String supportItem, QuoteRequest facts, List<Deadline> deadlines,
                     ReminderStore.ScheduleChange reminders) { }

    static Ticket ticket(UploadTicket ticket) {
        return new Ticket(DocumentJson.of(ticket.document()), ticket.upload());
    }

    /** The company's vault: each basic document on file and where it stands today (Art. 34(6)). */
    record Vault(String article, java.util.Set<String> documentTypes, List<VaultEntry> items) {
        static Vault of(CompanyVault.View view) {
            return new Vault(view.article(), view.documentTypes(), view.items().stream()
                    .map(e -> new VaultEntry(e.state().name(), DocumentJson.of(e.document())))
                    .collect(Collectors.toList()));
        }
    }

    record VaultEntry(String state, DocumentJson document) { }

    /** The new document and how to put its bytes. */
    record Ticket(DocumentJson document, UploadSigner.PresignedUpload upload) { }

    record Summary(String id, String supportItem, String status, Instant createdAt) {
        static Summary of(Application a) {
            return new Summary(a.id(), a.supportItem(), a.status().name(), a.createdAt());
        }
    }

    record DocumentJson(String id, String documentType, String fileName, String contentType, long sizeBytes,
                        String sha256, String status, String detectedContentType, List<RejectionReason> reasons,
                        DocumentMetadata metadata, Instant createdAt, Instant updatedAt) {
        static DocumentJson of(Document d) {
            return new DocumentJson(d.id(), d.documentType(), d.fileName(), d.declaredContentType(),
                    d.declaredSizeBytes(), d.declaredSha256(), d.status().name(), d.detectedContentType(),
                    d.reasons(), d.metadata(), d.createdAt(), d.updatedAt());
        }
    }
}
