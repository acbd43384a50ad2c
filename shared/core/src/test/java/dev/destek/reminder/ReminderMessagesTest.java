package dev.destek.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReminderMessagesTest {
    private static final DueReminder SEVEN_DAYS = new DueReminder("ACME", "app-1", "T42", "Art. 34(1), 34(5)", "E1",
            LocalDate.parse("2029-02-28"), LocalDate.parse("2029-02-21"), "BEFORE_7",
            "Claim within 1 year of the payment date", "Payment documents not submitted in time are not considered",
            "Başvuru ödeme tarihinden itibaren 1 yıl içinde yapılmalı",
            "Süresinde sunulmayan ödeme belgeleri dikkate alınmaz (34(5))");

    @Test
    void render_turkishCompany_shouldSayWhatWhenWhichArticleConsequenceAndWhatToDoInTurkish() {
        OutboxMessage m = ReminderMessages.render(SEVEN_DAYS, ReminderPreferences.DEFAULTS);

        assertThat(m.language()).isEqualTo("tr");
        assertThat(m.subject()).startsWith("Son gün 28.02.2029 (7 gün kaldı)").contains("Madde 34(1), 34(5)");
        assertThat(m.body()).contains("Başvuru: app-1, harcama E1",
                "Yapılması gereken: Başvuru ödeme tarihinden itibaren 1 yıl içinde yapılmalı",
                "Son gün: 28.02.2029 (bu gün dahil)", "Dayanak: Madde 34(1), 34(5) (kural T42)",
                "Kaçırılırsa: Süresinde sunulmayan ödeme belgeleri", "Ne yapmalı: gerekenleri en geç 28.02.2029");
        assertThat(m.subject() + m.body()).doesNotContain("Claim within", "Payment documents");
    }

    @Test
    void render_englishCompany_shouldBeInEnglishAndCarryItsAddress() {
        OutboxMessage m = ReminderMessages.render(SEVEN_DAYS,
                new ReminderPreferences("en", "ops@acme.example", Set.of()));

        assertThat(m.recipient()).isEqualTo("ops@acme.example");
        assertThat(m.subject()).isEqualTo("Deadline 2029-02-28 (7 days left): Claim within 1 year of the payment date"
                + " (Art. 34(1), 34(5))");
        assertThat(m.body()).contains("Legal basis: Art. 34(1), 34(5) (rule T42)", "If missed: Payment documents",
                "What to do: submit what is required");
    }

    @Test
    void render_missedNotice_shouldSayItHasPassed() {
        DueReminder missed = new DueReminder("ACME", "app-1", "T42", "Art. 34(1)", null,
                LocalDate.parse("2029-02-28"), LocalDate.parse("2029-03-01"), "MISSED", "Claim", "Not considered",
                null, null);

        assertThat(ReminderMessages.render(missed, ReminderPreferences.DEFAULTS).subject())
                .startsWith("Süre kaçırıldı (28.02.2029)");
        assertThat(ReminderMessages.render(missed, new ReminderPreferences("en", null, Set.of())).body())
                .contains("it has passed", "contact the Ministry");
    }

    @Test
    void preferences_mutingAMissedNotice_shouldBeRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ReminderPreferences("tr", null, Set.of("MISSED")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReminderPreferences("tr", null, Set.of("BEFORE_30")).mutes("MISSED")).isFalse();
    }

    @Test
    void render_reminderPlannedBeforeTurkishTexts_shouldFallBackToTheEnglishOnes() {
        DueReminder old = new DueReminder("ACME", "app-1", "T42", "Art. 34(1)", null, LocalDate.parse("2029-02-28"),
                LocalDate.parse("2029-02-27"), "BEFORE_1", "Claim within 1 year", "Not considered", null, null);

        assertThat(ReminderMessages.render(old, ReminderPreferences.DEFAULTS).body())
                .contains("Yapılması gereken: Claim within 1 year", "Kaçırılırsa: Not considered");
    }
}
