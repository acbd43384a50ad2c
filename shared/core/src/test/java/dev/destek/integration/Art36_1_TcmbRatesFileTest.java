package dev.destek.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Art. 36(1): currencies of the central bank's indicative table convert at its rate. The bulletin's quotes are
 * TRY per Unit units; stored as USD per one unit, through the bulletin's USD quote in the same column.
 */
class Art36_1_TcmbRatesFileTest {
    private static final String SOURCE = "integrations/rates/2026-11-25.xml";
    private final TcmbRatesFile forexBuying = new TcmbRatesFile(RateColumn.DEFAULT);

    private TcmbRatesFile.Result.Parsed parsed(TcmbRatesFile file, byte[] xml) {
        TcmbRatesFile.Result result = file.parse(xml, SOURCE);
        assertThat(result).isInstanceOf(TcmbRatesFile.Result.Parsed.class);
        return (TcmbRatesFile.Result.Parsed) result;
    }

    private TcmbRatesFile.Result.Invalid invalid(byte[] xml) {
        TcmbRatesFile.Result result = forexBuying.parse(xml, SOURCE);
        assertThat(result).isInstanceOf(TcmbRatesFile.Result.Invalid.class);
        return (TcmbRatesFile.Result.Invalid) result;
    }

    @Test
    void bulletin_forexBuying_shouldGiveUsdPerUnitRoundedOnceHalfUpToTenDecimals() {
        TcmbRatesFile.Result.Parsed parsed = parsed(forexBuying, TcmbSamples.bulletin());

        assertThat(parsed.date()).isEqualTo(LocalDate.of(2026, 11, 25));
        // EUR 48.9570 / 42.3117 = 1.15705584980…; JPY 27.1043 / (100 × 42.3117) = 0.00640586409905… (Unit 100:
        // the quote is for 100 yen, and HALF_UP lifts the tenth decimal); KWD 137.5521 / 42.3117 = 3.25092350339…
        assertThat(parsed.rates()).extracting(r -> r.currency(), r -> r.usdPerUnit().toPlainString(), r -> r.date(),
                        r -> r.source(), r -> r.sourceObject())
                .containsExactly(
                        tuple("USD", "1.0000000000", parsed.date(), "TCMB_INDICATIVE", SOURCE),
                        tuple("EUR", "1.1570558498", parsed.date(), "TCMB_INDICATIVE", SOURCE),
                        tuple("JPY", "0.0064058641", parsed.date(), "TCMB_INDICATIVE", SOURCE),
                        tuple("KWD", "3.2509235034", parsed.date(), "TCMB_INDICATIVE", SOURCE),
                        // the table's own currency, for payouts in TRY: 1 / 42.3117 = 0.02363412479…
                        tuple("TRY", "0.0236341248", parsed.date(), "TCMB_INDICATIVE", SOURCE));
    }

    @Test
    void bulletin_currencyWithEmptyQuote_shouldGetNoRateNeverAGuess() {
        // XDR has only a cross rate: no TRY quote in any column, so no USD rate is derived from CrossRateOther
        TcmbRatesFile.Result.Parsed parsed = parsed(forexBuying, TcmbSamples.bulletin());

        assertThat(parsed.rates()).extracting(StoredRate::currency).doesNotContain("XDR");
        assertThat(parsed.skipped()).containsExactly("XDR");
    }

    @Test
    void a32_banknoteBuyingColumn_shouldUseThatColumnForBothCurrencyAndUsd_andSkipWhereItIsEmpty() {
        TcmbRatesFile.Result.Parsed parsed = parsed(new TcmbRatesFile(RateColumn.BANKNOTE_BUYING),
                TcmbSamples.bulletin());

        assertThat(parsed.rates()).extracting(StoredRate::currency, r -> r.usdPerUnit().toPlainString())
                .containsExactly(tuple("USD", "1.0000000000"), tuple("EUR", "1.1570546401"),
                        tuple("JPY", "0.0063654596"), tuple("TRY", "0.0236506701"));
        assertThat(parsed.skipped()).containsExactly("KWD", "XDR");
    }

    @Test
    void a32_rateColumnSetting_shouldDefaultToForexBuyingAndRefuseUnknownNames() {
        assertThat(RateColumn.parse(null)).isEqualTo(RateColumn.FOREX_BUYING);
        assertThat(RateColumn.parse(" ")).isEqualTo(RateColumn.FOREX_BUYING);
        assertThat(RateColumn.parse("forex_selling")).isEqualTo(RateColumn.FOREX_SELLING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateColumn.parse("MID"))
                .hasMessageContaining(RateColumn.ENV);
    }

    @Test
    void xxe_externalEntity_shouldBeRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        byte[] xml = TcmbSamples.bytes("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE Tarih_Date [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Tarih_Date Tarih=\"25.11.2026\"><Currency Kod=\"USD\"><Unit>1</Unit>"
                + "<ForexBuying>&xxe;</ForexBuying></Currency></Tarih_Date>");

