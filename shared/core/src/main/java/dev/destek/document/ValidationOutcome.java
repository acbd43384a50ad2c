package dev.destek.document;

/** What one object-created event led to. */
public sealed interface ValidationOutcome {

    /** The document passed every check. */
    record Accepted(Document document) implements ValidationOutcome { }

    /** The document failed at least one check and its bytes were moved to quarantine. */
    record Rejected(Document document) implements ValidationOutcome { }

    /**
     * The document passed every check but repeats bytes the company already sent as another document
     * ({@code document.facts().duplicateOf()}); it stays where it was uploaded, marked, not counted again.
     */
    record Duplicate(Document document) implements ValidationOutcome { }

    /** This object version was validated before; nothing changed (duplicate or replayed event). */
    record AlreadyValidated(String key) implements ValidationOutcome { }

    /** Nothing to validate: the key is not one we issue, or the object is gone. {@code why} is a stable code. */
    record Ignored(String key, String why) implements ValidationOutcome { }
}
