package dev.destek.rules.internal;

import dev.destek.rules.Quote;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A line's trace while the calculator writes it, then, once {@link #freeze frozen} by {@link Quote.Line}, its
 * immutable trace: the line keeps this list instead of copying it ({@code List.copyOf} of every line's ~9 steps was
 * ~8 % of a quote's time).
 */
public final class TraceSteps extends AbstractList<Quote.TraceStep> implements RandomAccess {
    private Quote.TraceStep[] steps = new Quote.TraceStep[16];
    private int size;
    private boolean frozen;

    @Override
    public boolean add(Quote.TraceStep step) {
        if (frozen) {
            throw new UnsupportedOperationException("the trace of a finished line is immutable");
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
        }
        steps[size++] = java.util.Objects.requireNonNull(step, "step");
        return true;
    }

    @Override
    public Quote.TraceStep get(int index) {
        java.util.Objects.checkIndex(index, size);
        return steps[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** No more steps: from now on this is the line's immutable trace. */
    public TraceSteps freeze() {
        frozen = true;
        return this;
    }
}
