package dev.destek.local.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cold start as the Lambda Java runtime does it, in a fresh JVM: load the handler class, run its
 * no-argument constructor (the init phase), hand it one event's JSON bytes, print what it wrote on one
 * line, exit. Only the function's own jar and this class are on the class path.
 */
public final class InvokeOnce {
    private InvokeOnce() { }

    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of(args[1])), out, null);
        System.out.println("RESULT " + out.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }
}
