package dev.destek.document;

import java.io.InputStream;
import java.util.Optional;

/** The documents bucket as the domain needs it. */
public interface DocumentStore {

    Optional<StoredObject> head(String key);

    /** Streams the object's bytes; the caller closes the stream. */
    InputStream open(String key);

    /**
     * Moves a refused object under {@link DocumentKeys#QUARANTINE}, keeping its bytes. Idempotent: if the
     * object is already quarantined, nothing changes.
     *
     * @return the quarantine key
     */
    String quarantine(String key);

    /**
     * Moves an object to {@code target} (copy, then delete the original), keeping its bytes: how a file dropped in
     * the {@link DocumentKeys#INBOX} becomes an upload. Idempotent: if only {@code target} exists, nothing changes.
     */
    void move(String key, String target);
}
