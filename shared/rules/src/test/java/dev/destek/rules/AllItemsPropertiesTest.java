package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties over seeded random claims of every quotable item (plain JUnit, reproducible by seed): support never
 * exceeds the claimed amount or a support-amount cap; more spending never gives less support; the rate never exceeds
 * the configured maximum; an "after" deadline is never before its trigger.
 */
class AllItemsPropertiesTest {
    private static final List<String> ITEMS = Claims.RULES.catalogue().supportItems().stream()
            .filter(CatalogueView.Item::quotable).map(CatalogueView.Item::id).collect(java.util.stream.Collectors.toList());
    private static final String[] COUNTRIES = {"XA", "XB", "DE"};
    private static final String[] CLASSES = {"ECONOMY", "BUSINESS"};

    private static Object[] randomFacts(Random r, String item) {
        List<String> kinds = Claims.RULES.catalogue().supportItems().stream().filter(i -> i.id().equals(item))
                .findFirst().orElseThrow().expenseKinds();
        return new Object[] {
            "expense.kind", kinds.get(r.nextInt(kinds.size())),
            "expense.amount", BigDecimal.valueOf(1 + r.nextInt(10_000_000), 2).toPlainString(),
            "expense.persons", 1 + r.nextInt(5), "expense.nights", 1 + r.nextInt(9), "expense.days", 1 + r.nextInt(9),
            "expense.areaM2", String.valueOf(1 + r.nextInt(60)), "expense.totalRentedAreaM2", String.valueOf(100 + r.nextInt(900)),
            "expense.travelClass", CLASSES[r.nextInt(2)], "expense.economyFareAmount", BigDecimal.valueOf(1 + r.nextInt(500_000), 2).toPlainString(),
            "expense.capKey", "K", "expense.capUsedUsd", BigDecimal.valueOf(r.nextInt(2_500_000), 2).toPlainString(),
            "activity.countries", List.of(COUNTRIES[r.nextInt(3)]),
            "applicant.hqProvince", r.nextBoolean() ? "PROV_A" : "PROV_X",
            "expense.paymentDate", LocalDate.of(2025, 1, 10).plusDays(r.nextInt(120)).toString()};
    }

    @Test
    void support_neverAboveClaimedOrCap_andMonotonicInTheAmount() {
        check(Claims.RULES, new BigDecimal("100.00"), 20251125L);
    }

    @Test
    void rate_neverAboveTheConfiguredMaximum(@TempDir Path dir) {
        Rules rules = Requests.withConfig(dir, "c.yaml", String.join("\n", "baseRates:",
                "  INDIVIDUAL_FAIR_PARTICIPATION: [{from: 2015-06-02, value: 0.75}]",
                "  ADVERTISING: [{from: 2015-06-02, value: 0.75}]",
                "maxRate: [{from: 2015-06-02, value: 0.8}]", ""));
        check(rules, new BigDecimal("80.00"), 42L);
    }

    private static void check(Rules rules, BigDecimal maxPercent, long seed) {
        Random r = new Random(seed);
        for (int run = 0; run < 1500; run++) {
            String item = ITEMS.get(r.nextInt(ITEMS.size()));
            Object[] facts = randomFacts(r, item);
            String at = "seed " + seed + " run " + run + " " + item + " " + java.util.Arrays.toString(facts);
            Quote.Line line = rules.quote(Claims.claim(item, facts)).lines().get(0);
            assertThat(line.support()).as(at).isLessThanOrEqualTo(line.claimed());
            assertThat(line.support().signum()).as(at).isGreaterThanOrEqualTo(0);
            assertThat(line.ratePercent()).as(at).isLessThanOrEqualTo(maxPercent);
            Object kind = facts[1];
            if (item.equals("CERTIFICATION") && List.of("CONSULTANCY", "TRAINING").contains(kind)) {
                // C_CERT_15000: what is left of the cap after the earlier claims
                assertThat(line.support()).as(at).isLessThanOrEqualTo(new BigDecimal("15000.00")
                        .subtract(new BigDecimal((String) facts[21])).max(BigDecimal.ZERO));
            }
            if (item.equals("GAME_APP_MARKET_ENTRY") && "HOSTING".equals(kind)) {
                assertThat(line.support()).as(at).isLessThanOrEqualTo(new BigDecimal("20000.00")
                        .subtract(new BigDecimal((String) facts[21])).max(BigDecimal.ZERO));
            }
            // more spending never gives less support
            Object[] more = java.util.Arrays.copyOf(facts, facts.length);
            more[3] = new BigDecimal((String) facts[3]).add(BigDecimal.valueOf(1 + r.nextInt(100_000), 2)).toPlainString();
            Quote.Line bigger = rules.quote(Claims.claim(item, more)).lines().get(0);
            assertThat(bigger.support()).as(at).isGreaterThanOrEqualTo(line.support());
        }
    }

    @Test
    void deadline_afterRules_neverBeforeTheirTrigger() {
        Random r = new Random(7L);
        for (int run = 0; run < 1000; run++) {
            String item = ITEMS.get(r.nextInt(ITEMS.size()));
            LocalDate d = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2500));
            QuoteRequest q = Claims.claim(item, "activity.end", d.toString(), "expense.paymentDate", d.toString(),
                    "activity.firstSupportedMonth", java.time.YearMonth.from(d).toString(),
                    "activity.projectStart", d.toString(), "expense.patientEntryDate", d.toString(),
                    "activity.unitClosureDate", d.toString(), "expense.documentIssueDate", d.toString());
            for (Deadline x : Claims.RULES.deadlines(q, d)) {
                CatalogueView.TimeRule t = Claims.RULES.catalogue().timeRules().stream()
                        .filter(y -> y.id().equals(x.ruleId())).findFirst().orElseThrow();
                if (List.of("LATEST_AFTER", "EARLIEST_AFTER", "EARLIEST_AFTER_OFFSET", "PERIOD_END", "LATEST_ON")
                        .contains(t.direction())) {
                    assertThat(x.date()).as(item + " " + x).isAfterOrEqualTo(x.triggerDate());
                } else {
                    assertThat(x.date()).as(item + " " + x).isBeforeOrEqualTo(x.triggerDate());
                }
            }
        }
        assertThat(Map.of()).isEmpty();
    }
}
