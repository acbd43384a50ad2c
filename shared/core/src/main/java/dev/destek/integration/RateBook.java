package dev.destek.integration;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The exchange rates ingested from the central bank's daily indicative table (Art. 36(1)), as USD per unit. Read by
 * the claim's payout; a day without a stored rate is simply absent — the rules then report NEEDS_CONVERSION and
 * the claim waits, never a guessed rate.
 */
public interface RateBook {
    /** Every stored rate of the currencies on the days from {@code from} to {@code to}, both included. */
    List<StoredRate> rates(Set<String> currencies, LocalDate from, LocalDate to);
}
