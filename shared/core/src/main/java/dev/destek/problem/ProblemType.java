package dev.destek.problem;

/**
 * The stable, machine-readable error kinds of the API (RFC 9457 {@code type}). Clients branch on
 * {@link #uri()}; titles may be reworded, URIs never change.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request body is not valid JSON or has the wrong shape"),
    INVALID_REQUEST(422, "invalid-request", "The request is well-formed but breaks a rule"),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this action"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not supported on this resource"),
    CONFLICT(409, "conflict", "The resource changed or already exists"),
    INVALID_TRANSITION(409, "invalid-transition", "The claim's current state does not allow this action"),
    CONCURRENT_CHANGE(409, "concurrent-change", "Someone else changed the claim first; reload it and retry"),
    PRECONDITION_FAILED(412, "precondition-failed", "The claim is no longer at the version you sent in If-Match"),
    SUBMISSION_REFUSED(422, "submission-refused", "The claim cannot be submitted yet; see the reasons and articles"),
    WAITING_FOR_RATES(409, "waiting-for-rates", "An exchange rate the rules need is not stored yet; none is guessed"),
    WAITING_FOR_DEBT_STATUS(409, "waiting-for-debt-status",
            "No debt status of the company is stored yet; Art. 35(1) requires it before payment"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send application/json"),
    INTERNAL(500, "internal", "Something went wrong on our side; nothing was lost, retry later");

    private static final String BASE = "https://destek.dev/problems/";
    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }
}
