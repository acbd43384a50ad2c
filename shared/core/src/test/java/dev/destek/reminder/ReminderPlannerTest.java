package dev.destek.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.rules.Deadline;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {
    private final ReminderPlanner planner = new ReminderPlanner(ReminderSettings.DEFAULTS);

    @Test
    void plan_deadlineOnFirstOfMarchInALeapYear_shouldRemindOnTheLeapDay() {
        // GIVEN a last day of 1 March 2028 (2028 is a leap year)
        Deadline d = deadline("T42", "2028-03-01", "LATEST");

        // WHEN planned long before
        Map<String, LocalDate> sendOn = plan(List.of(d), "2027-01-01");

        // THEN
        assertThat(sendOn).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BEFORE_30", LocalDate.parse("2028-01-31"),
                "BEFORE_7", LocalDate.parse("2028-02-23"),
                "BEFORE_1", LocalDate.parse("2028-02-29"),
                "MISSED", LocalDate.parse("2028-03-02")));
    }

    @Test
    void plan_deadlineAtTheEndOfFebruaryInACommonYear_shouldNoticeTheMissOnFirstOfMarch() {
        Map<String, LocalDate> sendOn = plan(List.of(deadline("T42", "2027-02-28", "LATEST")), "2027-01-01");

        assertThat(sendOn).containsEntry("BEFORE_30", LocalDate.parse("2027-01-29"))
                .containsEntry("BEFORE_1", LocalDate.parse("2027-02-27"))
                .containsEntry("MISSED", LocalDate.parse("2027-03-01"));
    }

    @Test
    void plan_deadlineOnNewYearsEve_shouldCrossTheYear() {
        Map<String, LocalDate> sendOn = plan(List.of(deadline("T42", "2026-12-31", "LATEST")), "2026-01-01");

        assertThat(sendOn).containsEntry("BEFORE_30", LocalDate.parse("2026-12-01"))
                .containsEntry("MISSED", LocalDate.parse("2027-01-01"));
    }

    @Test
    void plan_factsDeclaredSixDaysBefore_shouldPlanOnlyWhatIsStillAhead() {
        // GIVEN the deadline is 6 days away: the 30- and 7-day reminders are past
        Map<String, LocalDate> sendOn = plan(List.of(deadline("T42", "2026-05-16", "LATEST")), "2026-05-10");

        assertThat(sendOn).containsOnlyKeys("BEFORE_1", "MISSED");
    }

    @Test
    void plan_notBeforeBoundary_shouldPlanNothing() {
        assertThat(plan(List.of(deadline("T01", "2026-05-16", "EARLIEST")), "2026-01-01")).isEmpty();
    }

    @Test
    void plan_configuredOffsets_shouldBeUsed() {
        ReminderPlanner custom = new ReminderPlanner(ReminderSettings.fromEnv(Map.of("REMINDER_OFFSETS_DAYS", "14, 3")));
        List<DueReminder> planned = custom.plan("C", "a", List.of(deadline("T42", "2026-05-16", "LATEST")),
                LocalDate.parse("2026-01-01"));

        assertThat(planned).extracting(DueReminder::kind).containsExactly("BEFORE_14", "BEFORE_3", "MISSED");
    }

    private Map<String, LocalDate> plan(List<Deadline> deadlines, String today) {
        return planner.plan("ACME", "app-1", deadlines, LocalDate.parse(today)).stream()
                .collect(Collectors.toMap(DueReminder::kind, DueReminder::sendOn));
    }

    private static Deadline deadline(String ruleId, String date, String kind) {
        return new Deadline(ruleId, "Art. 34(1)", LocalDate.parse(date), kind, null, "PAYMENT_DATE", null,
                "Claim within 1 year", "Not considered", Deadline.Status.OPEN, "1 yıl içinde başvuru",
                "Dikkate alınmaz");
    }
}
