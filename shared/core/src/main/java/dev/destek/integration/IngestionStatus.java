package dev.destek.integration;

/** What became of an integration file. Both are final: a replayed event for the same file changes nothing. */
public enum IngestionStatus {
    /** Every row of the file is stored. */
    INGESTED,
    /** The file was malformed: nothing of it is stored, a report lies next to it. */
    REJECTED
}
