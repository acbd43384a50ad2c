package dev.destek.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ingested rate: {@code usdPerUnit} USD for one unit of {@code currency} on {@code date}, from {@code source}
 * (e.g. TCMB_INDICATIVE) and the integration object it came from.
 */
public record StoredRate(String currency, LocalDate date, BigDecimal usdPerUnit, String source, String sourceObject) {
    public StoredRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(usdPerUnit, "usdPerUnit");
        Objects.requireNonNull(source, "source");
    }
}
