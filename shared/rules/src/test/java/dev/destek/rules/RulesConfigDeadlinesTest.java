package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment configuration of the deadline arithmetic: dueSoonDays, extendToNextBusinessDay, holidays. */
class RulesConfigDeadlinesTest {

    @Test
    void dueSoonDays_wrongType_shouldFailAtLoadNamingTheKey(@TempDir Path dir) {
        assertThatThrownBy(() -> Requests.withConfig(dir, "c.yaml", "deadlines: {dueSoonDays: soon}\n"))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("deadlines.dueSoonDays")
                .hasMessageContaining("whole number");
    }

    @Test
    void dueSoonDays_negative_shouldFailAtLoad(@TempDir Path dir) {
        assertThatThrownBy(() -> Requests.withConfig(dir, "c.yaml", "deadlines: {dueSoonDays: -1}\n"))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("deadlines.dueSoonDays");
    }

    @Test
    void dueSoonDays_missing_shouldFailAtLoad(@TempDir Path dir) {
        assertThatThrownBy(() -> Requests.withConfig(dir, "c.yaml", "deadlines: {dueSoonDays: null}\n"))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("deadlines.dueSoonDays")
                .hasMessageContaining("missing");
    }

    @Test
    void dueSoonDays_configured_shouldWidenTheWindow(@TempDir Path dir) {
        Rules rules = Requests.withConfig(dir, "c.yaml", "deadlines: {dueSoonDays: 30}\n");
        // T42 Art. 34(1): paid 2024-02-29, last day 2025-02-28; 30 days before it is DUE_SOON
        QuoteRequest q = Claims.claim("ADVERTISING", "expense.paymentDate", "2024-02-29");
        Deadline d = rules.deadlines(q, LocalDate.parse("2025-01-29")).stream()
                .filter(x -> x.ruleId().equals("T42")).findFirst().orElseThrow();
        assertThat(d.status()).isEqualTo(Deadline.Status.DUE_SOON);
        Deadline open = Claims.RULES.deadlines(q, LocalDate.parse("2025-01-29")).stream()
                .filter(x -> x.ruleId().equals("T42")).findFirst().orElseThrow();
        assertThat(open.status()).isEqualTo(Deadline.Status.OPEN);
    }

    @Test
    void extendToNextBusinessDay_shouldMoveAWithinDeadlineOffTheWeekendAndHolidays(@TempDir Path dir) {
        Rules rules = Requests.withConfig(dir, "c.yaml",
                "deadlines: {extendToNextBusinessDay: true, holidays: [2026-03-16]}\n");
        // T46 Art. 34(3): paid Saturday 2025-03-14 + 1 year = Saturday 2026-03-14 -> Monday 16 is a holiday -> 17
        QuoteRequest q = Claims.claim("FOREIGN_OFFICE", "expense.paymentDate", "2025-03-14");
        Deadline d = rules.deadlines(q, LocalDate.parse("2025-06-01")).stream()
                .filter(x -> x.ruleId().equals("T46")).findFirst().orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.parse("2026-03-17"));
    }

    @Test
    void deadlines_structurallyInvalidRequest_shouldNameThePointer() {
        assertThatThrownBy(() -> Claims.RULES.deadlines(Claims.claim("NOPE"), LocalDate.now()))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Claims.RULES.deadlines(Claims.claim("ADVERTISING", "expense.kind", "BOGUS"),
                LocalDate.parse("2025-01-01"))).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/expenses/0/kind");
        assertThatThrownBy(() -> Claims.RULES.deadlines(Claims.claim("ADVERTISING", "programme", "X"),
                LocalDate.parse("2025-01-01"))).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/programme");
    }
}
