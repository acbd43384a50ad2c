package dev.destek.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The text of a reminder in the company's language (Turkish or English): what is due, when, under which article,
 * what happens if it is missed, and what to do. The rule's own description and consequence are quoted as the rules
 * catalogue words them, in the same language (a reminder planned before the Turkish texts existed falls back to the
 * English ones).
 */
public final class ReminderMessages {
    private static final DateTimeFormatter TR_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ReminderMessages() { }

    public static OutboxMessage render(DueReminder r, ReminderPreferences preferences) {
        boolean missed = ReminderKind.MISSED.equals(r.kind());
        long daysLeft = ChronoUnit.DAYS.between(r.sendOn(), r.deadline());
        String article = r.article() == null ? r.ruleId() : r.article();
        String description = r.description() == null ? r.ruleId() : r.description();
        String consequence = r.consequence() == null ? "-" : r.consequence();
        String subjectLine = r.subject() == null ? "" : r.subject();
        if ("en".equals(preferences.language())) {
            String subject = missed
                    ? "Deadline missed on " + r.deadline() + ": " + description + " (" + article + ")"
                    : "Deadline " + r.deadline() + " (" + days(daysLeft, "day", "days") + " left): " + description
                            + " (" + article + ")";
            String body = String.join("\n",
                    "Application: " + r.applicationId() + (subjectLine.isEmpty() ? "" : ", expense " + subjectLine),
                    "What is due: " + description,
                    "Last day: " + r.deadline() + " (inclusive)" + (missed ? " - it has passed" : ""),
                    "Legal basis: " + article + " (rule " + r.ruleId() + ")",
                    "If missed: " + consequence,
                    "What to do: " + (missed
                            ? "the deadline has passed. Check the application's checklist for what is still"
                                    + " possible and contact the Ministry before filing anything late."
                            : "submit what is required through the application on or before " + r.deadline()
                                    + "; its checklist shows what is still missing."));
            return new OutboxMessage(r, "en", preferences.email(), subject, body);
        }
        String date = TR_DATE.format(r.deadline());
        description = r.descriptionTr() == null ? description : r.descriptionTr();
        consequence = r.consequenceTr() == null ? consequence : r.consequenceTr();
        String subject = missed
                ? "Süre kaçırıldı (" + date + "): " + description + " (" + turkishArticle(article) + ")"
                : "Son gün " + date + " (" + daysLeft + " gün kaldı): " + description + " (" + turkishArticle(article)
                        + ")";
        String body = String.join("\n",
                "Başvuru: " + r.applicationId() + (subjectLine.isEmpty() ? "" : ", harcama " + subjectLine),
                "Yapılması gereken: " + description,
                "Son gün: " + date + " (bu gün dahil)" + (missed ? " - süre doldu" : ""),
                "Dayanak: " + turkishArticle(article) + " (kural " + r.ruleId() + ")",
                "Kaçırılırsa: " + consequence,
                "Ne yapmalı: " + (missed
                        ? "süre doldu. Hâlâ mümkün olanlar için başvurunun kontrol listesine bakın ve geç bir"
                                + " başvurudan önce Bakanlık ile görüşün."
                        : "gerekenleri en geç " + date + " tarihine kadar başvuru üzerinden sunun; eksikler"
                                + " başvurunun kontrol listesinde görünür."));
        return new OutboxMessage(r, "tr", preferences.email(), subject, body);
    }

    /** "Art. 34(1), 34(5)" → "Madde 34(1), 34(5)". */
    static String turkishArticle(String article) {
        return article.startsWith("Art. ") ? "Madde " + article.substring(5)
                : article.startsWith("Arts. ") ? "Madde " + article.substring(6) : article;
    }

    private static String days(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The day a reminder of {@code kind} for {@code deadline} is due. */
    public static LocalDate sendOn(LocalDate deadline, String kind) {
        int before = ReminderKind.daysBefore(kind);
        return before < 0 ? deadline.plusDays(1) : deadline.minusDays(before);
    }
}
