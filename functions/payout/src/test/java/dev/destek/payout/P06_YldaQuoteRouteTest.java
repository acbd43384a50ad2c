package dev.destek.payout;

import static dev.destek.payout.HttpApiEvents.body;
import static dev.destek.payout.HttpApiEvents.event;
import static dev.destek.payout.HttpApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/quotes and /v1/deadlines for a programme of the 2024 deck (Decree 5449, S0 P§06), fed the API Gateway
 * event in events/quote-ylda.json: a logistics company with 5,000 m² of warehouse abroad (a cooperation organisation,
 * P§06), operating costs in support year 3 (50 %, after the first two years at 70 %) with 72,800,000 TL of the
 * 73,050,000 TL cap already received.
 */
class P06_YldaQuoteRouteTest {
    private final PayoutHandler handler = new PayoutHandler(Map.of());

    @Test
    void quote_p06OperatingCostsYear3_shouldStepDownTo50AndCapInTry() throws Exception {
        JsonNode response = invoke(handler, event("quote-ylda.json"));

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.at("/totalSupport/currency").asText()).isEqualTo("TRY");
        // 50 % of 1,000,000 = 500,000, but only 73,050,000 − 72,800,000 = 250,000 of the cap is left
        assertThat(body.at("/totalSupport/amount").asText()).isEqualTo("250000.00");
        assertThat(body.at("/lines/0/ratePercent").asText()).isEqualTo("50.00");
        assertThat(body.at("/lines/0/eligibleBase").asText()).isEqualTo("1000000.00");
        assertThat(body.at("/lines/0/trace").findValuesAsText("ruleId"))
                .contains("E_YLDA_RESIDENT_IN_TURKEY", "E_YLDA_COOPERATION_ORGANISATION", "R_YLDA_OPERATING_STEP_DOWN",
                        "C_YLDA_OPERATING_73050000");
        assertThat(body.at("/lines/0/trace").findValuesAsText("article")).contains("P§06");
    }

    @Test
    void quote_p06WithoutSupportYear_shouldAnswer422WithPointer() throws Exception {
        ObjectNode event = event("quote-ylda.json");
        event.put("body", event.get("body").asText().replace(",\"supportYear\":3", ""));

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(response).at("/errors/0/pointer").asText()).isEqualTo("/activity/supportYear");
    }

    @Test
    void deadlines_p06_shouldAnswerAnEmptyList() throws Exception {
        ObjectNode event = event("quote-ylda.json");
        event.put("routeKey", "POST /v1/deadlines");
        event.put("rawPath", "/v1/deadlines");
        ((ObjectNode) event.get("requestContext")).put("routeKey", "POST /v1/deadlines");
        ((ObjectNode) event.get("requestContext").get("http")).put("path", "/v1/deadlines");

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(body(response).get("deadlines").size()).isZero();
    }

    @Test
    void catalogue_shouldListTheDeckProgrammesWithTheirSections() throws Exception {
        JsonNode response = invoke(handler, event("catalogue.json"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode programmes = body(response).get("programmes");
        assertThat(programmes.findValuesAsText("id")).contains("DECREE_5448", "DECREE_2564", "DECREE_5447",
                "DECREE_5449", "DECREE_2014_10");
        assertThat(programmes.findValuesAsText("article")).contains("P§03", "P§04", "P§05", "P§06", "P§07");
        assertThat(body(response).get("interpretations").findValuesAsText("id")).contains("YLDA_CAP_PERIOD");
    }
}
