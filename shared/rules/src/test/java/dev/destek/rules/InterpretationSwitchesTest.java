package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOMAIN §11 switches (⚙): the default is the digest's suggested reading; the alternative is one setting away. */
class InterpretationSwitchesTest {
    @TempDir
    Path dir;

    private Rules with(String yaml) {
        return Requests.withConfig(dir, "interpretations.yaml", "interpretations:\n" + yaml);
    }

    @Test
    void a06_art6_1_spendingOnThePreApprovalDay_isNotEligibleByDefault_butIsWhenSwitched() {
        // T01: Claims' pre-approval is 2025-01-02
        QuoteRequest sameDay = Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-02");
        QuoteRequest dayAfter = Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-03");

        assertThat(Claims.codes(Claims.RULES.quote(sameDay).lines().get(0))).containsExactly("NO_PRE_APPROVAL");
        assertThat(Claims.RULES.quote(dayAfter).lines().get(0).rejections()).isEmpty();
        Rules switched = with("  A06_PRE_APPROVAL_DAY: SAME_DAY\n");
        assertThat(switched.quote(sameDay).lines().get(0).rejections()).isEmpty();
        assertThat(Claims.codes(switched.quote(Claims.claim("MARKET_REPORT", "expense.paymentDate", "2025-01-01"))
                .lines().get(0))).containsExactly("NO_PRE_APPROVAL");
    }

    @Test
    void a06_onlyConcernsPreApproval_notTheT04ProjectStart() {
        QuoteRequest onProjectStart = Claims.claim("GAME_APP_DEVELOPMENT", "expense.paymentDate", "2025-01-02");

        assertThat(Claims.codes(with("  A06_PRE_APPROVAL_DAY: SAME_DAY\n").quote(onProjectStart).lines().get(0)))
                .contains("NO_PRE_APPROVAL");
    }

    @Test
    void a29_art23_3_quoteProvince_isTheApplicantsHqByDefault_orTheActivitysWhenSwitched() {
        // two quotes: enough only in an EK-2 province (PROV_A); the applicant's HQ is PROV_X
        QuoteRequest claim = Claims.claim("HISER_NEEDS_ANALYSIS", "activity.quotes", 2, "activity.province", "PROV_A");

        assertThat(Claims.RULES.quote(claim).rejections())
                .containsExactly(new Quote.Rejection("INSUFFICIENT_QUOTES", "Art. 23(3)"));
        assertThat(with("  A29_QUOTE_PROVINCE: ACTIVITY_PROVINCE\n").quote(claim).rejections()).isEmpty();
    }

    /** The claim of {@code item} with a second line: a copy of the first with {@code changes} (dotted keys of it). */
    @SuppressWarnings("unchecked")
    private static QuoteRequest twoLines(String item, Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> tree = Claims.tree(item);
        List<Object> expenses = (List<Object>) tree.get("expenses");
        Map<String, Object> line = (Map<String, Object>) expenses.get(0);
        line.putAll(first);
        Map<String, Object> copy = new LinkedHashMap<>(line);
        copy.putAll(second);
        expenses.add(copy);
        return Claims.JSON.convertValue(tree, QuoteRequest.class);
    }

    private static BigDecimal base(Quote quote, int line) {
        return quote.lines().get(line).eligibleBase();
    }

    @Test
    void a17_art14_4_fiveDays_firstFiveByDefault_orCostliestWhenSwitched() {
        // a 7-day event whose last two days cost most: 1100.00 = 5 × 100.00 + 2 × 300.00
        QuoteRequest perDay = Claims.claim("DOMESTIC_PROMOTION", "expense.kind", "ORGANISATION", "expense.amount",
                "1100.00", "expense.days", 7, "expense.dayAmounts",
                List.of("100.00", "100.00", "100.00", "100.00", "100.00", "300.00", "300.00"));
        QuoteRequest total = Claims.claim("DOMESTIC_PROMOTION", "expense.kind", "ORGANISATION", "expense.amount",
                "1100.00", "expense.days", 7);
        Rules costliest = with("  A17_EVENT_DAYS: COSTLIEST_FIVE_DAYS\n");

        assertThat(base(Claims.RULES.quote(perDay), 0)).isEqualByComparingTo("500.00");
        assertThat(base(costliest.quote(perDay), 0)).isEqualByComparingTo("900.00");
        // without per-day amounts the first five days' share is pro rata; the costliest days cannot be told
        assertThat(base(Claims.RULES.quote(total), 0)).isEqualByComparingTo("785.71");
        assertThat(Claims.codes(costliest.quote(total).lines().get(0))).containsExactly("MANUAL_REVIEW");
    }

    @Test
    void a17_eventOfAtMostFiveDays_isNotCut_underEitherReading() {
        QuoteRequest fiveDays = Claims.claim("DOMESTIC_PROMOTION", "expense.kind", "ORGANISATION", "expense.amount",
                "500.00", "expense.days", 5);

        assertThat(base(with("  A17_EVENT_DAYS: COSTLIEST_FIVE_DAYS\n").quote(fiveDays), 0))
                .isEqualByComparingTo("500.00");
    }

