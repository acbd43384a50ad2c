package dev.destek.document;

/** Names a file's media type from its leading bytes, never from its name or a declared type. */
@FunctionalInterface
public interface TypeDetector {
    /** How many leading bytes {@link #detect(byte[])} wants to see. */
    int PREFIX_BYTES = 8192;

    String detect(byte[] prefix);
}
