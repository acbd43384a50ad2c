package dev.destek.document;

import java.util.Objects;

/** The checks that read a file's bytes, each behind its port: type sniffing, parsing, malware scanning. */
public record FileChecks(TypeDetector types, ContentInspector content, MalwareScanner malware) {
    public FileChecks {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(malware, "malware");
    }
}