        TcmbRatesFile.Result.Invalid invalid = invalid(xml);

        assertThat(invalid.errors()).extracting(FileError::line, FileError::code)
                .containsExactly(tuple(2, "DTD_NOT_ALLOWED"));
        assertThat(invalid.errors().toString()).doesNotContain("TOPSECRET");
    }

    @Test
    void xxe_externalDtd_shouldNotBeFetched() throws Exception {
        // GIVEN a server that counts requests, named as the file's external DTD
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            byte[] xml = TcmbSamples.bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE Tarih_Date SYSTEM \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/evil.dtd\">\n<Tarih_Date Tarih=\"25.11.2026\"/>");

            assertThat(invalid(xml).errors()).extracting(FileError::code).containsExactly("DTD_NOT_ALLOWED");
            assertThat(fetched).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void malformedXml_shouldBeReportedWithItsLine() {
        byte[] xml = TcmbSamples.bytes("<Tarih_Date Tarih=\"25.11.2026\">\n<Currency Kod=\"USD\">\n"
                + "<Unit>1</Unit>\n<ForexBuying>42.31</ForexSelling>\n</Currency></Tarih_Date>");

        assertThat(invalid(xml).errors()).extracting(FileError::line, FileError::code)
                .containsExactly(tuple(4, "MALFORMED_XML"));
    }

    @Test
    void invalidEntries_shouldEachBeReportedWithLineAndField() {
        byte[] xml = TcmbSamples.bytes("""
                <Tarih_Date Tarih="31.11.2026" Date="11/31/2026">
                <Currency Kod="USD"><Unit>1</Unit><ForexBuying>42.3117</ForexBuying></Currency>
                <Currency Kod="eur"><Unit>1</Unit><ForexBuying>48.95</ForexBuying></Currency>
                <Currency Kod="JPY"><Unit>0</Unit><ForexBuying>27,1043</ForexBuying></Currency>
                <Currency Kod="GBP"><ForexBuying>-55.1</ForexBuying></Currency>
                <Currency Kod="USD"><Unit>1</Unit><ForexBuying>42.3117</ForexBuying></Currency>
                </Tarih_Date>
                """);

        assertThat(invalid(xml).errors()).extracting(FileError::line, FileError::field, FileError::code)
                .containsExactly(
                        tuple(1, "Tarih", "INVALID_DATE"),
                        tuple(3, "Kod", "INVALID_CURRENCY_CODE"),
                        tuple(4, "Unit", "INVALID_UNIT"),
                        tuple(4, "ForexBuying", "INVALID_QUOTE"),
                        tuple(5, "ForexBuying", "INVALID_QUOTE"),
                        tuple(5, "Unit", "UNIT_MISSING"),
                        tuple(6, "Kod", "DUPLICATE_CURRENCY"));
    }

    @Test
    void bulletinWithoutUsdQuote_shouldBeRejectedAsNothingCanBeConverted() {
        byte[] xml = TcmbSamples.bytes("<Tarih_Date Tarih=\"25.11.2026\" Date=\"11/25/2026\">\n"
                + "<Currency Kod=\"EUR\"><Unit>1</Unit><ForexBuying>48.95</ForexBuying></Currency>\n</Tarih_Date>");

        assertThat(invalid(xml).errors()).extracting(FileError::code).containsExactly("USD_QUOTE_MISSING");
    }

    @Test
    void datesThatDisagree_orAnotherRoot_shouldBeRejected() {
        assertThat(invalid(TcmbSamples.bytes("<Tarih_Date Tarih=\"25.11.2026\" Date=\"11/24/2026\">"
                + "<Currency Kod=\"USD\"><Unit>1</Unit><ForexBuying>1</ForexBuying></Currency></Tarih_Date>"))
                .errors()).extracting(FileError::field, FileError::code)
                .containsExactly(tuple("Date", "DATES_DISAGREE"));
        assertThat(invalid(TcmbSamples.bytes("<rates date=\"2026-11-25\"/>")).errors())
                .extracting(FileError::code).containsExactly("NOT_A_RATE_BULLETIN");
        assertThat(invalid(new byte[0]).errors()).extracting(FileError::code).containsExactly("MALFORMED_XML");
    }

    @Test
    void bulletin_parsedTwice_shouldGiveTheSameDigits() {
        assertThat(parsed(forexBuying, TcmbSamples.bulletin()).rates())
                .isEqualTo(parsed(forexBuying, TcmbSamples.bulletin()).rates());
        assertThat(parsed(forexBuying, TcmbSamples.bulletin()).rates().get(1).usdPerUnit().scale())
                .isEqualTo(TcmbRatesFile.SCALE);
        assertThat(new BigDecimal("1.1570558498")).isEqualByComparingTo(
                parsed(forexBuying, TcmbSamples.bulletin()).rates().get(1).usdPerUnit());
    }
}