    @Test
    void a17_dayAmounts_mustAddUpToTheLine_oneADay() {
        QuoteRequest wrongSum = Claims.claim("DOMESTIC_PROMOTION", "expense.kind", "ORGANISATION", "expense.amount",
                "1000.00", "expense.days", 2, "expense.dayAmounts", List.of("100.00", "100.00"));
        QuoteRequest wrongCount = Claims.claim("DOMESTIC_PROMOTION", "expense.kind", "ORGANISATION", "expense.amount",
                "200.00", "expense.days", 3, "expense.dayAmounts", List.of("100.00", "100.00"));

        assertThatThrownBy(() -> Claims.RULES.quote(wrongSum)).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/expenses/0/dayAmounts").hasMessageContaining("200.00");
        assertThatThrownBy(() -> Claims.RULES.quote(wrongCount)).isInstanceOf(QuoteRequestException.class)
                .hasMessageContaining("/expenses/0/dayAmounts").hasMessageContaining("one amount per day");
    }

    @Test
    void a23_art21_4_twoRepresentatives_perEntityByDefault_orInTotalWhenSwitched() {
        // two entities' transport lines of 2 representatives each
        QuoteRequest claim = twoLines("TRADE_DELEGATION", Map.of("kind", "TRANSPORT", "persons", 2),
                Map.of("id", "E2", "persons", 2));

        Quote perEntity = Claims.RULES.quote(claim);
        Quote total = with("  A23_REPRESENTATIVES: TOTAL\n").quote(claim);

        assertThat(base(perEntity, 0)).isEqualByComparingTo("1000.00");
        assertThat(base(perEntity, 1)).isEqualByComparingTo("1000.00");
        assertThat(base(total, 0)).isEqualByComparingTo("1000.00");
        assertThat(base(total, 1)).isEqualByComparingTo("0.00");
        assertThat(total.totalSupport().amount())
                .isEqualByComparingTo(perEntity.totalSupport().amount().divide(BigDecimal.valueOf(2)));
    }

    @Test
    void a23_total_sharesTheTwoPersons_perExpenseKind() {
        // one representative on each line: 2 in total, so both transport lines count in full; accommodation apart
        QuoteRequest claim = twoLines("TRADE_DELEGATION", Map.of("kind", "TRANSPORT", "persons", 1),
                Map.of("id", "E2", "persons", 1));
        QuoteRequest three = twoLines("TRADE_DELEGATION", Map.of("kind", "TRANSPORT", "persons", 1),
                Map.of("id", "E2", "persons", 2));
        Rules total = with("  A23_REPRESENTATIVES: TOTAL\n");

        assertThat(base(total.quote(claim), 1)).isEqualByComparingTo("1000.00");
        assertThat(base(total.quote(three), 1)).isEqualByComparingTo("500.00");
    }

    @Test
    void a23_total_concernsDelegationsOnly_hiserMarketingCountsPerBeneficiary() {
        // Art. 26(2)(a): "from one beneficiary and the cooperation organisation at most 2"
        QuoteRequest claim = twoLines("HISER_MARKETING", Map.of("kind", "TRANSPORT", "persons", 2),
                Map.of("id", "E2", "persons", 2));

        assertThat(base(with("  A23_REPRESENTATIVES: TOTAL\n").quote(claim), 1)).isEqualByComparingTo("1000.00");
    }

    @Test
    void a23_total_aRejectedLineLeavesItsRepresentativesToTheNext() {
        // the first line flies business class without an economy fare: MANUAL_REVIEW, support 0
        QuoteRequest claim = twoLines("TRADE_DELEGATION", Map.of("kind", "TRANSPORT", "persons", 2,
                "travelClass", "BUSINESS"), Map.of("id", "E2", "travelClass", "ECONOMY"));
        Quote q = with("  A23_REPRESENTATIVES: TOTAL\n").quote(claim);

        assertThat(Claims.codes(q.lines().get(0))).containsExactly("MANUAL_REVIEW");
        assertThat(base(q, 1)).isEqualByComparingTo("1000.00");
    }

    @Test
    void a05_art6_2_reportAge_isMeasuredAtPaymentByDefault_orAtThePreApprovalApplicationWhenSwitched() {
        // published 2023-02-01: 2 years old on 2025-02-01; applied for on 2024-12-16, paid on 2025-03-10
        QuoteRequest claim = Claims.claim("MARKET_REPORT", "expense.reportPublicationDate", "2023-02-01",
                "activity.priorApplicationDate", "2024-12-16");
        Rules atApplication = with("  A05_REPORT_AGE_DATE: PRE_APPROVAL_APPLICATION_DATE\n");

        assertThat(Claims.codes(Claims.RULES.quote(claim).lines().get(0))).containsExactly("REPORT_TOO_OLD");
        assertThat(atApplication.quote(claim).lines().get(0).rejections()).isEmpty();
        assertThat(Claims.codes(atApplication.quote(Claims.claim("MARKET_REPORT", "expense.reportPublicationDate",
                "2022-12-15", "activity.priorApplicationDate", "2024-12-16")).lines().get(0)))
                .containsExactly("REPORT_TOO_OLD");
    }

