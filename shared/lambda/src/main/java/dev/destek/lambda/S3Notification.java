package dev.destek.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of an S3 event notification the S3-triggered functions read (validation, integrations), parsed with
 * the function's own Jackson. Unknown fields are ignored: S3 adds some over time, and the one-off
 * {@code s3:TestEvent} sent when a notification is configured has no records at all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3Notification(@JsonProperty("Records") List<Entry> records) {

    public List<Entry> recordsOrEmpty() {
        return records == null ? List.of() : records;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String eventName, S3 s3) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, StoredObject object) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) { }

    /** {@code key} is form-encoded as S3 sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoredObject(String key, Long size, String eTag, String versionId) { }
}
