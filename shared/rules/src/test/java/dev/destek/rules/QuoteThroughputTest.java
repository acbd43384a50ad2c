package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rough single-thread throughput of a realistic multi-line claim (not JMH: no forks, short warm-up; the figure is
 * printed for the README, the guard is loose because CI machines vary). A trade delegation with 5 lines: transport
 * and accommodation under the representative and 150 USD/day caps, organisation, promotion, a EUR line converted.
 */
class QuoteThroughputTest {

    static QuoteRequest claim() {
        QuoteRequest base = Claims.claim("TRADE_DELEGATION", "activity.priorApplicationDate", "2024-12-01",
                "activity.programmeDays", 6, "activity.participants", 9, "activity.subtype", "TRADE");
        List<QuoteRequest.Expense> lines = List.of(
                line("E1", "TRANSPORT", "4800.00", "USD", 3, null),
                line("E2", "ACCOMMODATION", "2700.00", "USD", 3, 6),
                line("E3", "ORGANISATION", "5200.00", "USD", null, null),
                line("E4", "PROMOTION", "1800.00", "EUR", null, null),
                line("E5", "INTERPRETATION", "900.00", "USD", null, null));
        return new QuoteRequest(base.programme(), base.supportItem(), base.applicant(), base.activity(),
                base.filingDate(), lines, List.of(new QuoteRequest.ExchangeRate("EUR", LocalDate.parse("2025-03-10"),
                new BigDecimal("1.0850"), "TCMB_INDICATIVE")));
    }

    private static QuoteRequest.Expense line(String id, String kind, String amount, String currency, Integer persons,
                                             Integer nights) {
        return new QuoteRequest.Expense(id, kind, new BigDecimal(amount), currency, LocalDate.parse("2025-03-10"),
                null, persons, nights, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null,
                null, null, null, null, null);
    }

    @Test
    void quote_fiveLineTradeDelegation_throughputIsPrinted() {
        Rules rules = Claims.RULES;
        QuoteRequest request = claim();
        Quote q = rules.quote(request);
        assertThat(q.lines()).hasSize(5);
        assertThat(q.rejections()).isEmpty();
        assertThat(q.lines()).allSatisfy(l -> assertThat(l.rejections()).as(l.trace().toString()).isEmpty());
        for (int i = 0; i < 20_000; i++) {
            rules.quote(request);
        }
        int n = 50_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            rules.quote(request);
        }
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("quotes/s (5-line claim, 1 thread): %.0f%n", perSecond);
        assertThat(perSecond).isGreaterThan(1_000);
    }
}
