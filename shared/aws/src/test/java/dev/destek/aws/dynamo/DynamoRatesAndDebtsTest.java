package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.StoredRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The integration stores (issue 6) against dynalite: rates by currency and day, debts per company and file. */
@ExtendWith(DynaliteExtension.class)
class DynamoRatesAndDebtsTest {
    private DynamoTable table;
    private DynamoRateBook rates;
    private DynamoDebtLedger debts;

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        rates = new DynamoRateBook(table::client, table.tableName());
        debts = new DynamoDebtLedger(table::client, table.tableName());
    }

    private static StoredRate eur(String day, String usdPerUnit) {
        return new StoredRate("EUR", LocalDate.parse(day), new BigDecimal(usdPerUnit), "TCMB_INDICATIVE",
                "integrations/rates/" + day + ".xml");
    }

    @Test
    void rates_shouldComeBackExactly_forTheAskedCurrenciesAndDaysOnly() {
        rates.save(List.of(eur("2026-03-02", "1.0850123456"), eur("2026-03-03", "1.0900"), eur("2026-03-05", "1.1"),
                new StoredRate("GBP", LocalDate.parse("2026-03-03"), new BigDecimal("1.27"), "TCMB_INDICATIVE", null)));

        List<StoredRate> read = rates.rates(Set.of("EUR"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04"));

        assertThat(read).containsExactly(eur("2026-03-02", "1.0850123456"), eur("2026-03-03", "1.0900"));
        assertThat(read.get(1).usdPerUnit().toPlainString()).isEqualTo("1.0900");
    }

    @Test
    void rates_savedTwice_shouldStayOneRatePerDay() {
        rates.save(List.of(eur("2026-03-02", "1.08")));
        rates.save(List.of(eur("2026-03-02", "1.08")));

        assertThat(rates.rates(Set.of("EUR", "USD"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")))
                .hasSize(1);
    }

    private static CompanyDebts debts(String company, String asOf, String tax) {
        return new CompanyDebts(company, LocalDate.parse(asOf), "TRY",
                new CompanyDebts.Debt(new BigDecimal(tax), true, false, false),
                new CompanyDebts.Debt(new BigDecimal("0.00"), false, false, false), "integrations/debts/x.csv");
    }

    @Test
    void latest_shouldBeTheNewestSnapshotOfACompleteFile() {
        debts.save("f1", List.of(debts("ACME", "2026-03-01", "100.00"), debts("OTHER", "2026-03-01", "5.00")));
        debts.save("f2", List.of(debts("ACME", "2026-03-10", "60000.00")));

        assertThat(debts.latest("ACME")).contains(debts("ACME", "2026-03-10", "60000.00"));
        assertThat(debts.latest("OTHER")).contains(debts("OTHER", "2026-03-01", "5.00"));
        assertThat(debts.latest("NOBODY")).isEmpty();
    }

    @Test
    void art35_aFileThatStoppedHalfWay_isNeverSeenInPart() {
        debts.save("f1", List.of(debts("ACME", "2026-03-01", "100.00")));
        // f2's row is written but the file never completed (crash before the marker)
        table.client().putItem(b -> b.tableName(table.tableName()).item(Map.of(
                "pk", AttributeValue.builder().s("COMPANY#ACME").build(),
                "sk", AttributeValue.builder().s("DEBTS#2026-03-20#f2").build(),
                "fileId", AttributeValue.builder().s("f2").build())));

        assertThat(debts.latest("ACME")).contains(debts("ACME", "2026-03-01", "100.00"));
    }
}
