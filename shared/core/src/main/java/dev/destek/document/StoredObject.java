package dev.destek.document;

/** What the object store actually holds for a key; {@code version} is its ETag (or version id). */
public record StoredObject(String key, long sizeBytes, String version, String contentType) { }
