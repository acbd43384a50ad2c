package dev.destek.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One object an integration dropped into the bucket, as an S3 event names it: its key and its ETag. The pair is
 * the object's identity for ingestion: the same bytes under the same key are the same file however often the event
 * is delivered, and a corrected file (other bytes) under the same key is a new one.
 */
public record IntegrationObject(String key, String eTag) {
    public static final String RATES_PREFIX = "integrations/rates/";
    public static final String RATES_SUFFIX = ".xml";
    public static final String DEBTS_PREFIX = "integrations/debts/";
    public static final String DEBTS_SUFFIX = ".csv";
    /** Appended to the file's key: never ends in .xml or .csv, so writing a report triggers no ingestion. */
    public static final String REPORT_SUFFIX = ".report.json";

    public IntegrationObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
    }

    /** Which file this is, by the key layout the S3 notification filters on; empty for any other key. */
    public Optional<IntegrationKind> kind() {
        if (key.startsWith(RATES_PREFIX) && key.endsWith(RATES_SUFFIX) && key.length() > RATES_PREFIX.length()
                + RATES_SUFFIX.length()) {
            return Optional.of(IntegrationKind.RATES);
        }
        if (key.startsWith(DEBTS_PREFIX) && key.endsWith(DEBTS_SUFFIX) && key.length() > DEBTS_PREFIX.length()
                + DEBTS_SUFFIX.length()) {
            return Optional.of(IntegrationKind.DEBTS);
        }
        return Optional.empty();
    }

    /** Where the rejection report of this file goes: next to it. */
    public String reportKey() {
        return key + REPORT_SUFFIX;
    }

    /**
     * A short, stable id of (key, ETag): the first 128 bits of their SHA-256, in hex. It names the ingestion record
     * and the debt rows of the file, so a retry after a crash rewrites the same rows instead of adding others.
     */
    public String fileId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + '\n' + eTag).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
