package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The wire shape from the issue: amounts are JSON strings both ways, dates ISO-8601. */
class QuoteJsonTest {
    private static final String ISSUE_REQUEST = "{\"programme\":\"DECREE_2015_8\",\"supportItem\":\"ADVERTISING\","
            + "\"applicant\":{\"role\":\"BENEFICIARY\",\"type\":\"IT_COMPANY\",\"sector\":\"IT\",\"hqProvince\":\"PROV_A\"},"
            + "\"activity\":{\"countries\":[\"XA\"],\"start\":\"2025-01-10\",\"end\":\"2025-01-20\",\"preApprovalDate\":null},"
            + "\"filingDate\":\"2025-03-01\",\"expenses\":[{\"id\":\"E1\",\"kind\":\"ADVERTISING\",\"amount\":\"10000.00\","
            + "\"currency\":\"USD\",\"paymentDate\":\"2025-02-01\"}]}";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void request_issueExample_shouldDeserialiseWithExactAmount() throws Exception {
        QuoteRequest request = mapper.readValue(ISSUE_REQUEST, QuoteRequest.class);
        assertThat(request.expenses().get(0).amount().toPlainString()).isEqualTo("10000.00");
        assertThat(request.activity().start()).isEqualTo(LocalDate.parse("2025-01-10"));
        assertThat(request.activity().preApprovalDate()).isNull();
        assertThat(request.expenses().get(0).documentIssueDate()).isNull();
    }

    @Test
    void quote_issueExample_shouldSerialiseAmountsAsStrings() throws Exception {
        Quote quote = DEFAULTS.quote(mapper.readValue(ISSUE_REQUEST, QuoteRequest.class));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(quote));

        assertThat(json.at("/totalSupport/amount").isTextual()).isTrue();
        assertThat(json.at("/totalSupport/amount").asText()).isEqualTo("7000.00");
        assertThat(json.at("/totalSupport/currency").asText()).isEqualTo("USD");
        JsonNode line = json.at("/lines/0");
        assertThat(line.get("id").asText()).isEqualTo("E1");
        for (String field : new String[] {"claimed", "eligibleBase", "ratePercent", "support"}) {
            assertThat(line.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(line.get("claimed").asText()).isEqualTo("10000.00");
        assertThat(line.get("ratePercent").asText()).isEqualTo("70.00");
        assertThat(line.get("rejections").isArray()).isTrue();
        assertThat(line.at("/trace/1/ruleId").asText()).isEqualTo("art34.filing-period");
        assertThat(line.at("/trace/1/article").asText()).isEqualTo("Art. 34(1)");
        assertThat(line.at("/trace/1/inputs/lastAllowedDay").asText()).isEqualTo("2026-02-01");
        assertThat(json.get("rejections").isArray()).isTrue();
    }

    @Test
    void quote_roundTrip_shouldBeEqual() throws Exception {
        Quote quote = DEFAULTS.quote(Requests.example());
        assertThat(mapper.readValue(mapper.writeValueAsString(quote), Quote.class)).isEqualTo(quote);
    }
}
