package dev.destek.lambda;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value built on its own thread from the moment it is asked for, so that a slow SDK client set-up (TLS trust
 * store, endpoint rules, marshallers) overlaps the rest of a function's cold start instead of adding to it.
 * {@link #get()} waits for it and rethrows a build failure as it happened.
 */
public final class InBackground<T> implements Supplier<T> {
    /** Everything started in this container, so that a SnapStart snapshot can wait for all of it. */
    private static final List<CompletableFuture<?>> STARTED = new CopyOnWriteArrayList<>();
    private final CompletableFuture<T> value;

    private InBackground(CompletableFuture<T> value) {
        this.value = value;
    }

    public static <T> InBackground<T> start(String name, Supplier<T> factory) {
        CompletableFuture<T> future = new CompletableFuture<>();
        STARTED.add(future);
        Thread builder = new Thread(() -> {
            try {
                future.complete(factory.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "init-" + name);
        builder.setDaemon(true);
        builder.start();
        return new InBackground<>(future);
    }

    /** Waits for everything started so far (failures surface when their value is asked for, not here). */
    public static void awaitAll() {
        for (CompletableFuture<?> future : STARTED) {
            future.handle((value, failure) -> null).join();
        }
    }

    @Override
    public T get() {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }
}
