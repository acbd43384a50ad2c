package dev.destek.rules;

import java.time.LocalDate;

/**
 * One support item of the circular (Arts. 4–32), in the version returned by the catalogue.
 *
 * @param id            stable id, e.g. {@code ADVERTISING} (DOMAIN Appendix B)
 * @param article       the article that creates the item, e.g. {@code Art. 8}
 * @param claimForm     the annex form the claim is filed with, e.g. {@code EK-8}
 * @param effectiveFrom first day this version is in force
 * @param effectiveTo   last day this version is in force (inclusive), {@code null} while open-ended
 */
public record SupportItem(String id, String article, String claimForm, String nameEn, String nameTr,
                          LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** True when this version is in force on {@code day}. */
    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
