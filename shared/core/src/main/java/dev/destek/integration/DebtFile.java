package dev.destek.integration;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The debt snapshot file integrations drop under {@code integrations/debts/} (Art. 35(1): overdue tax debt from
 * the revenue administration, overdue social-security debt from SGK). UTF-8 (a BOM is tolerated), comma-separated,
 * no quoting, LF or CRLF line ends, this header first and one row per company:
 * <pre>
 * companyId,asOf,currency,taxAmount,taxOverdue,taxRestructured,taxRestructuringComplied,socialSecurityAmount,socialSecurityOverdue,socialSecurityRestructured,socialSecurityRestructuringComplied
 * COMPANY_A,2026-11-24,TRY,60000.00,true,false,false,90000.00,true,false,false
 * </pre>
 * {@code companyId} as in the accounts (1-64 of {@code A-Z a-z 0-9 _ -}); {@code asOf} the day the debts were
 * queried (ISO yyyy-MM-dd); {@code currency} ISO 4217; amounts at least 0 with at most 2 decimals and a point,
 * stored at scale 2 (no rounding ever happens: more decimals is an error); flags {@code true}/{@code false};
 * "restructuring complied" only where restructured. A company without debt at a creditor has amount 0.00.
 * Every error is reported with its line and column, and one error rejects the whole file.
 */
public final class DebtFile {
    public static final List<String> HEADER = List.of("companyId", "asOf", "currency",
            "taxAmount", "taxOverdue", "taxRestructured", "taxRestructuringComplied",
            "socialSecurityAmount", "socialSecurityOverdue", "socialSecurityRestructured",
            "socialSecurityRestructuringComplied");
    private static final Pattern COMPANY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private DebtFile() { }

    /** The rows of a file, or every error found in it. */
    public sealed interface Result {
        record Parsed(List<CompanyDebts> rows) implements Result { }

        record Invalid(List<FileError> errors) implements Result { }
    }

    public static Result parse(byte[] bytes, String sourceObject) {
        List<FileError> errors = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result.Invalid(List.of(new FileError(0, null, "NOT_UTF8", "the file is not UTF-8 text")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isEmpty()) {
            last--; // trailing line ends
        }
        if (last == 0 || !List.of(lines[0].split(",", -1)).equals(HEADER)) {
            errors.add(new FileError(1, null, "INVALID_HEADER", "the first line must be exactly: "
                    + String.join(",", HEADER)));
            return new Result.Invalid(errors);
        }
        List<CompanyDebts> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < last; i++) {
            int line = i + 1;
            String[] cells = lines[i].split(",", -1);
            if (cells.length != HEADER.size()) {
                errors.add(new FileError(line, null, "WRONG_COLUMN_COUNT",
                        "expected " + HEADER.size() + " columns, found " + cells.length));
                continue;
            }
            CompanyDebts row = row(cells, line, sourceObject, errors);
            if (row != null) {
                Integer first = seen.putIfAbsent(row.companyId(), line);
                if (first != null) {
                    errors.add(new FileError(line, "companyId", "DUPLICATE_COMPANY",
                            "the company is already on line " + first + "; one row per company"));
                }
                rows.add(row);
            }
        }
        if (last == 1) {
            errors.add(new FileError(1, null, "NO_ROWS", "the file has a header but no company rows"));
        }
        return errors.isEmpty() ? new Result.Parsed(List.copyOf(rows)) : new Result.Invalid(List.copyOf(errors));
    }

    /** Null if any cell of the row is wrong (each wrong cell is one error). */
    private static CompanyDebts row(String[] cells, int line, String sourceObject, List<FileError> errors) {
        int before = errors.size();
        String companyId = cells[0].trim();
        if (!COMPANY.matcher(companyId).matches()) {
            errors.add(new FileError(line, "companyId", "INVALID_COMPANY_ID",
                    "companyId must be 1-64 letters, digits, '_' or '-'"));
        }
        LocalDate asOf = date(cells[1].trim(), line, errors);
        String currency = cells[2].trim();
        if (!CURRENCY.matcher(currency).matches()) {
            errors.add(new FileError(line, "currency", "INVALID_CURRENCY", "currency must be an ISO 4217 code"));
        }
        CompanyDebts.Debt tax = debt(cells, 3, line, errors);
        CompanyDebts.Debt socialSecurity = debt(cells, 7, line, errors);
        if (errors.size() > before) {
            return null;
        }
        return new CompanyDebts(companyId, asOf, currency, tax, socialSecurity, sourceObject);
    }

    private static LocalDate date(String value, int line, List<FileError> errors) {
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        errors.add(new FileError(line, "asOf", "INVALID_DATE", "asOf must be a date as yyyy-MM-dd"));
        return null;
    }

    /** Columns {@code from} .. {@code from + 3}: amount, overdue, restructured, restructuring complied. */
    private static CompanyDebts.Debt debt(String[] cells, int from, int line, List<FileError> errors) {
        String amountText = cells[from].trim();
        BigDecimal amount = null;
        if (AMOUNT.matcher(amountText).matches()) {
            amount = new BigDecimal(amountText).setScale(2); // at most 2 decimals: exact, no rounding
        } else {
            errors.add(new FileError(line, HEADER.get(from), "INVALID_AMOUNT",
                    "an amount is at least 0 with at most 2 decimals after a point, e.g. 1250.50"));
        }
        Boolean overdue = flag(cells, from + 1, line, errors);
        Boolean restructured = flag(cells, from + 2, line, errors);
        Boolean complied = flag(cells, from + 3, line, errors);
        if (Boolean.TRUE.equals(complied) && Boolean.FALSE.equals(restructured)) {
            errors.add(new FileError(line, HEADER.get(from + 3), "COMPLIED_WITHOUT_RESTRUCTURING",
                    "a restructuring can only be complied with where the debt is restructured"));
        }
        if (amount == null || overdue == null || restructured == null || complied == null) {
            return null;
        }
        return new CompanyDebts.Debt(amount, overdue, restructured, complied);
    }

    private static Boolean flag(String[] cells, int index, int line, List<FileError> errors) {
        String value = cells[index].trim();
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        errors.add(new FileError(line, HEADER.get(index), "INVALID_FLAG",
                HEADER.get(index) + " must be true or false"));
        return null;
    }
}
