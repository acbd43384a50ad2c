package dev.destek.rules.internal;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.List;

/**
 * A date-based amount (years, months, days) that adds and prints exactly like {@link Period}: {@code date.plus(span)}
 * and {@code toString()} ({@code P1Y}, {@code P15D}) give the same results. It exists because loading
 * {@code java.time.Period} compiles a regex (its static parse pattern, which also bootstraps lambdas) — some 10–20 ms
 * of a cold {@code Rules.load}. {@link #toPeriod()} converts when a real Period is wanted.
 */
public final class Span implements TemporalAmount {
    private final int years;
    private final int months;
    private final int days;
    private String text;

    private Span(int years, int months, int days) {
        this.years = years;
        this.months = months;
        this.days = days;
    }

    public static Span of(int years, int months, int days) {
        return new Span(years, months, days);
    }

    public static Span from(Period p) {
        return new Span(p.getYears(), p.getMonths(), p.getDays());
    }

    public Period toPeriod() {
        return Period.of(years, months, days);
    }

    public int years() {
        return years;
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    @Override
    public long get(TemporalUnit unit) {
        if (unit == ChronoUnit.YEARS) {
            return years;
        } else if (unit == ChronoUnit.MONTHS) {
            return months;
        } else if (unit == ChronoUnit.DAYS) {
            return days;
        }
        throw new UnsupportedTemporalTypeException("Unsupported unit: " + unit);
    }

    @Override
    public List<TemporalUnit> getUnits() {
        return List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS);
    }

    /** As {@code Period.addTo} (ISO chronology). */
    @Override
    public Temporal addTo(Temporal temporal) {
        if (months == 0) {
            if (years != 0) {
                temporal = temporal.plus(years, ChronoUnit.YEARS);
            }
        } else {
            long totalMonths = years * 12L + months;
            if (totalMonths != 0) {
                temporal = temporal.plus(totalMonths, ChronoUnit.MONTHS);
            }
        }
        if (days != 0) {
            temporal = temporal.plus(days, ChronoUnit.DAYS);
        }
        return temporal;
    }

    /** As {@code Period.subtractFrom} (ISO chronology). */
    @Override
    public Temporal subtractFrom(Temporal temporal) {
        if (months == 0) {
            if (years != 0) {
                temporal = temporal.minus(years, ChronoUnit.YEARS);
            }
        } else {
            long totalMonths = years * 12L + months;
            if (totalMonths != 0) {
                temporal = temporal.minus(totalMonths, ChronoUnit.MONTHS);
            }
        }
        if (days != 0) {
            temporal = temporal.minus(days, ChronoUnit.DAYS);
        }
        return temporal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span && ((Span) o).years == years && ((Span) o).months == months && ((Span) o).days == days;
    }

    @Override
    public int hashCode() {
        return years + Integer.rotateLeft(months, 8) + Integer.rotateLeft(days, 16); // as Period.hashCode
    }

    /** As {@code Period.toString()}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = format();
            text = t;
        }
        return t;
    }

    private String format() {
        if (years == 0 && months == 0 && days == 0) {
            return "P0D";
        }
        StringBuilder b = new StringBuilder();
        b.append('P');
        if (years != 0) {
            b.append(years).append('Y');
        }
        if (months != 0) {
            b.append(months).append('M');
        }
        if (days != 0) {
            b.append(days).append('D');
        }
        return b.toString();
    }
}
