package dev.destek.integrations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of an S3 event notification that ingestion reads. Unknown fields are ignored: S3 adds some over time,
 * and the one-off {@code s3:TestEvent} sent when a notification is configured has no records at all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record S3Notification(@JsonProperty("Records") List<Entry> records) {

    List<Entry> recordsOrEmpty() {
        return records == null ? List.of() : records;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String eventName, S3 s3) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3(StoredObject object) { }

    /** {@code key} is form-encoded as S3 sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredObject(String key, Long size, String eTag, String versionId) { }
}
