package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties over generated requests (seeded, so reproducible): support never exceeds the claimed amount, the
 * rate never exceeds maxRate, the total is the sum of the lines, rejected lines pay nothing. Run against the
 * defaults and a configuration with a high base rate so the maxRate cap is exercised.
 */
class QuotePropertiesTest {
    private static final String[] ITEMS = {"ADVERTISING", "PRODUCT_REGISTRATION", "BRAND_REGISTRATION_PROTECTION",
            "FOREIGN_OFFICE", "CERTIFICATION"};
    private static final String[] KINDS = {"ADVERTISING", "REGISTRATION", "RENEWAL", "PROTECTION_LEGAL", "RENT",
            "CONSULTANCY", "AUDIT"};
    private static final String[] COUNTRIES = {"XA", "XB", "XO", "DE", "FR"};
    private static final String[] PROVINCES = {"PROV_A", "PROV_C", "PROV_Z"};
    private static final String[] SECTORS = {"IT", "FILM", "MANAGEMENT_CONSULTING", "LOGISTICS"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR"};

    @Test
    void quote_generatedRequestsUnderDefaults_shouldKeepTheInvariants() {
        check(Requests.DEFAULTS, new BigDecimal("1.00"), 2_000, 20250201L);
    }

    @Test
    void quote_generatedRequestsWithHighBaseRate_shouldNeverExceedMaxRate(@TempDir Path dir) {
        Rules rules = Requests.withConfig(dir, "c.yaml", String.join("\n",
                "baseRates:",
                "  ADVERTISING: [{from: 2015-06-02, value: 0.95}]",
                "  FOREIGN_OFFICE: [{from: 2015-06-02, value: 0.85}]",
                "maxRate: [{from: 2015-06-02, value: 0.9}]", ""));
        check(rules, new BigDecimal("0.90"), 2_000, 7L);
    }

    private static void check(Rules rules, BigDecimal maxRate, int runs, long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < runs; run++) {
            QuoteRequest request = generate(random);
            Quote quote = rules.quote(request);
            BigDecimal sum = BigDecimal.ZERO;
            for (Quote.Line line : quote.lines()) {
                String at = "run " + run + " seed " + seed + " line " + line.id();
                assertThat(line.support()).as(at).isLessThanOrEqualTo(line.claimed());
                assertThat(line.support().signum()).as(at).isGreaterThanOrEqualTo(0);
                assertThat(line.ratePercent()).as(at).isLessThanOrEqualTo(maxRate.movePointRight(2));
                assertThat(line.support().scale()).as(at).isEqualTo(2);
                if (line.isRejected()) {
                    assertThat(line.support()).as(at).isEqualByComparingTo("0");
                }
                sum = sum.add(line.support());
            }
            assertThat(quote.totalSupport().amount()).isEqualByComparingTo(sum);
        }
    }

    private static QuoteRequest generate(Random random) {
        String item = pick(random, ITEMS);
        List<String> countries = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            countries.add(pick(random, COUNTRIES));
        }
        LocalDate filing = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
        List<QuoteRequest.Expense> expenses = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
            LocalDate paid = filing.minusDays(random.nextInt(500));
            expenses.add(new QuoteRequest.Expense("E" + i, pick(random, KINDS), amount, pick(random, CURRENCIES),
                    paid, paid.plusDays(random.nextInt(60))));
        }
        return new QuoteRequest("DECREE_2015_8", item, new QuoteRequest.Applicant(
                random.nextInt(5) == 0 ? "COOPERATION_ORGANISATION" : "BENEFICIARY", "IT_COMPANY",
                pick(random, SECTORS), pick(random, PROVINCES)),
                new QuoteRequest.Activity(countries, null, null, null), filing, expenses);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
