package dev.destek.rules.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.rules.RulesConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a switch's options change must name existing rules, facts and items, checked for every option at build. */
class InterpretationChangeTargetsTest {
    private static final Catalogue CATALOGUE = Catalogue.load();

    private static Map<String, ProgrammeCatalogue.Interpretation> with(ProgrammeCatalogue.Interpretation broken) {
        Map<String, ProgrammeCatalogue.Interpretation> readings = new LinkedHashMap<>(ProgrammeCatalogue.readings());
        readings.put(broken.id(), broken);
        return readings;
    }

    private static ProgrammeCatalogue.Interpretation reading(
            Map<String, Map<String, ProgrammeCatalogue.RuleChange>> rules,
            Map<String, Map<String, ProgrammeCatalogue.SectorChange>> sectors,
            Map<String, Map<String, ProgrammeCatalogue.RouteChange>> routes) {
        return new ProgrammeCatalogue.Interpretation("X99_TEST", "Art. 1", "?", Map.of("A", "a", "B", "b"), "A", "test",
                rules, sectors, routes);
    }

    @Test
    void theShippedReadings_nameOnlyExistingTargets() {
        assertThatCode(() -> ProgrammeCatalogue.checkChangeTargets(CATALOGUE, ProgrammeCatalogue.readings()))
                .doesNotThrowAnyException();
    }

    @Test
    void aNonDefaultOptionNamingAnUnknownRuleFactOrItem_failsTheBuild() {
        ProgrammeCatalogue.RuleChange hireOnT99 = new ProgrammeCatalogue.RuleChange("HIRE_DATE", null, null, List.of(),
                null, null);
        assertThatThrownBy(() -> ProgrammeCatalogue.checkChangeTargets(CATALOGUE,
                with(reading(Map.of("B", Map.of("T99", hireOnT99)), Map.of(), Map.of()))))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("X99_TEST.timeRules.B.T99")
                .hasMessageContaining("unknown time rule T99");
        ProgrammeCatalogue.RuleChange badFact = new ProgrammeCatalogue.RuleChange("HIRING_DAY", null, null, List.of(),
                null, null);
        assertThatThrownBy(() -> ProgrammeCatalogue.checkChangeTargets(CATALOGUE,
                with(reading(Map.of("B", Map.of("T39", badFact)), Map.of(), Map.of()))))
                .hasMessageContaining("unknown fact HIRING_DAY");
        ProgrammeCatalogue.SectorChange sameAsTypo = new ProgrammeCatalogue.SectorChange("FOREIGN_OFICE", false,
                List.of(), null);
        assertThatThrownBy(() -> ProgrammeCatalogue.checkChangeTargets(CATALOGUE,
                with(reading(Map.of(), Map.of("B", Map.of("COOP_FOREIGN_OFFICE", sameAsTypo)), Map.of()))))
                .hasMessageContaining("unknown support item FOREIGN_OFICE");
        ProgrammeCatalogue.RouteChange route = new ProgrammeCatalogue.RouteChange("KEP_RB", List.of(), null, null,
                null);
        assertThatThrownBy(() -> ProgrammeCatalogue.checkChangeTargets(CATALOGUE,
                with(reading(Map.of(), Map.of(), Map.of("B", Map.of("COMPETITION", route))))))
                .hasMessageContaining("unknown support item COMPETITION");
    }
}
