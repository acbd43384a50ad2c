package dev.destek.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.rules.Deadline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineCalendarTest {
    private static final Instant NOW = Instant.parse("2026-11-25T17:20:05Z");

    @Test
    void render_oneDeadline_shouldBeAnRfc5545CalendarWithCrlfAndAllDayEvent() {
        String ics = DeadlineCalendar.render(List.of(app(deadline("Claim; within 1 year, of payment"))), NOW);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:app-1-T42-E1@destek\r\n", "DTSTAMP:20261125T172005Z\r\n",
                "DTSTART;VALUE=DATE:20290228\r\n", "DTEND;VALUE=DATE:20290301\r\n",
                "SUMMARY:Last day: Claim\\; within 1 year\\, of payment (Art. 34(1)\\, 34(5))\r\n",
                "CATEGORIES:OPEN\r\n");
        assertThat(unfolded).contains("DESCRIPTION:Application app-1 (ADVERTISING)\\nRule T42");
    }

    @Test
    void render_longTurkishText_shouldFoldAt75OctetsWithoutSplittingACharacter() {
        String ics = DeadlineCalendar.render(List.of(app(deadline("Ödeme belgelerinin süresi içinde sunulması: "
                + "ğüşıöç".repeat(30)))), NOW);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String summary = Arrays.stream(ics.replace("\r\n ", "").split("\r\n"))
                .filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow();
        assertThat(summary).contains("ğüşıöç".repeat(30));
    }

    private static ApplicationDeadlines app(Deadline d) {
        Application a = new Application("app-1", "ACME", "ADVERTISING", ApplicationStatus.DRAFT, List.of(), "alice",
                NOW);
        return new ApplicationDeadlines(a, List.of(d), null);
    }

    private static Deadline deadline(String description) {
        return new Deadline("T42", "Art. 34(1), 34(5)", LocalDate.parse("2029-02-28"), "LATEST", "E1",
                "PAYMENT_DATE", LocalDate.parse("2028-02-29"), description, "Not considered", Deadline.Status.OPEN,
                null, null);
    }
}
