package dev.destek.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test fixtures: the example request and small variations of it. */
final class Requests {
    static final Rules DEFAULTS = Rules.load(Map.of());

    private Requests() {
    }

    static QuoteRequest.Applicant beneficiary(String sector, String province) {
        return new QuoteRequest.Applicant("BENEFICIARY", "IT_COMPANY", sector, province);
    }

    static QuoteRequest.Activity activity(String... countries) {
        return new QuoteRequest.Activity(List.of(countries), LocalDate.parse("2025-01-10"),
                LocalDate.parse("2025-01-20"), null);
    }

    static QuoteRequest.Expense usd(String id, String amount, String paymentDate) {
        return new QuoteRequest.Expense(id, "ADVERTISING", new BigDecimal(amount), "USD", LocalDate.parse(paymentDate));
    }

    /** The example: ADVERTISING, IT company in PROV_A, country XA, 10000.00 USD paid 2025-02-01. */
    static QuoteRequest example() {
        return advertising("2025-03-01", usd("E1", "10000.00", "2025-02-01"));
    }

    static QuoteRequest advertising(String filingDate, QuoteRequest.Expense... expenses) {
        return new QuoteRequest("DECREE_2015_8", "ADVERTISING", beneficiary("IT", "PROV_A"), activity("XA"),
                LocalDate.parse(filingDate), List.of(expenses));
    }

    static QuoteRequest of(String item, QuoteRequest.Applicant applicant, QuoteRequest.Activity activity,
                           String filingDate, QuoteRequest.Expense... expenses) {
        return new QuoteRequest("DECREE_2015_8", item, applicant, activity, LocalDate.parse(filingDate),
                List.of(expenses));
    }

    /** A public institution resident in Türkiye: a cooperation organisation of Decree 5449 by kind (P§06). */
    static QuoteRequest.Applicant yldaPublicInstitution() {
        return new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "LOGISTICS", null, "PUBLIC_INSTITUTION",
                true, null, null, null, null);
    }

    /**
     * A beneficiary meeting every deck application condition: resident, brand registered in Türkiye and (by
     * itself) in DE (P§04), member of E-TURQUALITY® (P§05).
     */
    static QuoteRequest.Applicant deckBeneficiary(String sector) {
        return new QuoteRequest.Applicant("BENEFICIARY", null, sector, null, null, true, null, null,
                new QuoteRequest.Brand(true, List.of("DE"), "SELF"), List.of("E_TURQUALITY"));
    }

    /** Decree 2564 facts (P§04): a support period of {@code track} from {@code start}, with its count. */
    static QuoteRequest.Activity track(String track, String start, Integer targetMarkets, Integer projectYears) {
        return new QuoteRequest.Activity(List.of("DE"), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, track,
                start == null ? null : LocalDate.parse(start), targetMarkets, projectYears);
    }

    /** The shipped defaults plus a Madrid-System list (the defaults have none: P§04 would go to review). */
    static final String MADRID = "madridCountries: [{from: 2024-11-01, value: [DE, FR, US], note: test list}]\n";

    static Rules withMadrid() {
        try {
            return withConfig(Files.createTempDirectory("madrid"), "madrid.yaml", MADRID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules with the defaults overridden by {@code yaml}, written to a temporary file. */
    static Rules withConfig(Path dir, String fileName, String content) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, content);
            return Rules.load(Map.of("DESTEK_RULES_CONFIG", file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
