package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Art. 36: which day's rate converts a line, from the caller's rate table; never a guessed rate. */
class Art36_ConversionTest {
    private static Map<String, Object> rate(String currency, String date, String usdPerUnit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", currency);
        m.put("date", date);
        m.put("usdPerUnit", usdPerUnit);
        m.put("source", "TCMB_INDICATIVE");
        return m;
    }

    private static Map<String, Object> ad(String id, String date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", "ADVERTISING");
        m.put("amount", "100.00");
        m.put("currency", "EUR");
        m.put("paymentDate", date);
        m.put("socialOrSearchAd", true);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Quote quote(String item, List<Map<String, Object>> expenses, List<Map<String, Object>> rates) {
        Map<String, Object> tree = Claims.tree(item);
        if (expenses != null) {
            tree.put("expenses", new ArrayList<>(expenses));
        }
        tree.put("exchangeRates", rates);
        return Claims.RULES.quote(Claims.JSON.convertValue(tree, QuoteRequest.class));
    }

    @Test
    void fx_value_date_art36_4_paymentDateRate_converts() {
        Map<String, Object> e = new LinkedHashMap<>(ad("E1", "2025-03-10"));
        e.put("socialOrSearchAd", false);
        Quote q = quote("ADVERTISING", List.of(e), List.of(rate("EUR", "2025-03-10", "1.0850")));
        assertThat(q.lines().get(0).eligibleBase()).isEqualByComparingTo("108.50");
        assertThat(q.lines().get(0).support()).isEqualByComparingTo("54.25");
        assertThat(q.lines().get(0).trace()).anySatisfy(t -> assertThat(t.ruleId()).isEqualTo("FX_VALUE_DATE"));
    }

    @Test
    void fx_value_date_art36_1_noRateForTheDay_isNeedsConversion() {
        Map<String, Object> e = new LinkedHashMap<>(ad("E1", "2025-03-10"));
        e.put("socialOrSearchAd", false);
        Quote q = quote("ADVERTISING", List.of(e), List.of(rate("EUR", "2025-03-09", "1.0850")));
        assertThat(q.lines().get(0).rejections()).containsExactly(new Quote.Rejection("NEEDS_CONVERSION", "Art. 36(1)"));
    }

    @Test
    void fx_social_search_15th_art36_2_fourAdPaymentsInAMonth_useThe15th_orTheNextBusinessDay() {
        // March 2025: the 15th is a Saturday -> Monday 17 March
        List<Map<String, Object>> ads = List.of(ad("A", "2025-03-03"), ad("B", "2025-03-10"), ad("C", "2025-03-20"),
                ad("D", "2025-03-28"));
        Quote q = quote("ADVERTISING", ads, List.of(rate("EUR", "2025-03-17", "1.1000")));
        assertThat(q.lines()).allSatisfy(l -> assertThat(l.eligibleBase()).isEqualByComparingTo("110.00"));
        assertThat(q.lines().get(0).trace()).anySatisfy(t -> {
            assertThat(t.ruleId()).isEqualTo("FX_SOCIAL_SEARCH_15TH");
            assertThat(t.inputs().get("rateDate")).isEqualTo("2025-03-17");
        });
    }

    @Test
    void fx_social_search_15th_art36_2_threeAdPaymentsInAMonth_useTheirOwnDates() {
        List<Map<String, Object>> ads = List.of(ad("A", "2025-03-03"), ad("B", "2025-03-10"), ad("C", "2025-03-20"),
                ad("D", "2025-04-01"));
        Quote q = quote("ADVERTISING", ads, List.of(rate("EUR", "2025-03-17", "1.1000")));
        assertThat(q.lines()).allSatisfy(l -> assertThat(Claims.codes(l)).contains("NEEDS_CONVERSION"));
        assertThat(q.lines().get(0).trace()).anySatisfy(t -> assertThat(t.ruleId()).isEqualTo("FX_VALUE_DATE"));
    }

    @Test
    void fx_e_ticket_art36_3_patientTravelUsesTheETicketIssueDate() {
        Map<String, Object> tree = Claims.tree("PATIENT_TRAVEL");
        Map<String, Object> e = (Map<String, Object>) ((List<Object>) tree.get("expenses")).get(0);
        e.put("currency", "EUR");
        e.put("eTicketIssueDate", "2025-02-20");
        tree.put("exchangeRates", List.of(rate("EUR", "2025-02-20", "1.0500")));
        Quote q = Claims.RULES.quote(Claims.JSON.convertValue(tree, QuoteRequest.class));
        assertThat(q.lines().get(0).eligibleBase()).isEqualByComparingTo("1050.00");
        assertThat(q.lines().get(0).trace()).anySatisfy(t -> assertThat(t.ruleId()).isEqualTo("FX_E_TICKET"));
    }

    @Test
    void art36_1_rateTable_withoutSource_isARequestError() {
        Map<String, Object> r = rate("EUR", "2025-03-10", "1.0");
        r.remove("source");
        assertThatThrownBy(() -> quote("ADVERTISING", null, List.of(r))).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/exchangeRates/0/source");
    }
}
