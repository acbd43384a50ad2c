package dev.destek.payout;

import static dev.destek.payout.HttpApiEvents.JSON;
import static dev.destek.payout.HttpApiEvents.body;
import static dev.destek.payout.HttpApiEvents.event;
import static dev.destek.payout.HttpApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The new payout endpoints fed the API Gateway event JSON in events/. "Today" is fixed at 2026-01-31. */
class PayoutRoutesTest {
    private final PayoutHandler handler = new PayoutHandler(PayoutRoutes.api(Rules.load(Map.of()),
            Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC)));

    @Test
    void deadlines_tradeDelegation_shouldAnswerLeadTimeAndFilingDeadlinesWithStatus() throws Exception {
        // GIVEN a delegation starting 2026-03-31 (T05 Art. 21(1): file by 2026-01-31, today)
        JsonNode response = invoke(handler, event("deadlines.json"));

        // THEN
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("today").asText()).isEqualTo("2026-01-31");
        JsonNode t05 = find(body.get("deadlines"), "T05");
        assertThat(t05.get("date").asText()).isEqualTo("2026-01-31");
        assertThat(t05.get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(t05.get("article").asText()).isEqualTo("Art. 21(1)");
        assertThat(find(body.get("deadlines"), "T06").get("date").asText()).isEqualTo("2026-02-28");
        assertThat(find(body.get("deadlines"), "T43").get("date").asText()).isEqualTo("2027-04-05");
        assertThat(find(body.get("deadlines"), "T43").get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void quote_art9_5_prepaidRent_shouldAnswerTranchesAsMonthsAndStrings() throws Exception {
        ObjectNode event = event("quote.json");
        event.put("body", """
                {"programme":"DECREE_2015_8","supportItem":"FOREIGN_OFFICE",
                 "applicant":{"role":"BENEFICIARY","type":"IT_COMPANY","sector":"IT","hqProvince":"PROV_X"},
                 "activity":{"countries":["DE"],"firstSupportedMonth":"2025-01"},"filingDate":"2025-03-01",
                 "expenses":[{"id":"R1","kind":"RENT","amount":"9000.00","currency":"USD","paymentDate":"2025-01-05",
                              "rentFrom":"2025-01","rentMonths":9}]}""");

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode tranches = body(response).at("/lines/0/tranches");
        assertThat(tranches.size()).isEqualTo(2);
        assertThat(tranches.get(1).get("from").asText()).isEqualTo("2025-07");
        assertThat(tranches.get(1).get("to").asText()).isEqualTo("2025-09");
        assertThat(tranches.get(0).get("support").asText()).isEqualTo("3000.00");
        assertThat(tranches.get(1).get("support").asText()).isEqualTo("1500.00");
        assertThat(body(response).at("/lines/0/support").asText()).isEqualTo("4500.00");
    }

    @Test
    void deadlines_unknownItem_shouldAnswer422WithPointer() throws Exception {
        ObjectNode event = event("deadlines.json");
        event.put("body", event.get("body").asText().replace("TRADE_DELEGATION", "NOPE"));

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(response).at("/errors/0/pointer").asText())
                .isEqualTo("/supportItem");
    }

    @Test
    void offsets_art35_3_shouldSplitInProportion() throws Exception {
        JsonNode response = invoke(handler, event("offsets.json"));

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("toTaxAuthority").asText()).isEqualTo("40000.00");
        assertThat(body.get("toSocialSecurity").asText()).isEqualTo("60000.00");
        assertThat(body.get("toApplicant").asText()).isEqualTo("0.00");
        assertThat(body.get("rule").asText()).isEqualTo("PROPORTIONAL");
    }

    @Test
    void offsets_entitlementNotANumber_shouldAnswer400WithPointer() throws Exception {
        ObjectNode event = event("offsets.json");
        event.put("body", event.get("body").asText().replace("\"100000.00\"", "\"a lot\""));

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/pointer").asText())
                .isEqualTo("/entitlement");
    }

    @Test
    void greenPassports_p08_average12Million_shouldGiveTwo() throws Exception {
        JsonNode response = invoke(handler, event("green-passports.json"));

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("passports").asInt()).isEqualTo(2);
        assertThat(body.get("averageUsd").asText()).isEqualTo("12000000.00");
    }

    @Test
    void greenPassports_gapInTheYears_shouldAnswer422WithPointer() throws Exception {
        ObjectNode event = event("green-passports.json");
        event.put("body", event.get("body").asText().replace("\"2024\"", "\"2021\""));

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(response).at("/errors/0/pointer").asText())
                .isEqualTo("/exportsUsdByYear");
    }

    @Test
    void greenPassports_withoutToken_shouldAnswer401() throws Exception {
        ObjectNode event = event("green-passports.json");
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        assertThat(invoke(handler, event).get("statusCode").asInt()).isEqualTo(401);
    }

    @Test
    void catalogue_shouldListItemsTimeRulesCapsAndBonusesWithArticles() throws Exception {
        JsonNode response = invoke(handler, event("catalogue.json"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("supportItems")).hasSize(32);
        assertThat(body.get("timeRules")).hasSize(59);
        assertThat(body.get("caps").findValuesAsText("id")).contains("C_ACCOM_150", "C_CERT_15000", "C_HOSTING_20000");
        assertThat(body.get("bonuses").findValuesAsText("id")).contains("R_EK1_10", "R_EK2_10", "R_EK1_FAIR_20");
        assertThat(body.at("/supportItems/0/effectiveFrom").asText()).isEqualTo("2015-06-02");
        assertThat(body.at("/caps/0/value").isTextual()).isTrue();
    }

    @Test
    void quote_newFields_shouldBeReadFromJson() throws Exception {
        ObjectNode event = event("quote.json");
        event.put("body", event.get("body").asText()
                .replace("\"ADVERTISING\",\"applicant\"", "\"TRADE_DELEGATION\",\"applicant\"")
                .replace("\"role\":\"BENEFICIARY\"", "\"role\":\"COOPERATION_ORGANISATION\"")
                .replace("\"kind\":\"ADVERTISING\"", "\"kind\":\"ACCOMMODATION\",\"persons\":3,\"nights\":4")
                .replace("\"amount\":\"10000.00\"", "\"amount\":\"2400.00\""));

        JsonNode response = invoke(handler, event);

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.at("/lines/0/eligibleBase").asText()).isEqualTo("1200.00");
        assertThat(body.at("/lines/0/trace").findValuesAsText("ruleId")).contains("C_REPS_2", "C_ACCOM_150");
    }

    private static JsonNode find(JsonNode deadlines, String rule) {
        for (JsonNode d : deadlines) {
            if (d.get("ruleId").asText().equals(rule)) {
                return d;
            }
        }
        throw new AssertionError(rule + " not in " + deadlines);
    }
}
