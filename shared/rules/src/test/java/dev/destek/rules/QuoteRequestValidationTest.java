package dev.destek.rules;

import static dev.destek.rules.Requests.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structurally invalid requests are QuoteRequestExceptions with a JSON Pointer; rule outcomes are not. */
class QuoteRequestValidationTest {

    private static QuoteRequest with(UnaryOperator<QuoteRequest.Expense> change) {
        QuoteRequest r = Requests.example();
        List<QuoteRequest.Expense> expenses = new ArrayList<>();
        expenses.add(change.apply(r.expenses().get(0)));
        return new QuoteRequest(r.programme(), r.supportItem(), r.applicant(), r.activity(), r.filingDate(), expenses);
    }

    private static QuoteRequest.Expense amount(QuoteRequest.Expense e, String amount) {
        return new QuoteRequest.Expense(e.id(), e.kind(), amount == null ? null : new BigDecimal(amount),
                e.currency(), e.paymentDate());
    }

    private static QuoteRequest.Expense currency(QuoteRequest.Expense e, String currency) {
        return new QuoteRequest.Expense(e.id(), e.kind(), e.amount(), currency, e.paymentDate());
    }

    static Stream<Arguments> invalid() {
        QuoteRequest ex = Requests.example();
        return Stream.of(
                Arguments.of("no request", null, "", "request body is required"),
                Arguments.of("unknown programme", new QuoteRequest("DECREE_9999", "ADVERTISING", ex.applicant(),
                        ex.activity(), ex.filingDate(), ex.expenses()), "/programme", "unknown programme"),
                Arguments.of("unknown support item", new QuoteRequest("DECREE_2015_8", "ADVERTISMENT",
                        ex.applicant(), ex.activity(), ex.filingDate(), ex.expenses()), "/supportItem",
                        "unknown support item ADVERTISMENT"),
                Arguments.of("missing support item", new QuoteRequest("DECREE_2015_8", null,
                        ex.applicant(), ex.activity(), ex.filingDate(), ex.expenses()), "/supportItem",
                        "missing supportItem"),
                Arguments.of("missing applicant", new QuoteRequest("DECREE_2015_8", "ADVERTISING", null,
                        ex.activity(), ex.filingDate(), ex.expenses()), "/applicant", "applicant is required"),
                Arguments.of("missing sector", new QuoteRequest("DECREE_2015_8", "ADVERTISING",
                        new QuoteRequest.Applicant("BENEFICIARY", null, null, null), ex.activity(),
                        ex.filingDate(), ex.expenses()), "/applicant/sector", "missing sector"),
                Arguments.of("missing filing date", new QuoteRequest("DECREE_2015_8", "ADVERTISING",
                        ex.applicant(), ex.activity(), null, ex.expenses()), "/filingDate", "required"),
                Arguments.of("Art. 33(3): countries missing for an Art. 33(1) item", new QuoteRequest(
                        "DECREE_2015_8", "ADVERTISING", ex.applicant(), null, ex.filingDate(), ex.expenses()),
                        "/activity/countries", "countries"),
                Arguments.of("no expenses", new QuoteRequest("DECREE_2015_8", "ADVERTISING", ex.applicant(),
                        ex.activity(), ex.filingDate(), List.of()), "/expenses", "at least one expense"),
                Arguments.of("missing amount", with(e -> amount(e, null)), "/expenses/0/amount", "missing amount"),
                Arguments.of("zero amount", with(e -> amount(e, "0.00")), "/expenses/0/amount", "positive"),
                Arguments.of("negative amount", with(e -> amount(e, "-5")), "/expenses/0/amount", "positive"),
                Arguments.of("three decimals", with(e -> amount(e, "10.005")), "/expenses/0/amount",
                        "more than 2 decimals"),
                Arguments.of("unknown currency", with(e -> currency(e, "XYZ")), "/expenses/0/currency",
                        "unknown currency XYZ"),
                Arguments.of("lower-case currency", with(e -> currency(e, "usd")), "/expenses/0/currency",
                        "unknown currency usd"),
                Arguments.of("missing currency", with(e -> currency(e, null)), "/expenses/0/currency",
                        "missing currency"),
                Arguments.of("unknown expense kind", with(e -> new QuoteRequest.Expense(e.id(), "LUNCH",
                        e.amount(), e.currency(), e.paymentDate())), "/expenses/0/kind", "unknown expense kind"),
                Arguments.of("missing payment date (Art. 36(4))", with(e -> new QuoteRequest.Expense(e.id(),
                        e.kind(), e.amount(), e.currency(), null)), "/expenses/0/paymentDate", "Art. 36(4)"),
                Arguments.of("duplicate expense id", new QuoteRequest("DECREE_2015_8", "ADVERTISING",
                        ex.applicant(), ex.activity(), ex.filingDate(), List.of(ex.expenses().get(0),
                        ex.expenses().get(0))), "/expenses/1/id", "duplicate expense id"),
                Arguments.of("Art. 34(4): registration without certificate issue date", Requests.of(
                        "PRODUCT_REGISTRATION", ex.applicant(), ex.activity(), "2025-03-01",
                        new QuoteRequest.Expense("E1", "REGISTRATION", BigDecimal.TEN, "USD",
                                LocalDate.parse("2025-01-01"))), "/expenses/0/documentIssueDate", "Art. 34(4)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void quote_structurallyInvalid_shouldThrowWithPointer(String name, QuoteRequest request, String pointer,
                                                          String reason) {
        assertThatThrownBy(() -> DEFAULTS.quote(request))
                .isInstanceOfSatisfying(QuoteRequestException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.pointer()).isEqualTo(pointer);
                    org.assertj.core.api.Assertions.assertThat(e.reason()).contains(reason);
                });
    }
}
