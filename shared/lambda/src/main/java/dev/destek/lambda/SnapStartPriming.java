package dev.destek.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots a published version, the handler serves one harmless event from
 * its jar (a read of something that does not exist), so that the snapshot holds loaded classes, warmed
 * marshallers, JSON mappers and rules instead of leaving them to the first real caller. A no-op on a JVM
 * without checkpoint/restore, such as the local runner's.
 */
public final class SnapStartPriming implements Resource {
    /** org.crac holds resources weakly; these must live as long as the container. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();
    private final RequestStreamHandler handler;
    private final String eventResource;

    private SnapStartPriming(RequestStreamHandler handler, String eventResource) {
        this.handler = handler;
        this.eventResource = eventResource;
    }

    /**
     * Registers {@code handler} to serve {@code eventResource} (a resource beside the handler class) before the
     * snapshot.
     */
    public static void register(RequestStreamHandler handler, String eventResource) {
        SnapStartPriming priming = of(handler, eventResource);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    public static SnapStartPriming of(RequestStreamHandler handler, String eventResource) {
        return new SnapStartPriming(handler, eventResource);
    }

    /** Serves the priming event once and answers what the handler wrote; also what {@link #beforeCheckpoint} does. */
    public String prime() {
        try (InputStream event = handler.getClass().getResourceAsStream(eventResource)) {
            if (event == null) {
                throw new IllegalStateException("No priming event " + eventResource + " beside " + handler.getClass());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(event, out, null);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
        // what the priming event did not touch (rules, a presigner, Tika) must still be in the snapshot, complete
        InBackground.awaitAll();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: credentials come from the environment the runtime restores
    }
}
