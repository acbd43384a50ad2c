package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Counted limits of DOMAIN §9 checked in a quote (claim level), on both sides of each limit. */
class Art21To26_CountedLimitsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                a("T22 Art. 21(1): 10 programme days", "TRADE_DELEGATION", null, null, "activity.programmeDays", 10),
                a("T22 Art. 21(1): 11 programme days", "TRADE_DELEGATION", "TOO_LONG", "Art. 21(1)", "activity.programmeDays", 11),
                a("N_MIN_PARTICIPANTS_8 Art. 21(6): 8 beneficiaries on a trade delegation", "TRADE_DELEGATION", null, null, "activity.subtype", "TRADE", "activity.participants", 8),
                a("N_MIN_PARTICIPANTS_8 Art. 21(6): 7 beneficiaries", "TRADE_DELEGATION", "MIN_PARTICIPANTS", "Art. 21(6)", "activity.subtype", "TRADE", "activity.participants", 7),
                a("N_MIN_PARTICIPANTS_8 Art. 21(6): 7 on a Ministry-organised delegation", "TRADE_DELEGATION", null, null, "activity.subtype", "TRADE", "activity.participants", 7, "activity.ministryOrganised", true),
                a("N_MIN_PARTICIPANTS_8 Art. 21(6): purchasing delegations have no minimum", "TRADE_DELEGATION", null, null, "activity.subtype", "PURCHASING", "activity.participants", 1),
                a("N_MIN_PARTICIPANTS_6 Art. 26(3): 6 beneficiaries abroad", "HISER_MARKETING", null, null, "activity.subtype", "FOREIGN", "activity.participants", 6),
                a("N_MIN_PARTICIPANTS_6 Art. 26(3): 5 beneficiaries abroad", "HISER_MARKETING", "MIN_PARTICIPANTS", "Art. 26(3)", "activity.subtype", "FOREIGN", "activity.participants", 5),
                a("N_MIN_PARTICIPANTS_6 Art. 26(3): domestic marketing has no minimum", "HISER_MARKETING", null, null, "activity.subtype", "DOMESTIC", "activity.participants", 1),
                a("T40 Art. 21(5): the 10th trade delegation of the calendar year", "TRADE_DELEGATION", null, null, "activity.subtype", "TRADE", "activity.participants", 8, "activity.delegationsInYear", 10),
                a("T40 Art. 21(5): the 11th trade delegation", "TRADE_DELEGATION", "ANNUAL_COUNT", "Art. 21(5)", "activity.subtype", "TRADE", "activity.participants", 8, "activity.delegationsInYear", 11),
                a("T40 Art. 21(5): the 11th purchasing delegation (counted apart)", "TRADE_DELEGATION", "ANNUAL_COUNT", "Art. 21(5)", "activity.subtype", "PURCHASING", "activity.delegationsInYear", 11),
                a("T40 Art. 21(5): not applied to a Ministry-organised assignment", "TRADE_DELEGATION", null, null, "activity.subtype", "TRADE", "activity.ministryOrganised", true, "activity.delegationsInYear", 12),
                a("N_QUOTES Art. 23(3): 3 quotes outside EK-2 provinces", "HISER_NEEDS_ANALYSIS", null, null, "activity.quotes", 3),
                a("N_QUOTES Art. 23(3): 2 quotes outside EK-2 provinces", "HISER_NEEDS_ANALYSIS", "INSUFFICIENT_QUOTES", "Art. 23(3)", "activity.quotes", 2),
                a("N_QUOTES Art. 24(2): 2 quotes in an EK-2 province (A-29)", "HISER_TRAINING_CONSULTANCY", null, null, "activity.quotes", 2, "applicant.hqProvince", "PROV_A"),
                a("N_QUOTES Art. 24(2): 1 quote in an EK-2 province", "HISER_TRAINING_CONSULTANCY", "INSUFFICIENT_QUOTES", "Art. 24(2)", "activity.quotes", 1, "applicant.hqProvince", "PROV_A"));
    }

    private static Arguments a(String name, String item, String code, String article, Object... facts) {
        return Arguments.of(name, item, code, article, facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void claim_shouldPassOrFailTheLimit(String name, String item, String code, String article, Object[] facts) {
        Quote q = Claims.quote(item, facts);
        if (code == null) {
            assertThat(q.rejections()).isEmpty();
            assertThat(q.totalSupport().amount()).isPositive();
        } else {
            assertThat(q.rejections()).contains(new Quote.Rejection(code, article));
            assertThat(q.lines().get(0).rejections()).contains(new Quote.Rejection(code, article));
            assertThat(q.totalSupport().amount()).isEqualByComparingTo("0");
        }
    }

    static Stream<Arguments> listed() {
        return Stream.of(Arguments.of("N_EXPERTS_2", "Art. 25(1),(3)", "HISER_EMPLOYMENT"),
                Arguments.of("T40", "Art. 21(5)", "TRADE_DELEGATION"),
                Arguments.of("T25", "Art. 17(1)", "GAME_APP_COMMISSION"),
                Arguments.of("T26", "Art. 27(1)", "HISER_EMPLOYMENT"),
                Arguments.of("T39", "Art. 25(2)", "HISER_EMPLOYMENT"),
                Arguments.of("T24", "Art. 6(2)", "MARKET_REPORT"),
                Arguments.of("T27", "Art. 13(2)", "PATIENT_TRAVEL"),
                Arguments.of("T28", "Art. 31(2)", "INDIVIDUAL_FAIR_PARTICIPATION"),
                Arguments.of("T23", "Art. 14(4)", "DOMESTIC_PROMOTION"),
                Arguments.of("T20", "Art. 29(1)", "COOP_ADVERTISING"));
    }

    @ParameterizedTest(name = "{0} {1}: listed among the limits of {2}")
    @MethodSource("listed")
    void limit_shouldBeListedInTheCatalogueWithItsArticle(String id, String article, String item) {
        CatalogueView.Item c = Claims.RULES.catalogue().supportItems().stream().filter(x -> x.id().equals(item))
                .findFirst().orElseThrow();
        assertThat(c.limits()).anySatisfy(l -> {
            assertThat(l.id()).isEqualTo(id);
            assertThat(l.article()).isEqualTo(article);
        });
    }
}
