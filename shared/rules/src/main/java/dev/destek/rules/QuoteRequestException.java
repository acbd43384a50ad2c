package dev.destek.rules;

/**
 * A quote request is structurally invalid (unknown support item, missing amount, unknown currency, …).
 * {@link #pointer()} is a JSON Pointer (RFC 6901) into the request, e.g. {@code /expenses/0/amount};
 * {@link #reason()} is a sentence for people. Rule outcomes (a late filing, an excluded expense) are never
 * exceptions: they are rejections inside the {@link Quote}.
 */
public final class QuoteRequestException extends RuntimeException {
    private final String pointer;
    private final String reason;

    public QuoteRequestException(String pointer, String reason) {
        super(pointer + ": " + reason);
        this.pointer = pointer;
        this.reason = reason;
    }

    public String pointer() {
        return pointer;
    }

    public String reason() {
        return reason;
    }
}
