package dev.destek.reminder;

import java.time.LocalDate;

/**
 * What one scheduled run did.
 *
 * @param from      the first day it covered (after the watermark: missed days are caught up)
 * @param day       the run's own day
 * @param due       scheduled reminders it found due on those days
 * @param sent      messages delivered by this run (new ones and retried ones)
 * @param retried   pending messages of earlier runs it took over
 * @param lost      due reminders another run recorded first
 * @param muted     due reminders of a kind the company muted
 * @param failed    deliveries that failed (left pending for a later run)
 * @param itemsRead items the run read from the store (due + pending index entries, watermark, preferences)
 */
public record ReminderRun(LocalDate from, LocalDate day, int due, int sent, int retried, int lost, int muted,
                          int failed, int itemsRead) { }
