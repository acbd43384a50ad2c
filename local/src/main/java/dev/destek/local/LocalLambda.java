package dev.destek.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** One function "container": a real handler instance fed event JSON bytes as Lambda feeds them, one at a time. */
public final class LocalLambda {
    private final String name;
    private final RequestStreamHandler handler;

    public LocalLambda(String name, RequestStreamHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    /** Instantiates the handler class the template names, with the function's environment. */
    static LocalLambda of(String handlerClass, Map<String, String> env) {
        try {
            Class<?> type = Class.forName(handlerClass);
            return new LocalLambda(type.getSimpleName(),
                    (RequestStreamHandler) type.getConstructor(Map.class).newInstance(env));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot start function " + handlerClass, e);
        }
    }

    public String name() {
        return name;
    }

    /** Invokes the handler with an event in its JSON wire form and answers the JSON it wrote. */
    public synchronized String invoke(String eventJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                    new LocalContext(name));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final class LocalContext implements Context {
        private final String function;
        private final String requestId = UUID.randomUUID().toString();
        private final long deadline = System.currentTimeMillis() + 30_000;

        LocalContext(String function) {
            this.function = function;
        }

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + function; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return function; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + function; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
