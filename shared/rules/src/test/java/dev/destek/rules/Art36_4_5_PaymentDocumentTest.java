package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Art. 36(4): the payment document's value date counts when it shows one, else its transaction date; payments go
 * through the banking channel. Art. 36(5): outside it only in a country without international-standard banking and
 * with the counsellor's approval (DOMAIN §7.2, D8).
 */
class Art36_4_5_PaymentDocumentTest {
    @TempDir
    Path dir;

    private static Map<String, Object> ad(Map<String, Object> document) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "E1");
        m.put("kind", "ADVERTISING");
        m.put("amount", "1000.00");
        m.put("currency", "EUR");
        m.put("paymentDocument", document);
        return m;
    }

    private static Map<String, Object> document(String transactionDate, String valueDate, String channel,
                                                String country, Boolean approved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionDate", transactionDate);
        m.put("valueDate", valueDate);
        m.put("channel", channel);
        m.put("country", country);
        m.put("counsellorApproved", approved);
        return m;
    }

    private static Map<String, Object> eur(String date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", "EUR");
        m.put("date", date);
        m.put("usdPerUnit", "1.1000");
        m.put("source", "TCMB_INDICATIVE");
        return m;
    }

    private static QuoteRequest request(Map<String, Object> expense, String rateDate) {
        Map<String, Object> tree = Claims.tree("ADVERTISING");
        tree.put("expenses", new ArrayList<>(List.of(expense)));
        tree.put("exchangeRates", List.of(eur(rateDate)));
        return Claims.JSON.convertValue(tree, QuoteRequest.class);
    }

    private static Quote.TraceStep step(Quote.Line line, String ruleId) {
        return line.trace().stream().filter(t -> t.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void pay_value_date_art36_4_theValueDateCounts_whenTheDocumentShowsOne() {
        QuoteRequest r = request(ad(document("2025-02-03", "2025-02-05", null, null, null)), "2025-02-05");

        Quote.Line line = Claims.RULES.quote(r).lines().get(0);

        assertThat(r.expenses().get(0).paymentDate()).hasToString("2025-02-05");
        assertThat(step(line, "PAY_VALUE_DATE").output()).isEqualTo("VALUE_DATE 2025-02-05");
        assertThat(line.rejections()).isEmpty();
        assertThat(line.eligibleBase()).isEqualByComparingTo("1100.00");
        // the transaction day's rate is not the one that counts
        assertThat(Claims.codes(Claims.RULES.quote(request(ad(document("2025-02-03", "2025-02-05", null, null,
                null)), "2025-02-03")).lines().get(0))).containsExactly("NEEDS_CONVERSION");
    }

    @Test
    void pay_value_date_art36_4_theTransactionDateCounts_withoutAValueDate() {
        Quote.Line line = Claims.RULES.quote(request(ad(document("2025-02-03", null, "BANK", null, null)),
                "2025-02-03")).lines().get(0);

        assertThat(step(line, "PAY_VALUE_DATE").output()).isEqualTo("TRANSACTION_DATE 2025-02-03");
        assertThat(step(line, "PAY_BANK_CHANNEL").output()).isEqualTo("OK");
        assertThat(line.rejections()).isEmpty();
    }

    @Test
    void art36_4_aPaymentDateThatIsNotTheCountingDate_isRefusedWithItsPointer() {
        Map<String, Object> e = ad(document("2025-02-03", "2025-02-05", null, null, null));
        e.put("paymentDate", "2025-02-03");

        assertThatThrownBy(() -> Claims.RULES.quote(request(e, "2025-02-05")))
                .isInstanceOfSatisfying(QuoteRequestException.class,
                        x -> assertThat(x.pointer()).isEqualTo("/expenses/0/paymentDate"))
                .hasMessageContaining("value date 2025-02-05").hasMessageContaining("Art. 36(4)");
        assertThatThrownBy(() -> Claims.RULES.quote(request(ad(document(null, null, null, null, null)), "2025-02-05")))
                .isInstanceOfSatisfying(QuoteRequestException.class, x -> assertThat(x.pointer())
                        .isEqualTo("/expenses/0/paymentDocument/transactionDate"));
        assertThatThrownBy(() -> Claims.RULES.quote(request(ad(document("2025-02-03", null, "CASH", null, null)),
                "2025-02-03"))).hasMessageContaining("[BANK, NON_BANK]");
        assertThatThrownBy(() -> Claims.RULES.quote(request(ad(document("2025-02-03", null, "NON_BANK", null, true)),
                "2025-02-03"))).isInstanceOfSatisfying(QuoteRequestException.class, x -> assertThat(x.pointer())
                        .isEqualTo("/expenses/0/paymentDocument/country"));
    }

    @Test
    void pay_non_bank_exception_art36_5_outsideTheConfiguredCountries_isNotSupported() {
        Quote.Line line = Claims.RULES.quote(request(ad(document("2025-02-03", null, "NON_BANK", "SO", true)),
                "2025-02-03")).lines().get(0);

        assertThat(line.rejections()).containsExactly(new Quote.Rejection("NON_BANK_PAYMENT", "Art. 36(5)"));
        assertThat(step(line, "PAY_NON_BANK_EXCEPTION").output()).startsWith("NOT_SUPPORTED: SO is not configured");
        assertThat(line.support()).isEqualByComparingTo("0.00");
    }

    @Test
    void pay_non_bank_exception_art36_5_inAConfiguredCountry_needsTheCounsellorsApproval() {
        Rules rules = Requests.withConfig(dir, "banking.yaml",
                "noInternationalBankingCountries:\n  - from: 2015-06-02\n    value: [SO]\n");

        Quote.Line unapproved = rules.quote(request(ad(document("2025-02-03", null, "NON_BANK", "SO", false)),
                "2025-02-03")).lines().get(0);
        Quote.Line approved = rules.quote(request(ad(document("2025-02-03", null, "NON_BANK", "SO", true)),
                "2025-02-03")).lines().get(0);

        assertThat(unapproved.rejections()).containsExactly(new Quote.Rejection("DOC_APPROVAL_MISSING", "Art. 36(5)"));
        assertThat(approved.rejections()).isEmpty();
        assertThat(approved.support()).isEqualByComparingTo("550.00");
        assertThat(step(approved, "PAY_NON_BANK_EXCEPTION").inputs()).containsEntry("country", "SO");
    }

    @Test
    void art36_5_countryList_shouldBeValidatedAtStartUp() {
        assertThatThrownBy(() -> Requests.withConfig(dir, "bad.yaml",
                "noInternationalBankingCountries:\n  - from: 2015-06-02\n    value: [Somalia]\n"))
                .isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("noInternationalBankingCountries[0].value[0]")
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }
}
