package dev.destek.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over a stored object: its SHA-256, its first {@link TypeDetector#PREFIX_BYTES} bytes, and a copy
 * in a scratch file that parsers and the malware scanner read afterwards. Heap use is one 64 KiB buffer
 * whatever the file's size; {@link #close()} deletes the scratch file.
 */
final class SpooledUpload implements AutoCloseable {
    private final Path file;
    private final String sha256;
    private final byte[] prefix;
    private final long sizeBytes;
    private final boolean overLimit;

    private SpooledUpload(Path file, String sha256, byte[] prefix, long sizeBytes, boolean overLimit) {
        this.file = file;
        this.sha256 = sha256;
        this.prefix = prefix;
        this.sizeBytes = sizeBytes;
        this.overLimit = overLimit;
    }

    /**
     * Reads {@code in} to its end, or stops after {@code limit + 1} bytes: the object may have been replaced
     * by a larger one since it was measured, and an oversized file must never be read whole.
     */
    static SpooledUpload of(InputStream in, Path scratchDir, long limit) {
        Path file = null;
        try {
            file = Files.createTempFile(scratchDir, "upload-", ".bin");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] prefix = new byte[TypeDetector.PREFIX_BYTES];
            int prefixLength = 0;
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while (total <= limit && (n = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    int take = Math.min(n, prefix.length - prefixLength);
                    System.arraycopy(buffer, 0, prefix, prefixLength, take);
                    prefixLength += take;
                    total += n;
                }
            }
            return new SpooledUpload(file, HexFormat.of().formatHex(digest.digest()),
                    Arrays.copyOf(prefix, prefixLength), total, total > limit);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Spooling an upload to " + scratchDir, e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException("Every JVM has SHA-256", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    byte[] prefix() {
        return prefix.clone();
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** More bytes arrived than the limit allowed; the copy and digest are incomplete. */
    boolean overLimit() {
        return overLimit;
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading back " + file, e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover scratch file is only disk space: /tmp is wiped with the execution environment
        }
    }
}