    @Test
    void a19_art25_2_languageExam_countsBackFromTheFilingDateByDefault_orFromTheHireDateWhenSwitched() {
        QuoteRequest claim = Claims.claim("HISER_EMPLOYMENT", "activity.hireDate", "2025-01-15");
        LocalDate today = LocalDate.parse("2025-05-01");

        assertThat(Claims.RULES.deadlines(claim, today)).filteredOn(d -> d.ruleId().equals("T39"))
                .extracting(Deadline::trigger, Deadline::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FILING_DATE", LocalDate.parse("2023-06-01")));
        assertThat(with("  A19_LANGUAGE_EXAM_REFERENCE: HIRE_DATE\n").deadlines(claim, today))
                .filteredOn(d -> d.ruleId().equals("T39")).extracting(Deadline::trigger, Deadline::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HIRE_DATE", LocalDate.parse("2023-01-15")));
        assertThat(with("  A19_LANGUAGE_EXAM_REFERENCE: HIRE_DATE\n").deadlines(claim, today))
                .filteredOn(d -> d.ruleId().equals("T39")).singleElement()
                .satisfies(d -> assertThat(d.description()).contains("hire date"));
    }

    @Test
    void a27c_art29_33_1_coopOrgInAnEk2Province_getsNoProvincePointsByDefault_butDoesWhenSwitched() {
        // DE is not in EK-1, PROV_A is in EK-2 (config/defaults.yaml): only the province points can change the rate
        QuoteRequest coop = Claims.claim("COOP_ADVERTISING", "applicant.hqProvince", "PROV_A");
        QuoteRequest beneficiary = Claims.claim("ADVERTISING", "applicant.hqProvince", "PROV_A");
        Rules switched = with("  A27_COOP_PROVINCE_BONUS: ALSO_COOPERATION_ORGANISATIONS\n");

        assertThat(Claims.RULES.quote(coop).lines().get(0).ratePercent()).isEqualByComparingTo("50.00");
        assertThat(switched.quote(coop).lines().get(0).ratePercent()).isEqualByComparingTo("60.00");
        assertThat(switched.quote(coop).totalSupport().amount()).isEqualByComparingTo("600.00");
        // a beneficiary had the points under either reading
        assertThat(Claims.RULES.quote(beneficiary).lines().get(0).ratePercent()).isEqualByComparingTo("60.00");
    }

    @Test
    void a27c_coopOrgOutsideEk2_getsNoProvincePoints_evenWhenSwitched() {
        QuoteRequest coop = Claims.claim("COOP_ADVERTISING", "applicant.hqProvince", "PROV_Z");

        assertThat(with("  A27_COOP_PROVINCE_BONUS: ALSO_COOPERATION_ORGANISATIONS\n").quote(coop).lines().get(0)
                .ratePercent()).isEqualByComparingTo("50.00");
    }

    @SuppressWarnings("unchecked")
    private static QuoteRequest fourAdPaymentsInMarch(String item) {
        Map<String, Object> tree = Claims.tree(item);
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) tree.get("expenses")).get(0);
        List<Object> expenses = new java.util.ArrayList<>();
        List<Object> rates = new java.util.ArrayList<>();
        for (String day : List.of("2025-03-03", "2025-03-10", "2025-03-20", "2025-03-28")) {
            Map<String, Object> ad = new LinkedHashMap<>(first);
            ad.put("id", day);
            ad.put("currency", "EUR");
            ad.put("paymentDate", day);
            ad.put("socialOrSearchAd", true);
            expenses.add(ad);
            rates.add(Map.of("currency", "EUR", "date", day, "usdPerUnit", "1.0000", "source", "TCMB_INDICATIVE"));
        }
        // the 15th of March 2025 is a Saturday: Art. 36(2) takes Monday the 17th
        rates.add(Map.of("currency", "EUR", "date", "2025-03-17", "usdPerUnit", "1.1000", "source", "TCMB_INDICATIVE"));
        tree.put("expenses", expenses);
        tree.put("exchangeRates", rates);
        return Claims.JSON.convertValue(tree, QuoteRequest.class);
    }

    @Test
    void a31_art36_2_fifteenthOfTheMonthRate_appliesToCoopAdvertisingByDefault_butNotWhenSwitched() {
        // four ad payments of 1000.00 EUR in March: 1100.00 USD each at the 15th's rate, 1000.00 at their own dates
        QuoteRequest coop = fourAdPaymentsInMarch("COOP_ADVERTISING");
        Rules advertisersOnly = with("  A31_COOP_ADVERTISING_RATE_DATE: ADVERTISERS_ONLY\n");

        assertThat(Claims.RULES.quote(coop).lines())
                .allSatisfy(l -> assertThat(l.eligibleBase()).isEqualByComparingTo("1100.00"));
        assertThat(advertisersOnly.quote(coop).lines())
                .allSatisfy(l -> assertThat(l.eligibleBase()).isEqualByComparingTo("1000.00"));
        // the advertiser's own lines keep the 15th's rate under either reading
        assertThat(advertisersOnly.quote(fourAdPaymentsInMarch("ADVERTISING")).lines())
                .allSatisfy(l -> assertThat(l.eligibleBase()).isEqualByComparingTo("1100.00"));
    }

