package dev.destek.payout;

import static dev.destek.payout.HttpApiEvents.JSON;
import static dev.destek.payout.HttpApiEvents.body;
import static dev.destek.payout.HttpApiEvents.event;
import static dev.destek.payout.HttpApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import dev.destek.lambda.SnapStartPriming;
import org.junit.jupiter.api.Test;

/** The payout handler fed the event JSON API Gateway sends. It needs no AWS service. */
class PayoutHandlerTest {
    private final PayoutHandler handler = new PayoutHandler(Map.of());

    @Test
    void quote_issueExample_shouldAnswerAnExplainedUsdQuote() throws Exception {
        // WHEN
        JsonNode response = invoke(handler, event("quote.json"));

        // THEN amounts are decimal strings and every line carries its trace
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.at("/totalSupport/currency").asText()).isEqualTo("USD");
        assertThat(body.at("/totalSupport/amount").isTextual()).isTrue();
        assertThat(body.at("/lines/0/claimed").asText()).isEqualTo("10000.00");
        assertThat(body.at("/lines/0/trace").findValuesAsText("article")).isNotEmpty();
    }

    @Test
    void quote_amountNotANumber_shouldAnswer400WithPointer() throws Exception {
        // GIVEN
        ObjectNode event = event("quote.json");
        event.put("body", event.get("body").asText().replace("\"10000.00\"", "\"ten thousand\""));

        // WHEN
        JsonNode response = invoke(handler, event);

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/pointer").asText())
                .isEqualTo("/expenses/0/amount");
    }

    @Test
    void catalogue_withoutToken_shouldBePublic() throws Exception {
        JsonNode response = invoke(handler, event("catalogue.json"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).get("supportItems").findValuesAsText("id"))
                .contains("ADVERTISING");
    }

    @Test
    void quote_withoutToken_shouldAnswer401() throws Exception {
        ObjectNode event = event("quote.json");
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        assertThat(invoke(handler, event).get("statusCode").asInt()).isEqualTo(401);
    }


    @Test
    void snapStartPriming_shouldServeAQuote() throws Exception {
        String response = SnapStartPriming.of(handler, PayoutHandler.PRIMING_EVENT).prime();

        assertThat(JSON.readTree(response).get("statusCode").asInt()).isEqualTo(200);
    }
}
