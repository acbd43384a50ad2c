package dev.destek.reminder;

import java.time.LocalDate;

/** What one scheduled run did: the day it covered, how many reminders were due, and how many it sent. */
public record ReminderRun(LocalDate day, int due, int sent) {

    /** Due reminders another run had already claimed. */
    public int alreadySent() {
        return due - sent;
    }
}
