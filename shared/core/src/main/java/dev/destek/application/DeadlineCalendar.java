package dev.destek.application;

import dev.destek.rules.Deadline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A company's deadlines as an iCalendar feed (RFC 5545): one all-day event per deadline, CRLF line ends, lines
 * folded at 75 octets without splitting a UTF-8 character (3.1), text escaped (3.3.11), a UID that stays the same
 * when a deadline moves (so a subscribed calendar moves the event), and DTSTAMP the feed's time.
 */
public final class DeadlineCalendar {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private DeadlineCalendar() { }

    public static String render(List<ApplicationDeadlines> applications, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Destek//Deadlines//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:Destek");
        String stamp = STAMP.format(now);
        for (ApplicationDeadlines a : applications) {
            for (Deadline d : a.deadlines()) {
                Application app = a.application();
                line(ics, "BEGIN:VEVENT");
                line(ics, "UID:" + text(app.id() + "-" + d.ruleId() + "-" + (d.subject() == null ? "all" : d.subject())
                        + "@destek"));
                line(ics, "DTSTAMP:" + stamp);
                line(ics, "DTSTART;VALUE=DATE:" + DATE.format(d.date()));
                line(ics, "DTEND;VALUE=DATE:" + DATE.format(d.date().plusDays(1)));
                String what = d.description() == null ? d.ruleId() : d.description();
                line(ics, "SUMMARY:" + text(("EARLIEST".equals(d.kind()) ? "Not before: " : "Last day: ") + what
                        + " (" + d.article() + ")"));
                line(ics, "DESCRIPTION:" + text("Application " + app.id() + " (" + app.supportItem() + ")\n"
                        + "Rule " + d.ruleId() + ", " + d.article() + "\n"
                        + (d.subject() == null ? "" : "Expense " + d.subject() + "\n")
                        + "If missed: " + (d.consequence() == null ? "-" : d.consequence()) + "\n"
                        + "Status: " + d.status()));
                line(ics, "CATEGORIES:" + text(d.status().name()));
                line(ics, "TRANSP:TRANSPARENT");
                line(ics, "END:VEVENT");
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends one content line folded at 75 octets (3.1): continuation lines start with one space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
