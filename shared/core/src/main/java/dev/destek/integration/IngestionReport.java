package dev.destek.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rejection report written next to a malformed file ({@code <key>.report.json}), for the integration to read
 * back:
 * <pre>
 * {"object":"integrations/debts/2026-11-24.csv","eTag":"…","kind":"DEBTS","status":"REJECTED",
 *  "checkedAt":"2026-11-25T18:00:00Z","errorCount":2,"errorsListed":2,
 *  "errors":[{"line":3,"field":"taxAmount","code":"INVALID_AMOUNT","message":"…"}, …]}
 * </pre>
 * At most {@value #MAX_LISTED} errors are listed ({@code errorCount} still counts all); a file broken on every
 * line needs fixing at its source, not a report bigger than itself.
 */
public final class IngestionReport {
    public static final int MAX_LISTED = 1000;

    private IngestionReport() { }

    public static byte[] json(IngestionRecord record, List<FileError> errors) {
        List<FileError> listed = errors.subList(0, Math.min(errors.size(), MAX_LISTED));
        StringBuilder sb = new StringBuilder(256 + 128 * listed.size()).append('{');
        string(sb, "object", record.key()).append(',');
        string(sb, "eTag", record.eTag()).append(',');
        string(sb, "kind", record.kind().name()).append(',');
        string(sb, "status", record.status().name()).append(',');
        string(sb, "checkedAt", record.recordedAt().toString()).append(',');
        sb.append("\"errorCount\":").append(errors.size()).append(',');
        sb.append("\"errorsListed\":").append(listed.size()).append(",\"errors\":[");
        for (int i = 0; i < listed.size(); i++) {
            FileError e = listed.get(i);
            sb.append(i == 0 ? "{" : ",{").append("\"line\":").append(e.line()).append(',');
            if (e.field() == null) {
                sb.append("\"field\":null,");
            } else {
                string(sb, "field", e.field()).append(',');
            }
            string(sb, "code", e.code()).append(',');
            string(sb, "message", e.message()).append('}');
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder string(StringBuilder sb, String name, String value) {
        return quote(quote(sb, name).append(':'), value);
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }
}
