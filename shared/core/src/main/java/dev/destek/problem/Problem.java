package dev.destek.problem;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level issues (pointer + reason) when a
 * request has several things wrong at once.
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors) {
    public Problem {
        Objects.requireNonNull(type, "type");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of());
    }

    /** One thing wrong with one part of the request; {@code pointer} is a JSON Pointer (RFC 6901). */
    public record FieldError(String pointer, String reason) { }
}
