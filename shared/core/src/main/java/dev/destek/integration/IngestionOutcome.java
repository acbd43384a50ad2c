package dev.destek.integration;

import java.util.List;

/** What one S3 event for an integration object led to. */
public sealed interface IngestionOutcome {
    String key();

    record Ingested(String key, IngestionRecord record) implements IngestionOutcome { }

    record Rejected(String key, IngestionRecord record, List<FileError> errors) implements IngestionOutcome { }

    /** The file was handled before (a replayed or duplicate event): nothing was read or written. */
    record AlreadyDone(String key, IngestionRecord record) implements IngestionOutcome { }

    /** Not an integration file, or no longer there as the event named it. */
    record Ignored(String key, String reason) implements IngestionOutcome { }
}
