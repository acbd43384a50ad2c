package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Special-stamped (green) passports the company may obtain (S0 P§08, DOMAIN §8).
 *
 * @param averageUsd average annual service exports of the years, HALF_UP to 2 decimals for display only (the band
 *                   is chosen on the exact average)
 */
public record GreenPassport(List<Integer> years, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageUsd,
                            int passports, String source, List<Quote.TraceStep> trace) {
    public GreenPassport {
        years = List.copyOf(years);
        trace = List.copyOf(trace);
    }
}
