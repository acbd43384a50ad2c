package dev.destek.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cold start as the Lambda Java runtime does it, in a fresh JVM: load the handler class, run its
 * no-argument constructor (the init phase), deserialize one event with the runtime's serializers,
 * invoke, serialize the result, print it on one line, exit. Only the function's own jar and the
 * runtime's serialization library are on the class path.
 */
public final class InvokeOnce {
    private InvokeOnce() { }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        String event = Files.readString(Path.of(args[1]));
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        Type[] io = null;
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType && ((ParameterizedType) t).getRawType() == RequestHandler.class) {
                io = ((ParameterizedType) t).getActualTypeArguments();
            }
        }
        PojoSerializer in = serializer(raw(io[0]));
        PojoSerializer out = serializer(raw(io[1]));
        Object result = handler.handleRequest(in.fromJson(event), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toJson(result, bytes);
        System.out.println("RESULT " + bytes.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }

    private static PojoSerializer<?> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, InvokeOnce.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) t).getRawType() : (Class<?>) t;
    }
}
