package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import java.util.List;

/** The one JSON configuration of the API: strict on input (unknown fields are errors), ISO dates on output. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // API Gateway reads absent and null alike; leaving nulls out keeps the response small
            .addMixIn(APIGatewayV2HTTPResponse.class, OmitNulls.class);

    private Json() { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface OmitNulls { }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body or answers 400 with what is wrong and where (a JSON Pointer). */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is empty; send a JSON object");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(malformed(e));
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable: " + value.getClass().getName(), e);
        }
    }

    private static Problem malformed(JsonProcessingException e) {
        if (e instanceof JsonMappingException) {
            JsonMappingException m = (JsonMappingException) e;
            String pointer = pointer(m.getPath());
            String reason;
            if (m instanceof UnrecognizedPropertyException) {
                reason = "unknown field";
            } else if (m instanceof InvalidFormatException) {
                InvalidFormatException f = (InvalidFormatException) m;
                reason = "cannot read " + describe(f.getValue()) + " as " + f.getTargetType().getSimpleName();
            } else if (m instanceof MismatchedInputException) {
                Class<?> target = ((MismatchedInputException) m).getTargetType();
                reason = "wrong JSON type" + (target == null ? "" : ", expected " + target.getSimpleName());
            } else {
                reason = firstLine(m.getOriginalMessage());
            }
            return new Problem(ProblemType.MALFORMED_REQUEST, "The request body has the wrong shape at "
                    + (pointer.isEmpty() ? "the root" : pointer) + ": " + reason,
                    List.of(new Problem.FieldError(pointer, reason)));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of(ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/');
            sb.append(ref.getFieldName() != null ? ref.getFieldName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(ref.getIndex()));
        }
        return sb.toString();
    }

    private static String describe(Object value) {
        String s = String.valueOf(value);
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
