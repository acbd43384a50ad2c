package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks the catalogue and fails when a support item, time rule, cap, bonus or counted limit has no test case that
 * names it: its id must appear inside a string literal (a case name or an argument) of another test source.
 */
class CatalogueCompletenessTest {
    private static final Path TESTS = Path.of("src", "test", "java");

    private static String testSources() {
        try (Stream<Path> files = Files.walk(TESTS)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && !p.getFileName().toString().equals("CatalogueCompletenessTest.java")).collect(Collectors.toList())) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> untested(List<String> ids, String sources) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Pattern inLiteral = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*(?<![A-Z0-9_])" + Pattern.quote(id)
                    + "(?![A-Z0-9_])(?:[^\"\\\\\\n]|\\\\.)*\"");
            if (!inLiteral.matcher(sources).find()) {
                missing.add(id);
            }
        }
        return missing;
    }

    @Test
    void everyRuleCapBonusAndItem_shouldHaveATestCaseNamingIt() {
        CatalogueView c = Claims.RULES.catalogue();
        List<String> ids = new ArrayList<>();
        c.supportItems().forEach(i -> ids.add(i.id()));
        c.timeRules().forEach(t -> ids.add(t.id()));
        c.caps().forEach(x -> ids.add(x.id()));
        c.bonuses().forEach(b -> ids.add(b.id()));
        c.supportItems().forEach(i -> i.limits().forEach(l -> ids.add(l.id())));
        // the deck's programmes (S0): programme ids, items qualified by programme, caps, rate steps, interpretations
        c.programmes().forEach(p -> {
            ids.add(p.id());
            p.items().forEach(i -> {
                ids.add(p.id() + "." + i.id());
                i.caps().forEach(x -> ids.add(x.id()));
                i.rateSteps().forEach(x -> ids.add(x.id()));
            });
            p.eligibility().forEach(r -> ids.add(r.id()));
        });
        c.interpretations().forEach(i -> ids.add(i.id()));
        assertThat(ids).contains("T01", "T59", "C_ACCOM_150", "C_HOSTING_20000", "R_EK1_FAIR_20", "N_QUOTES",
                "DECREE_5449.EMPLOYMENT", "C_YLDA_EMPLOYMENT_10_PERSONS", "R_YLDA_OPERATING_STEP_DOWN",
                "YLDA_CAP_PERIOD", "E_YLDA_COOPERATION_ORGANISATION", "E_2564_BRAND_IN_MADRID_COUNTRY",
                "E_5447_E_TURQUALITY_MEMBER");

        assertThat(untested(ids.stream().distinct().collect(Collectors.toList()), testSources()))
                .as("catalogue ids without a test case naming them").isEmpty();
    }

    @Test
    void completenessCheck_shouldNoticeAnIdThatNoTestNames() {
        assertThat(untested(List.of("T_NOT_A_RULE", "T05"), testSources())).containsExactly("T_NOT_A_RULE");
    }

    @Test
    void everyCatalogueEntry_shouldCiteAnArticleAndAnEffectiveDate() {
        CatalogueView c = Claims.RULES.catalogue();
        assertThat(c.timeRules()).allSatisfy(t -> {
            assertThat(t.article()).matches("(Art\\. |P§).*");
            assertThat(t.effectiveFrom()).isNotNull();
        });
        assertThat(c.caps()).allSatisfy(x -> {
            assertThat(x.article()).startsWith("Art. ");
            assertThat(x.basis()).isIn("EXPENSE_BASE", "SUPPORT_AMOUNT");
            assertThat(x.effectiveFrom()).isNotNull();
        });
        assertThat(c.bonuses()).allSatisfy(b -> assertThat(b.article()).startsWith("Art. 33"));
        assertThat(c.supportItems()).allSatisfy(i -> {
            assertThat(i.article()).startsWith("Art. ");
            assertThat(i.effectiveFrom()).isNotNull();
            assertThat(i.route()).isIn("KEP_RB", "DP_GD", "GD");
        });
        assertThat(c.greenPassportBands()).hasSize(5);
        assertThat(c.programmes()).hasSize(5).allSatisfy(p -> {
            assertThat(p.article()).matches("P§0[3-7]");
            assertThat(p.effectiveFrom()).isNotNull();
            assertThat(p.eligibility()).allSatisfy(r -> {
                assertThat(r.article()).isEqualTo(p.article());
                assertThat(r.effectiveFrom()).isNotNull();
                assertThat(r.rejection()).isNotBlank();
            });
            assertThat(p.items()).allSatisfy(i -> {
                assertThat(i.article()).isEqualTo(p.article());
                assertThat(i.effectiveFrom()).isNotNull();
                assertThat(i.caps()).allSatisfy(x -> {
                    assertThat(x.article()).isEqualTo(p.article());
                    assertThat(x.basis()).isIn("EXPENSE_BASE", "SUPPORT_AMOUNT");
                    assertThat(x.effectiveFrom()).isNotNull();
                });
            });
        });
        assertThat(c.interpretations()).allSatisfy(i -> {
            assertThat(i.article()).matches("(P§|Art\\. ).*");
            assertThat(i.options()).containsKey(i.defaultOption()).containsKey(i.selected());
        });
    }
}
