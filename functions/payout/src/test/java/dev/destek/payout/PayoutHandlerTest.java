package dev.destek.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payout handler fed the event JSON API Gateway sends. It needs no AWS service. */
class PayoutHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PayoutHandler handler = new PayoutHandler(Map.of());

    @Test
    void quote_issueExample_shouldAnswerAnExplainedUsdQuote() throws Exception {
        // WHEN
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("quote.json"), null);

        // THEN amounts are decimal strings and every line carries its trace
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.at("/totalSupport/currency").asText()).isEqualTo("USD");
        assertThat(body.at("/totalSupport/amount").isTextual()).isTrue();
        assertThat(body.at("/lines/0/claimed").asText()).isEqualTo("10000.00");
        assertThat(body.at("/lines/0/trace").findValuesAsText("article")).isNotEmpty();
    }

    @Test
    void quote_amountNotANumber_shouldAnswer400WithPointer() throws Exception {
        // GIVEN
        APIGatewayV2HTTPEvent event = event("quote.json");
        event.setBody(event.getBody().replace("\"10000.00\"", "\"ten thousand\""));

        // WHEN
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // THEN
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/pointer").asText()).isEqualTo("/expenses/0/amount");
    }

    @Test
    void catalogue_withoutToken_shouldBePublic() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("catalogue.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()).get("supportItems").findValuesAsText("id")).contains("ADVERTISING");
    }

    @Test
    void quote_withoutToken_shouldAnswer401() throws Exception {
        APIGatewayV2HTTPEvent event = event("quote.json");
        event.getRequestContext().setAuthorizer(null);

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    private static APIGatewayV2HTTPEvent event(String name) throws Exception {
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, PayoutHandlerTest.class.getClassLoader())
                .fromJson(Files.readString(Path.of("events", name)));
    }
}
