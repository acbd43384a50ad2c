package dev.destek.integration;

import java.util.Objects;

/**
 * One thing wrong with an integration file, as the rejection report lists it.
 *
 * @param line  1-based line of the file the error is on; 0 when it concerns the file as a whole
 * @param field the column (CSV) or element/attribute (XML) concerned; null when none
 * @param code  a stable reason code integrators can act on (e.g. {@code INVALID_AMOUNT})
 * @param message what is wrong, in plain English, without repeating the value (it may be personal data)
 */
public record FileError(int line, String field, String code, String message) {
    public FileError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }
}
