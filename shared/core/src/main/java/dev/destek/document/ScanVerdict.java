package dev.destek.document;

import java.util.Objects;

/** What the malware scanner said about a file. Only {@link Clean} means a scanner looked and found nothing. */
public sealed interface ScanVerdict {
    String CLEAN = "CLEAN";
    String INFECTED = "INFECTED";
    String NOT_SCANNED = "NOT_SCANNED";

    /** Stable code: {@value #CLEAN}, {@value #INFECTED} or {@value #NOT_SCANNED}. */
    String code();

    record Clean() implements ScanVerdict {
        @Override
        public String code() {
            return CLEAN;
        }
    }

    /** {@code signature} is the scanner's name for what it found, e.g. {@code Eicar-Signature}. */
    record Infected(String signature) implements ScanVerdict {
        public Infected {
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String code() {
            return INFECTED;
        }
    }

    /** No scanner looked at the file; {@code why} says so for people (no scanner configured, too large…). */
    record NotScanned(String why) implements ScanVerdict {
        public NotScanned {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String code() {
            return NOT_SCANNED;
        }
    }
}
