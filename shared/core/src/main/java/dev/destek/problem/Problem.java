package dev.destek.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level issues (pointer + reason) when a
 * request has several things wrong at once; {@code extensions} are extra members (RFC 9457 §3.2) a client can
 * branch on, e.g. a claim's current state and the states it may move to.
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
    public Problem {
        Objects.requireNonNull(type, "type");
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of());
    }

    /** One thing wrong with one part of the request; {@code pointer} is a JSON Pointer (RFC 6901). */
    public record FieldError(String pointer, String reason) { }
}
