package dev.destek.observability;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * Structured JSON log lines on stdout, one object per line, in the shape Powertools for Lambda uses
 * (timestamp, level, service, logger, message, then fields). Callers pass ids and codes only: no file
 * names, e-mail addresses, amounts or tokens ever go into a field.
 */
public final class JsonLog {
    private static final String SERVICE = System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "destek");
    private static final PrintStream OUT = System.out;
    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog of(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields, null);
    }

    public void error(String message, Map<String, ?> fields, Throwable error) {
        write("ERROR", message, fields, error);
    }

    private void write(String level, String message, Map<String, ?> fields, Throwable error) {
        StringBuilder sb = new StringBuilder(160).append('{');
        field(sb, "timestamp", Instant.now().toString()).append(',');
        field(sb, "level", level).append(',');
        field(sb, "service", SERVICE).append(',');
        field(sb, "logger", logger).append(',');
        field(sb, "message", message);
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            sb.append(',');
            field(sb, f.getKey(), String.valueOf(f.getValue()));
        }
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            sb.append(',');
            field(sb, "stack", trace.toString());
        }
        OUT.println(sb.append('}'));
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return quote(sb, name).append(':').append(quote(new StringBuilder(), value));
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"');
    }
}
