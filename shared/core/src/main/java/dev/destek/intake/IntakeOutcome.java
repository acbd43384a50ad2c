package dev.destek.intake;

import dev.destek.document.Document;
import dev.destek.document.ValidationOutcome;

/** What one object-created event under the inbox led to. */
public sealed interface IntakeOutcome {

    /** The file became a document of its application and went through validation ({@code validation}). */
    record Adopted(Document document, ValidationOutcome validation) implements IntakeOutcome { }

    /** A manifest was read and found valid; the files it declares are judged against it as they arrive. */
    record ManifestAccepted(String companyId, String applicationId, int files) implements IntakeOutcome { }

    /** The object was moved to quarantine and the error recorded for administrators. */
    record Refused(IntakeError error) implements IntakeOutcome { }

    /** Nothing to do: the object is gone (already taken in or refused by an earlier delivery of the event). */
    record Ignored(String why) implements IntakeOutcome { }
}