    @Test
    void a40_art27_3_changeNotice_isForHiserActivitiesByDefault_andForDelegationsTooWhenSwitched() {
        // programme starts 2025-03-03: changes must be notified by 2025-02-24
        QuoteRequest delegation = Claims.claim("TRADE_DELEGATION");
        LocalDate today = LocalDate.parse("2025-02-01");

        assertThat(Claims.RULES.deadlines(delegation, today)).extracting(Deadline::ruleId).doesNotContain("T15");
        assertThat(with("  A40_OTHER_PRE_APPROVED_EVENTS: ALSO_DELEGATIONS\n").deadlines(delegation, today))
                .filteredOn(d -> d.ruleId().equals("T15")).extracting(Deadline::date)
                .containsExactly(LocalDate.parse("2025-02-24"));
        assertThat(Claims.RULES.deadlines(Claims.claim("HISER_NEEDS_ANALYSIS"), today)).extracting(Deadline::ruleId)
                .contains("T15");
    }

    @Test
    void a41_art28_1_finalReport_hasNoDeadlineByDefault_andOneWhenDaysAreConfigured() {
        // the project ends 2025-03-07 (activity.end)
        QuoteRequest monitoring = Claims.claim("HISER_MONITORING");
        LocalDate today = LocalDate.parse("2025-04-01");
        Rules sixtyDays = Requests.withConfig(dir, "deadlines.yaml", "deadlines: {finalReportDueDays: 60}\n");

        assertThat(Claims.RULES.deadlines(monitoring, today)).extracting(Deadline::ruleId).doesNotContain("T53");
        Deadline d = sixtyDays.deadlines(monitoring, today).stream().filter(x -> x.ruleId().equals("T53"))
                .findFirst().orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.parse("2025-05-06"));
        assertThat(d.kind()).isEqualTo("LATEST");
        assertThat(d.status()).isEqualTo(Deadline.Status.OPEN);
        assertThat(d.description()).contains("60 days");
    }

    @Test
    void a41_finalReportDueDays_mustBeAPositiveWholeNumber() {
        assertThatThrownBy(() -> Requests.withConfig(dir, "deadlines.yaml", "deadlines: {finalReportDueDays: 0}\n"))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("deadlines.finalReportDueDays");
    }

    @Test
    void a21_art7_3_certificateCap_limitsTheSupportByDefault_orTheExpenseBaseWhenSwitched() {
        // 40000.00 consultancy at 50 %: support 20000.00 capped at 15000.00, or base capped at 15000.00 → 7500.00
        QuoteRequest claim = Claims.claim("CERTIFICATION", "expense.kind", "CONSULTANCY", "expense.amount", "40000.00",
                "expense.capKey", "ISO-1", "expense.capUsedUsd", "0");
        Quote.Line bySupport = Claims.RULES.quote(claim).lines().get(0);
        Rules onBase = with("  A21_CAP_BASIS: EXPENSE_BASE\n");
        Quote.Line byBase = onBase.quote(claim).lines().get(0);

        assertThat(bySupport.eligibleBase()).isEqualByComparingTo("40000.00");
        assertThat(bySupport.support()).isEqualByComparingTo("15000.00");
        assertThat(byBase.eligibleBase()).isEqualByComparingTo("15000.00");
        assertThat(byBase.support()).isEqualByComparingTo("7500.00");
        assertThat(byBase.trace()).anySatisfy(t -> {
            assertThat(t.ruleId()).isEqualTo("C_CERT_15000");
            assertThat(t.inputs()).containsEntry("basis", "EXPENSE_BASE");
        });
        // the catalogue says which basis applies
        assertThat(Claims.RULES.catalogue().caps()).filteredOn(c -> c.id().equals("C_CERT_15000"))
                .extracting(CatalogueView.Cap::basis).containsOnly("SUPPORT_AMOUNT");
        assertThat(onBase.catalogue().caps()).filteredOn(c -> c.id().equals("C_CERT_15000"))
                .extracting(CatalogueView.Cap::basis).containsOnly("EXPENSE_BASE");
    }

    @Test
    void a21_expenseBase_countsEarlierUseAndEarlierLinesOfTheRequest() {
        // 20000.00 cap, 12000.00 of it already counted: 8000.00 left for the first line, nothing for the second
        QuoteRequest claim = twoLines("GAME_APP_MARKET_ENTRY", Map.of("kind", "HOSTING", "amount", "10000.00",
                "capKey", "GAME-1", "capUsedUsd", "12000.00"), Map.of("id", "E2"));
        Quote q = with("  A21_CAP_BASIS: EXPENSE_BASE\n").quote(claim);

        assertThat(base(q, 0)).isEqualByComparingTo("8000.00");
        assertThat(base(q, 1)).isEqualByComparingTo("0.00");
        assertThat(q.totalSupport().amount()).isEqualByComparingTo("4000.00");
    }

    private static QuoteRequest interpreterClaim(String from, String to) {
        return Claims.claim("INTERPRETER", "activity.firstSupportedMonth", "2025-01", "activity.claimPeriodFrom", from,
                "activity.claimPeriodTo", to);
    }

    @Test
    void a13_art12_1_claimPeriod_isThreeMonthsOrMoreByDefault_orOneFixedThreeMonthPeriodWhenSwitched() {
        // support from January 2025: the fixed periods are Jan–Mar, Apr–Jun, …
        QuoteRequest fiveMonths = interpreterClaim("2025-02", "2025-06");
        QuoteRequest secondPeriod = interpreterClaim("2025-04", "2025-06");
        QuoteRequest offPeriod = interpreterClaim("2025-02", "2025-04");
        Rules periods = with("  A13_PERIOD_MODE: THREE_MONTH_PERIODS\n");

        assertThat(Claims.RULES.quote(fiveMonths).rejections()).isEmpty();
        assertThat(Claims.RULES.quote(offPeriod).rejections()).isEmpty();
        assertThat(periods.quote(fiveMonths).rejections())
                .containsExactly(new Quote.Rejection("CLAIM_PERIOD_MISMATCH", "Art. 12(1)"));
        assertThat(periods.quote(offPeriod).rejections())
                .containsExactly(new Quote.Rejection("CLAIM_PERIOD_MISMATCH", "Art. 12(1)"));
        assertThat(periods.quote(secondPeriod).rejections()).isEmpty();
        assertThat(periods.quote(fiveMonths).totalSupport().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void a13_claimOfTwoMonths_isTooShort_underEitherReading_andAClaimWithoutAPeriodIsNotJudged() {
        QuoteRequest twoMonths = interpreterClaim("2025-04", "2025-05");

        assertThat(Claims.RULES.quote(twoMonths).rejections())
                .containsExactly(new Quote.Rejection("CLAIM_PERIOD_TOO_SHORT", "Art. 12(1)"));
        assertThat(with("  A13_PERIOD_MODE: THREE_MONTH_PERIODS\n").quote(twoMonths).rejections())
                .containsExactly(new Quote.Rejection("CLAIM_PERIOD_TOO_SHORT", "Art. 12(1)"));
        assertThat(Claims.RULES.quote(Claims.claim("GAME_APP_COMMISSION")).rejections()).isEmpty();
        assertThat(Claims.codes(Claims.RULES.quote(Claims.claim("GAME_APP_COMMISSION", "activity.claimPeriodFrom",
                "2025-01", "activity.claimPeriodTo", "2025-01")).lines().get(0))).contains("CLAIM_PERIOD_TOO_SHORT");
    }

    @Test
    void a13_claimPeriodEndingBeforeItStarts_isARequestError() {
        assertThatThrownBy(() -> Claims.RULES.quote(interpreterClaim("2025-06", "2025-04")))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/activity/claimPeriodTo");
    }

    private static CatalogueView.Item item(Rules rules, String id) {
        return rules.catalogue().supportItems().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a01_art30_3_competitionEventRoute_kepAcceptingDpGdByDefault_orAsSwitched() {
        CatalogueView.Item byDefault = item(Claims.RULES, "COMPETITION_EVENT");
        CatalogueView.Item kepOnly = item(with("  A01_COMPETITION_EVENT_ROUTE: KEP_RB_ONLY\n"), "COMPETITION_EVENT");
        CatalogueView.Item asPrinted = item(with("  A01_COMPETITION_EVENT_ROUTE: DP_GD_ACCEPT_KEP_RB\n"),
                "COMPETITION_EVENT");

        assertThat(byDefault.route()).isEqualTo("KEP_RB");
        assertThat(byDefault.acceptedRoutes()).containsExactly("KEP_RB", "DP_GD");
        assertThat(kepOnly.acceptedRoutes()).containsExactly("KEP_RB");
        assertThat(asPrinted.route()).isEqualTo("DP_GD");
        assertThat(asPrinted.acceptedRoutes()).containsExactly("DP_GD", "KEP_RB");
    }

    @Test
    void a02_art34_routeSource_itemArticleByDefault_orTheReviewingBodyWhenSwitched() {
        Rules article34 = with("  A02_ROUTE_SOURCE: ARTICLE_34_REVIEWING_BODY\n");

        // Art. 5(1): directly or by post to the GD; Art. 14(2): to the GD; Art. 4: KEP to the reviewing body
        assertThat(item(Claims.RULES, "BRAND_REGISTRATION_PROTECTION").route()).isEqualTo("DP_GD");
        assertThat(item(Claims.RULES, "DOMESTIC_PROMOTION").route()).isEqualTo("GD");
        assertThat(item(article34, "BRAND_REGISTRATION_PROTECTION").route()).isEqualTo("RB");
        assertThat(item(article34, "DOMESTIC_PROMOTION").acceptedRoutes()).containsExactly("RB");
        assertThat(item(article34, "PRODUCT_REGISTRATION").route()).isEqualTo("KEP_RB");
        // A-01 decides the competition event alone
        assertThat(item(article34, "COMPETITION_EVENT").acceptedRoutes()).containsExactly("KEP_RB", "DP_GD");
    }

    @Test
    void a55_art21_1_delegationPreApprovalRoute_reviewingBodyByDefault_orKepOrGdWhenSwitched() {
        assertThat(item(Claims.RULES, "TRADE_DELEGATION").priorStep().route()).isEqualTo("RB");
        assertThat(item(with("  A55_DELEGATION_PRE_APPROVAL_ROUTE: KEP_TO_REVIEWING_BODY\n"), "TRADE_DELEGATION")
                .priorStep().route()).isEqualTo("KEP_RB");
        assertThat(item(with("  A55_DELEGATION_PRE_APPROVAL_ROUTE: GENERAL_DIRECTORATE\n"), "TRADE_DELEGATION")
                .priorStep().route()).isEqualTo("GD");
        // the other prior steps' routes are not modelled
        assertThat(item(Claims.RULES, "COMPETITION_EVENT").priorStep().route()).isNull();
    }

    private static Deadline t19(Rules rules, QuoteRequest claim) {
        return rules.deadlines(claim, LocalDate.parse("2025-01-01")).stream().filter(d -> d.ruleId().equals("T19"))
                .findFirst().orElseThrow();
    }

    @Test
    void a10_art8_5_supportPeriodEnd_monthFirstPlus47ByDefault_orFirstPlus48WhenSwitched() {
        // first supported month March 2021: month + 47 is February 2025, month + 48 is March 2025
        QuoteRequest inMonth48 = Claims.claim("ADVERTISING", "activity.firstSupportedMonth", "2021-03",
                "expense.paymentDate", "2025-03-31");
        QuoteRequest inMonth49 = Claims.claim("ADVERTISING", "activity.firstSupportedMonth", "2021-03",
                "expense.paymentDate", "2025-04-01");
        Rules plus48 = with("  A10_SUPPORT_PERIOD_END: MONTHS_FIRST_TO_PLUS_48\n");
        Quote.Rejection ended = new Quote.Rejection("SUPPORT_PERIOD_ENDED",
                "Art. 8(5), 9(10), 11(3), 12(4), 13(4), 18(3), 29(2)");

        assertThat(Claims.RULES.quote(inMonth48).lines().get(0).rejections()).containsExactly(ended);
        assertThat(plus48.quote(inMonth48).lines().get(0).rejections()).isEmpty();
        assertThat(plus48.quote(inMonth49).lines().get(0).rejections()).containsExactly(ended);
        assertThat(t19(Claims.RULES, inMonth48).date()).isEqualTo("2025-02-28");
        assertThat(t19(plus48, inMonth48).date()).isEqualTo("2025-03-31");
        assertThat(t19(plus48, inMonth48).description()).contains("first+48");
        assertThat(plus48.catalogue().timeRules()).filteredOn(r -> r.id().equals("T19")).singleElement()
                .satisfies(r -> assertThat(r.offset()).isEqualTo("P49M"));
        assertThat(Claims.RULES.catalogue().timeRules()).filteredOn(r -> r.id().equals("T19")).singleElement()
                .satisfies(r -> assertThat(r.offset()).isEqualTo("P48M"));
    }

    @Test
    void a15_art13_1_economyFare_unstatedClassIsEconomyByDefault_orReviewedWhenTheClassIsRequired() {
        QuoteRequest noClass = Claims.claim("PATIENT_TRAVEL", "expense.kind", "TRANSPORT");
        QuoteRequest business = Claims.claim("PATIENT_TRAVEL", "expense.kind", "TRANSPORT",
                "expense.travelClass", "BUSINESS", "expense.economyFareAmount", "600.00");
        Rules classRequired = with("  A15_ECONOMY_FARE_EVIDENCE: ALSO_REQUIRE_TRAVEL_CLASS\n");

        assertThat(base(Claims.RULES.quote(noClass), 0)).isEqualByComparingTo("1000.00");
        assertThat(Claims.RULES.quote(noClass).lines().get(0).rejections()).isEmpty();
        assertThat(classRequired.quote(noClass).lines().get(0).rejections())
                .containsExactly(new Quote.Rejection("MANUAL_REVIEW", "Art. 13(1)"));
        // a stated class with its fare quote is capped the same way under both readings
        assertThat(base(Claims.RULES.quote(business), 0)).isEqualByComparingTo("600.00");
        assertThat(base(classRequired.quote(business), 0)).isEqualByComparingTo("600.00");
    }

    private static List<String> sectorsInCatalogue(Rules rules, String item) {
        return rules.catalogue().supportItems().stream().filter(i -> i.id().equals(item)).findFirst().orElseThrow()
                .applicants().sectors();
    }

    @Test
    void a30_art29_2_coopForeignOfficeSectors_sevenOf29_1ByDefault_orArticle9sOrNoneWhenSwitched() {
        // logistics is in 29(1)'s list, not in 9(1)'s; real estate is in neither
        QuoteRequest logistics = Claims.claim("COOP_FOREIGN_OFFICE", "applicant.sector", "LOGISTICS");
        QuoteRequest realEstate = Claims.claim("COOP_FOREIGN_OFFICE", "applicant.sector", "REAL_ESTATE");
        Rules article9 = with("  A30_COOP_FOREIGN_OFFICE_SECTORS: SECTORS_OF_ARTICLE_9\n");
        Rules unrestricted = with("  A30_COOP_FOREIGN_OFFICE_SECTORS: NOT_RESTRICTED\n");
        Quote.Rejection notEligible = new Quote.Rejection("SECTOR_NOT_ELIGIBLE", "Art. 29(2)");

        assertThat(Claims.RULES.quote(logistics).rejections()).isEmpty();
        assertThat(Claims.RULES.quote(realEstate).rejections()).containsExactly(notEligible);
        assertThat(article9.quote(logistics).rejections()).containsExactly(notEligible);
        assertThat(article9.quote(Claims.claim("COOP_FOREIGN_OFFICE")).rejections()).isEmpty();
        assertThat(unrestricted.quote(realEstate).rejections()).isEmpty();
        // with no sector condition a claim need not state one
        assertThat(unrestricted.quote(Claims.claim("COOP_FOREIGN_OFFICE", "applicant.sector", null)).rejections())
                .isEmpty();
        assertThatThrownBy(() -> Claims.RULES.quote(Claims.claim("COOP_FOREIGN_OFFICE", "applicant.sector", null)))
                .isInstanceOf(QuoteRequestException.class).hasMessageContaining("/applicant/sector");
    }

    @Test
    void a30_catalogueListsTheCoopForeignOfficeSectorsOfTheReadingInForce() {
        assertThat(sectorsInCatalogue(Claims.RULES, "COOP_FOREIGN_OFFICE")).contains("PUBLISHING", "LOGISTICS")
                .hasSize(7);
        assertThat(sectorsInCatalogue(with("  A30_COOP_FOREIGN_OFFICE_SECTORS: SECTORS_OF_ARTICLE_9\n"),
                "COOP_FOREIGN_OFFICE")).isEqualTo(sectorsInCatalogue(Claims.RULES, "FOREIGN_OFFICE"));
        assertThat(sectorsInCatalogue(with("  A30_COOP_FOREIGN_OFFICE_SECTORS: NOT_RESTRICTED\n"),
                "COOP_FOREIGN_OFFICE")).isEmpty();
    }

    @Test
    void a35_art32_1_nationalParticipationSectors_asPrintedByDefault_healthTourismOrListOnlyWhenSwitched() {
        QuoteRequest healthTourism = Claims.claim("NATIONAL_PARTICIPATION", "applicant.sector", "HEALTH_TOURISM");
        QuoteRequest logistics = Claims.claim("NATIONAL_PARTICIPATION", "applicant.sector", "LOGISTICS");
        Rules withHealthTourism = with("  A35_NATIONAL_PARTICIPATION_SECTORS: HEALTH_INCLUDES_HEALTH_TOURISM\n");
        Rules listDecides = with("  A35_NATIONAL_PARTICIPATION_SECTORS: EK_32E_LIST_DECIDES\n");
        Quote.Rejection notEligible = new Quote.Rejection("SECTOR_NOT_ELIGIBLE", "Art. 32(1)");

        assertThat(Claims.RULES.quote(healthTourism).rejections()).containsExactly(notEligible);
        assertThat(Claims.RULES.quote(logistics).rejections()).containsExactly(notEligible);
        assertThat(withHealthTourism.quote(healthTourism).rejections()).isEmpty();
        assertThat(withHealthTourism.quote(logistics).rejections()).containsExactly(notEligible);
        assertThat(listDecides.quote(logistics).rejections()).isEmpty();
        assertThat(sectorsInCatalogue(withHealthTourism, "NATIONAL_PARTICIPATION")).contains("HEALTH", "HEALTH_TOURISM");
        assertThat(sectorsInCatalogue(Claims.RULES, "NATIONAL_PARTICIPATION")).doesNotContain("HEALTH_TOURISM");
        assertThat(sectorsInCatalogue(listDecides, "NATIONAL_PARTICIPATION")).isEmpty();
    }

    @Test
    void a35_anEventOffTheEk32eList_staysRejected_evenWhenTheListDecides() {
        QuoteRequest offList = Claims.claim("NATIONAL_PARTICIPATION", "applicant.sector", "LOGISTICS",
                "activity.eventId", "EVT_31B_A");

        assertThat(with("  A35_NATIONAL_PARTICIPATION_SECTORS: EK_32E_LIST_DECIDES\n").quote(offList).rejections())
                .containsExactly(new Quote.Rejection(RejectionCodes.EVENT_NOT_LISTED, "Art. 32(1)"));
    }

    @Test
    void a04_art3_1_b_competentAuthority_isDatedConfiguration_shownInTheCatalogue() {
        List<CatalogueView.Authority> byDefault = Claims.RULES.catalogue().competentAuthority();
        Rules renamed = Requests.withConfig(dir, "authority.yaml", "competentAuthority:\n"
                + "  - {from: 2015-06-02, value: {nameTr: \"Hizmet GM\", nameEn: \"Services GD\"}}\n");

        assertThat(byDefault).extracting(CatalogueView.Authority::nameTr).containsExactly(
                "Serbest Bölgeler, Yurtdışı Yatırım ve Hizmetler Genel Müdürlüğü",
                "Uluslararası Hizmet Ticareti Genel Müdürlüğü");
        assertThat(byDefault.get(0).effectiveTo()).isEqualTo("2024-10-31");
        assertThat(byDefault.get(1).effectiveFrom()).isEqualTo("2024-11-01");
        assertThat(byDefault.get(0).source()).startsWith("default");
        assertThat(renamed.catalogue().competentAuthority()).singleElement().satisfies(a -> {
            assertThat(a.nameEn()).isEqualTo("Services GD");
            assertThat(a.source()).contains("authority.yaml");
        });
    }

    @Test
    void a04_competentAuthority_withoutAnEnglishName_failsAtLoad_namingTheKey() {
        assertThatThrownBy(() -> Requests.withConfig(dir, "authority.yaml", "competentAuthority:\n"
                + "  - {from: 2015-06-02, value: {nameTr: \"Hizmet GM\"}}\n"))
                .isInstanceOf(RulesConfigException.class).hasMessageContaining("competentAuthority")
                .hasMessageContaining("nameEn");
    }

    @Test
    void a54_art35_3_offsetRemainder_toSocialSecurityByDefault_orToTheTaxOfficeWhenSwitched() {
        // equal debts, an odd cent: each share is 0.505 before rounding
        OffsetRequest request = new OffsetRequest(new BigDecimal("1.01"), new OffsetRequest.Debt(new BigDecimal("1.00")),
                new OffsetRequest.Debt(new BigDecimal("1.00")));

        Offset byDefault = Claims.RULES.offset(request);
        Offset switched = with("  A54_OFFSET_REMAINDER: TAX_AUTHORITY\n").offset(request);

        assertThat(byDefault.toTaxAuthority()).isEqualByComparingTo("0.51");
        assertThat(byDefault.toSocialSecurity()).isEqualByComparingTo("0.50");
        assertThat(switched.toTaxAuthority()).isEqualByComparingTo("0.50");
        assertThat(switched.toSocialSecurity()).isEqualByComparingTo("0.51");
        assertThat(switched.toApplicant()).isEqualByComparingTo("0.00");
    }

    @Test
    void catalogue_listsEveryCircularSwitch_withTheOptionInForceAndWhereItWasChosen() {
        Rules switched = with("  A17_EVENT_DAYS: COSTLIEST_FIVE_DAYS\n");

        assertThat(Claims.RULES.catalogue().interpretations()).extracting(CatalogueView.Interpretation::id)
                .contains("A01_COMPETITION_EVENT_ROUTE", "A02_ROUTE_SOURCE", "A05_REPORT_AGE_DATE", "A06_PRE_APPROVAL_DAY",
                        "A10_SUPPORT_PERIOD_END", "A13_PERIOD_MODE", "A15_ECONOMY_FARE_EVIDENCE",
                        "A17_EVENT_DAYS", "A19_LANGUAGE_EXAM_REFERENCE",
                        "A21_CAP_BASIS", "A23_REPRESENTATIVES", "A27_COOP_PROVINCE_BONUS", "A29_QUOTE_PROVINCE",
                        "A30_COOP_FOREIGN_OFFICE_SECTORS", "A31_COOP_ADVERTISING_RATE_DATE",
                        "A35_NATIONAL_PARTICIPATION_SECTORS", "A40_OTHER_PRE_APPROVED_EVENTS",
                        "A54_OFFSET_REMAINDER", "A55_DELEGATION_PRE_APPROVAL_ROUTE");
        assertThat(Claims.RULES.catalogue().interpretations()).filteredOn(i -> i.id().equals("A17_EVENT_DAYS"))
                .singleElement().satisfies(i -> assertThat(i.selected()).isEqualTo("FIRST_FIVE_DAYS"));
        assertThat(switched.catalogue().interpretations()).filteredOn(i -> i.id().equals("A17_EVENT_DAYS"))
                .singleElement().satisfies(i -> {
                    assertThat(i.selected()).isEqualTo("COSTLIEST_FIVE_DAYS");
                    assertThat(i.source()).contains("interpretations.yaml");
                });
    }

    @Test
    void switches_shouldBeValidatedAtStartUp() {
        assertThatThrownBy(() -> with("  A29_QUOTE_PROVINCE: CAPITAL\n")).isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("interpretations.A29_QUOTE_PROVINCE").hasMessageContaining("APPLICANT_HQ");
        assertThatThrownBy(() -> with("  A99_UNKNOWN_READING: QUARTERS\n"))
                .hasMessageContaining("interpretations.A99_UNKNOWN_READING").hasMessageContaining("unknown interpretation");
    }

    private static CatalogueView.TimeRule timeRule(Rules rules, String id) {
        return rules.catalogue().timeRules().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a19_a40_switchedTimeRules_showInTheCatalogueAsTheyApply() {
        Rules switched = with("  A19_LANGUAGE_EXAM_REFERENCE: HIRE_DATE\n  A40_OTHER_PRE_APPROVED_EVENTS: ALSO_DELEGATIONS\n");

        assertThat(timeRule(Claims.RULES, "T39").trigger()).isEqualTo("FILING_DATE");
        assertThat(timeRule(switched, "T39").trigger()).isEqualTo("HIRE_DATE");
        assertThat(timeRule(switched, "T39").description()).contains("hire date");
        assertThat(timeRule(Claims.RULES, "T15").items()).doesNotContain("TRADE_DELEGATION");
        assertThat(timeRule(switched, "T15").items()).contains("TRADE_DELEGATION");
    }
}
