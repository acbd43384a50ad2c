package dev.destek.rules;

/**
 * The rules catalogue or the deployment configuration is invalid. Thrown by {@link Rules#load} only, so a
 * broken deployment fails at cold start, not on the first claim. {@link #key()} names the offending entry
 * (e.g. {@code baseRates.ADVERTISING[0].value}, or a resource/file name), {@link #reason()} says what is wrong.
 */
public final class RulesConfigException extends RuntimeException {
    private final String key;
    private final String reason;

    public RulesConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    public RulesConfigException(String key, String reason, Throwable cause) {
        super(key + ": " + reason, cause);
        this.key = key;
        this.reason = reason;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
