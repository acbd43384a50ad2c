package dev.destek.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Art. 35(1): the overdue tax and social-security debts per company, as the debt file carries them. */
class Art35_1_DebtFileTest {
    static final String HEADER = String.join(",", DebtFile.HEADER);
    private static final String SOURCE = "integrations/debts/2026-11-24.csv";

    private static DebtFile.Result parse(String csv) {
        return DebtFile.parse(csv.getBytes(StandardCharsets.UTF_8), SOURCE);
    }

    @Test
    void debtFile_wellFormed_shouldGiveOneSnapshotPerCompanyAtScale2() {
        DebtFile.Result result = parse("\uFEFF" + HEADER + "\r\n"
                + "COMPANY_A,2026-11-24,TRY,60000,true,false,false,90000.5,true,false,false\r\n"
                + "COMPANY_B,2026-11-24,TRY,0.00,false,false,false,1200.75,true,true,true\r\n\r\n");

        assertThat(result).isInstanceOf(DebtFile.Result.Parsed.class);
        assertThat(((DebtFile.Result.Parsed) result).rows()).containsExactly(
                new CompanyDebts("COMPANY_A", LocalDate.of(2026, 11, 24), "TRY",
                        new CompanyDebts.Debt(new BigDecimal("60000.00"), true, false, false),
                        new CompanyDebts.Debt(new BigDecimal("90000.50"), true, false, false), SOURCE),
                new CompanyDebts("COMPANY_B", LocalDate.of(2026, 11, 24), "TRY",
                        new CompanyDebts.Debt(new BigDecimal("0.00"), false, false, false),
                        new CompanyDebts.Debt(new BigDecimal("1200.75"), true, true, true), SOURCE));
    }

    @Test
    void debtFile_everyBadCell_shouldBeReportedWithLineAndColumn() {
        DebtFile.Result result = parse(HEADER + "\n"
                + "COMPANY_A,2026-11-24,TRY,60000.00,true,false,false,90000.00,true,false,false\n"
                + "COMPANY B,2026-02-30,try,-5,yes,false,false,1.234,true,false,true\n"
                + "COMPANY_C,2026-11-24,TRY,1.00,true,false\n"
                + "COMPANY_A,2026-11-24,TRY,1.00,true,false,false,1.00,true,false,false\n");

        assertThat(result).isInstanceOf(DebtFile.Result.Invalid.class);
        assertThat(((DebtFile.Result.Invalid) result).errors())
                .extracting(FileError::line, FileError::field, FileError::code)
                .containsExactly(
                        tuple(3, "companyId", "INVALID_COMPANY_ID"),
                        tuple(3, "asOf", "INVALID_DATE"),
                        tuple(3, "currency", "INVALID_CURRENCY"),
                        tuple(3, "taxAmount", "INVALID_AMOUNT"),
                        tuple(3, "taxOverdue", "INVALID_FLAG"),
                        tuple(3, "socialSecurityAmount", "INVALID_AMOUNT"),
                        tuple(3, "socialSecurityRestructuringComplied", "COMPLIED_WITHOUT_RESTRUCTURING"),
                        tuple(4, null, "WRONG_COLUMN_COUNT"),
                        tuple(5, "companyId", "DUPLICATE_COMPANY"));
    }

    @Test
    void debtFile_wrongHeader_orNoRows_orNotUtf8_shouldBeRejected() {
        assertThat(((DebtFile.Result.Invalid) parse("company,asOf\nA,2026-11-24\n")).errors())
                .extracting(FileError::line, FileError::code).containsExactly(tuple(1, "INVALID_HEADER"));
        assertThat(((DebtFile.Result.Invalid) parse(HEADER + "\n")).errors())
                .extracting(FileError::code).containsExactly("NO_ROWS");
        assertThat(((DebtFile.Result.Invalid) parse("")).errors())
                .extracting(FileError::code).containsExactly("INVALID_HEADER");
        assertThat(((DebtFile.Result.Invalid) DebtFile.parse(new byte[] {(byte) 0xC3, (byte) 0x28}, SOURCE))
                .errors()).extracting(FileError::code).containsExactly("NOT_UTF8");
    }

    @Test
    void debtFile_errorMessages_shouldNotRepeatTheValues() {
        DebtFile.Result result = parse(HEADER
                + "\nSECRET_CO,2026-11-24,TRY,12345.678,true,false,false,0,false,false,false\n");

        assertThat(((DebtFile.Result.Invalid) result).errors().toString()).doesNotContain("12345.678");
    }
}
