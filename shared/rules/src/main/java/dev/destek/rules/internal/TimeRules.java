package dev.destek.rules.internal;

import dev.destek.rules.Deadline;
import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.RulesConfigException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The time rules T01–T59 (regulation/deadlines/time_rules.yaml) over the facts of a request: the deadlines they
 * imply ({@link #deadlines}) and the checks a quote line must pass ({@link #check}). Arithmetic: DOMAIN §0 —
 * java.time plus/minus with month-end clamping (2024-02-29 + P1Y = 2025-02-28), boundaries inclusive.
 */
public final class TimeRules {
    /** Facts of the claim (one value per request). */
    static final Set<String> CLAIM_FACTS = Set.of("ACTIVITY_START", "ACTIVITY_END", "PRE_APPROVAL_DATE",
            "PRIOR_APPLICATION_DATE", "PROJECT_START", "FIRST_SUPPORTED_MONTH", "FILM_RELEASE", "FIRST_TRAINING_START",
            "SECOND_FAIR_END", "UNIT_CLOSURE", "OWNERSHIP_CHANGE", "AUTHORISATION_CANCELLED", "FILING_DATE",
            "HIRE_DATE", "PROGRAMME_START");
    /** Facts of an expense line (one value per line). */
    static final Set<String> EXPENSE_FACTS = Set.of("PAYMENT_DATE", "DOCUMENT_ISSUE_DATE", "PATIENT_ENTRY",
            "PATIENT_REGISTRATION", "REPORT_PUBLICATION", "DEPARTURE_DATE", "RETURN_DATE");
    static final Set<String> CONDITIONS = Set.of("TWO_FAIRS", "MINISTRY_ORGANISED");

    private final Catalogue catalogue;
    private final DeploymentConfig config;
    /** Per item, the time rules (any version) a quote line may have to pass: computed once, not per line. */
    private final Map<String, List<Timeline<Catalogue.TimeRule>>> checksByItem = new java.util.HashMap<>();

    /** DOMAIN A-06 (interpretation A06_PRE_APPROVAL_DAY): spending on the pre-approval day is eligible. */
    private final boolean sameDayEligible;
    /**
     * Rule id → the fact that replaces its trigger / subject under the interpretation in force: DOMAIN A-05
     * (A05_REPORT_AGE_DATE: T24 compares the pre-approval application date, not the payment date, with publication
     * + 2 years) and A-19 (A19_LANGUAGE_EXAM_REFERENCE: T39 counts the 2 years back from the hire date, not the
     * filing date). Empty under the digest's readings.
     */
    private final Map<String, String> triggerOf = new java.util.HashMap<>();
    private final Map<String, String> subjectOf = new java.util.HashMap<>();
    /** Rule id → its description (English, Turkish) under the interpretation in force, where the rule's own is wrong. */
    private final Map<String, String[]> descriptionOf = new java.util.HashMap<>();
    /**
     * Rule id → items it applies to beyond its own under the interpretation in force: DOMAIN A-40
     * (A40_OTHER_PRE_APPROVED_EVENTS: 27(3)'s "other pre-approved events", T15, also covers Art. 21 delegations).
     * Deadline-only rules: none of them is a quote-time check.
     */
    private final Map<String, Set<String>> extraItems = new java.util.HashMap<>();
    /**
     * Rule id → its offset under the interpretation in force: DOMAIN A-10(c) (A10_SUPPORT_PERIOD_END: "ends 48 months
     * after" the first supported month read as including that 49th month, T19 P49M). Empty under the digest's reading.
     */
    private final Map<String, java.time.Period> offsetOf = new java.util.HashMap<>();
    /** The EK-28 final-report rule (Art. 28(1)): dated only when deadlines.finalReportDueDays is configured. */
    private static final String FINAL_REPORT = "T53";

    /**
     * @param interpretations the option in force of every switchable interpretation (regulation/interpretations.yaml);
     *                        what they change in the time rules is their {@code timeRules} data: DOMAIN A-05 (T24's
     *                        subject), A-10(c) (T19's offset), A-19 (T39's trigger), A-40 (T15's items)
     */
    public TimeRules(Catalogue catalogue, DeploymentConfig config, Map<String, String> interpretations) {
        this.catalogue = catalogue;
        this.config = config;
        this.sameDayEligible = "SAME_DAY".equals(interpretations.get("A06_PRE_APPROVAL_DAY"));
        for (Map.Entry<String, ProgrammeCatalogue.RuleChange> e : ProgrammeConfig.ruleChanges(interpretations)
                .entrySet()) {
            String id = e.getKey();
            ProgrammeCatalogue.RuleChange c = e.getValue();
            if (!catalogue.timeRules.containsKey(id)) {
                throw new RulesConfigException("interpretations (timeRules." + id + ")", "unknown time rule " + id);
            }
            if (c.trigger() != null) {
                known(id, ".trigger", c.trigger());
                triggerOf.put(id, c.trigger());
            }
            if (c.subject() != null) {
                known(id, ".subject", c.subject());
                subjectOf.put(id, c.subject());
            }
            if (c.offset() != null) {
                offsetOf.put(id, c.offset());
            }
            if (c.description() != null) {
                descriptionOf.put(id, new String[] {c.description(), c.descriptionTr()});
            }
            if (!c.alsoItems().isEmpty()) {
                extraItems.put(id, Set.copyOf(c.alsoItems()));
            }
        }
        // rule by rule over the items each names, not every item × every rule: same lists (rule order), a fraction
        // of the interpreted work at cold start
        Map<String, List<Timeline<Catalogue.TimeRule>>> lists = new java.util.HashMap<>();
        for (String item : catalogue.items.keySet()) {
            lists.put(item, new ArrayList<>());
        }
        for (Timeline<Catalogue.TimeRule> timeline : catalogue.timeRules.values()) {
            Set<String> items = new java.util.LinkedHashSet<>();
            for (Timeline.Entry<Catalogue.TimeRule> v : timeline.entries()) {
                Catalogue.TimeRule t = v.value();
                if (t.subject() != null && t.rejection() != null && !t.rejection().equals("DEADLINE_MISSED")
                        && !t.direction().equals("NONE")) {
                    items.addAll(t.items().contains("ALL") ? catalogue.items.keySet() : t.items());
                }
            }
            for (String item : items) {
                List<Timeline<Catalogue.TimeRule>> list = lists.get(item);
                if (list != null) { // "S0" and other non-items
                    list.add(timeline);
                }
            }
        }
        for (Map.Entry<String, List<Timeline<Catalogue.TimeRule>>> e : lists.entrySet()) {
            checksByItem.put(e.getKey(), List.copyOf(e.getValue()));
        }
        for (Map.Entry<String, Timeline<Catalogue.TimeRule>> e : catalogue.timeRules.entrySet()) {
            for (Timeline.Entry<Catalogue.TimeRule> v : e.getValue().entries()) {
                Catalogue.TimeRule t = v.value();
                // the key paths are built only for an error (Rules.load, cold start)
                known(e.getKey(), ".trigger", t.trigger());
                known(e.getKey(), ".subject", t.subject());
                if (t.when() != null && !CONDITIONS.contains(t.when()) && !t.when().startsWith("SUBTYPE:")
                        && !t.when().startsWith("TRACK:")) {
                    throw new RulesConfigException(at(e.getKey()) + ".when", "unknown condition " + t.when());
                }
                if (t.unless() != null && !CONDITIONS.contains(t.unless())) {
                    throw new RulesConfigException(at(e.getKey()) + ".unless", "unknown condition " + t.unless());
                }
            }
        }
    }

    private static String at(String rule) {
        return "regulation/deadlines/time_rules.yaml: rules." + rule;
    }

    private static void known(String rule, String field, String fact) {
        if (fact != null && !CLAIM_FACTS.contains(fact) && !EXPENSE_FACTS.contains(fact)) {
            throw new RulesConfigException(at(rule) + field, "unknown fact " + fact);
        }
    }

    /** Inclusive boundary day of a dated rule for a trigger date; {@code extend} only moves "within" deadlines. */
    public LocalDate boundary(Catalogue.TimeRule t, LocalDate trigger) {
        return boundary(indexOf(DIRECTION_NAMES, t.direction()), t, trigger);
    }

    static boolean isEarliest(Catalogue.TimeRule t) {
        return t.direction().startsWith("EARLIEST");
    }

    /** CONFIG extendToNextBusinessDay (default false, DOMAIN A-34): weekends and configured holidays. */
    LocalDate extend(LocalDate last) {
        if (!config.extendToNextBusinessDay) {
            return last;
        }
        return nextBusinessDayOnOrAfter(last);
    }

    LocalDate nextBusinessDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || config.holidays.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static LocalDate claimFact(String fact, QuoteRequest r) {
        QuoteRequest.Activity a = r.activity();
        if (fact.equals("FILING_DATE")) {
            return r.filingDate();
        }
        if (a == null) {
            return null;
        }
        switch (fact) {
            case "ACTIVITY_START": return a.start();
            case "ACTIVITY_END": return a.end();
            case "PRE_APPROVAL_DATE": return a.preApprovalDate();
            case "PRIOR_APPLICATION_DATE": return a.priorApplicationDate();
            case "PROJECT_START": return a.projectStart();
            case "FIRST_SUPPORTED_MONTH": return a.firstSupportedMonth() == null ? null : a.firstSupportedMonth().atDay(1);
            case "FILM_RELEASE": return a.filmReleaseDate();
            case "FIRST_TRAINING_START": return a.firstTrainingStart();
            case "SECOND_FAIR_END": return a.secondFairEnd();
            case "UNIT_CLOSURE": return a.unitClosureDate();
            case "OWNERSHIP_CHANGE": return a.ownershipChangeDate();
            case "AUTHORISATION_CANCELLED": return a.authorisationCancelledDate();
            case "HIRE_DATE": return a.hireDate();
            case "PROGRAMME_START": return a.programmeStart();
            default: throw new IllegalArgumentException(fact);
        }
    }

    static LocalDate expenseFact(String fact, QuoteRequest.Expense e) {
        switch (fact) {
            case "PAYMENT_DATE": return e.paymentDate();
            case "DOCUMENT_ISSUE_DATE": return e.documentIssueDate();
            case "PATIENT_ENTRY": return e.patientEntryDate();
            case "PATIENT_REGISTRATION": return e.patientRegistrationDate();
            case "REPORT_PUBLICATION": return e.reportPublicationDate();
            case "DEPARTURE_DATE": return e.departureDate();
            case "RETURN_DATE": return e.returnDate();
            default: throw new IllegalArgumentException(fact);
        }
    }

    static LocalDate fact(String fact, QuoteRequest r, QuoteRequest.Expense e) {
        return CLAIM_FACTS.contains(fact) ? claimFact(fact, r) : e == null ? null : expenseFact(fact, e);
    }

    static boolean condition(String c, QuoteRequest r) {
        QuoteRequest.Activity a = r.activity();
        if (c.startsWith("SUBTYPE:")) {
            return a != null && a.subtype() != null
                    && java.util.Arrays.asList(c.substring("SUBTYPE:".length()).split("\\|")).contains(a.subtype());
        }
        if (c.startsWith("TRACK:")) { // the deck's programme tracks (S0 P§04), activity.programmeTrack
            return a != null && c.substring("TRACK:".length()).equals(a.programmeTrack());
        }
        if (c.equals("TWO_FAIRS")) {
            return a != null && a.secondFairEnd() != null;
        }
        return a != null && Boolean.TRUE.equals(a.ministryOrganised());
    }

    static boolean applicable(Catalogue.TimeRule t, QuoteRequest r) {
        return (t.when() == null || condition(t.when(), r)) && (t.unless() == null || !condition(t.unless(), r));
    }

    /** Every dated time rule of the item whose trigger fact is in the request, with its status on {@code today}. */
    public List<Deadline> deadlines(String item, QuoteRequest r, LocalDate today, int dueSoonDays) {
        List<Deadline> out = new ArrayList<>();
        for (Timeline<Catalogue.TimeRule> timeline : catalogue.timeRules.values()) {
            LocalDate ref = r.filingDate() != null ? r.filingDate() : today;
            Optional<Timeline.Entry<Catalogue.TimeRule>> entry = timeline.entryAt(ref);
            if (entry.isEmpty()) {
                continue;
            }
            Catalogue.TimeRule t = entry.get().value();
            if (t.id().equals(FINAL_REPORT) && config.finalReportDueDays != null && appliesTo(t, item)) {
                LocalDate end = claimFact("ACTIVITY_END", r);
                if (end != null) {
                    out.add(finalReport(t, entry.get().reference(), end, today, dueSoonDays));
                }
                continue;
            }
            if (t.direction().equals("NONE") || !appliesTo(t, item) || !applicable(t, r)) {
                continue;
            }
            String fact = triggerOf.getOrDefault(t.id(), t.trigger());
            if (CLAIM_FACTS.contains(fact)) {
                LocalDate trigger = claimFact(fact, r);
                if (trigger != null) {
                    out.add(deadline(t, fact, entry.get().reference(), trigger, null, today, dueSoonDays));
                }
            } else if (r.expenses() != null) {
                for (QuoteRequest.Expense e : r.expenses()) {
                    LocalDate trigger = e == null ? null : expenseFact(fact, e);
                    if (trigger != null && t.appliesToKind(e.kind())) {
                        out.add(deadline(t, fact, entry.get().reference(), trigger, e.id(), today, dueSoonDays));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::ruleId)
                .thenComparing(d -> d.subject() == null ? "" : d.subject()));
        return out;
    }

    private boolean appliesTo(Catalogue.TimeRule t, String item) {
        return t.appliesTo(item) || extraItems.getOrDefault(t.id(), Set.of()).contains(item);
    }

    /**
     * T53, DOMAIN A-41: the EK-28 final report, which the circular gives no deadline, falls due the configured
     * deadlines.finalReportDueDays after the project end; the texts say the number is configuration.
     */
    private Deadline finalReport(Catalogue.TimeRule t, String article, LocalDate end, LocalDate today,
                                 int dueSoonDays) {
        int days = config.finalReportDueDays;
        Deadline d = deadline(t, "ACTIVITY_END", article, end, extend(end.plusDays(days)), false, null, today,
                dueSoonDays);
        return new Deadline(d.ruleId(), d.article(), d.date(), d.kind(), d.subject(), d.trigger(), d.triggerDate(),
                "HİSER final report EK-28 within " + days + " days of the project end (CONFIG "
                        + config.origin("deadlines", "finalReportDueDays") + "; Art. 28(1) states none, DOMAIN A-41)",
                d.consequence(), d.status(), "HİSER nihai raporu EK-28 proje bitiminden itibaren " + days
                        + " gün içinde (yapılandırma; Madde 28(1) süre belirtmez)", d.consequenceTr());
    }

    private Deadline deadline(Catalogue.TimeRule t, String triggerFact, String article, LocalDate trigger,
                              String subject, LocalDate today, int dueSoonDays) {
        return deadline(t, triggerFact, article, trigger, boundary(t, trigger), isEarliest(t), subject, today,
                dueSoonDays);
    }

    private Deadline deadline(Catalogue.TimeRule t, String triggerFact, String article, LocalDate trigger,
                              LocalDate date, boolean earliest, String subject, LocalDate today, int dueSoonDays) {
        Deadline.Status status;
        if (earliest) {
            status = today.isBefore(date) ? Deadline.Status.NOT_YET : Deadline.Status.OPEN;
        } else if (today.isAfter(date)) {
            status = Deadline.Status.MISSED;
        } else if (!today.plusDays(dueSoonDays).isBefore(date)) {
            status = Deadline.Status.DUE_SOON;
        } else {
            status = Deadline.Status.OPEN;
        }
        String[] texts = descriptionOf.get(t.id());
        return new Deadline(t.id(), article, date, earliest ? "EARLIEST" : "LATEST", subject, triggerFact, trigger,
                texts == null ? t.description() : texts[0], t.consequence(), status,
                texts == null ? t.descriptionTr() : texts[1], t.consequenceTr());
    }

    /**
     * The quote-time checks of the rules with a subject and a rejection (Art. 34 filing periods excepted: they are
     * checked through claim_filing_period.yaml). Appends trace steps and the rejections.
     */
    public void check(String item, QuoteRequest r, QuoteRequest.Expense e, List<Quote.Rejection> out,
                      List<Quote.TraceStep> trace) {
        LocalDate ref = e.paymentDate();
        for (Timeline<Check> timeline : checks(item)) {
            Timeline.Entry<Check> entry = timeline.entryOrNull(ref);
            if (entry == null) {
                continue;
            }
            Check c = entry.value();
            if (!c.checked || !c.appliesToKind(e.kind()) || !c.applicable(r)) {
                continue;
            }
            Catalogue.TimeRule t = c.rule;
            String article = entry.reference();
            LocalDate trigger = fact(c.trigger, r, e);
            if (trigger == null) {
                if (t.requireTrigger()) {
                    trace.add(step(t.id(), article, inputs("trigger", t.trigger(), "triggerDate", "missing"),
                            c.failure));
                    out.add(new Quote.Rejection(t.rejection(), article));
                }
                continue;
            }
            LocalDate subject = fact(c.subject, r, e);
            if (subject == null) {
                continue;
            }
            LocalDate boundary = boundary(c.direction, t, trigger);
            boolean ok = c.earliest ? !subject.isBefore(boundary) : !subject.isAfter(boundary);
            trace.add(step(t.id(), article, inputs("trigger", FACTS[c.trigger], "triggerDate", trigger,
                    "direction", t.direction(), "offset", c.offset, "boundary", boundary,
                    FACTS[c.subject], subject), ok ? "OK" : c.failure));
            if (!ok) {
                out.add(new Quote.Rejection(t.rejection(), article));
            }
        }
    }

    /** Per item, its quote-time checks with their strings decoded: built on the item's first quote. */
    private final Map<String, List<Timeline<Check>>> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Timeline<Check>> checks(String item) {
        List<Timeline<Check>> list = compiled.get(item);
        if (list == null) {
            List<Timeline<Check>> out = new ArrayList<>();
            for (Timeline<Catalogue.TimeRule> timeline : checksByItem.getOrDefault(item, List.of())) {
                List<Timeline.Entry<Check>> entries = new ArrayList<>();
                for (Timeline.Entry<Catalogue.TimeRule> v : timeline.entries()) {
                    Catalogue.TimeRule t = v.value();
                    entries.add(new Timeline.Entry<>(v.from(), v.to(), new Check(t, item,
                            triggerOf.getOrDefault(t.id(), t.trigger()), subjectOf.getOrDefault(t.id(), t.subject()),
                            offsetOf.getOrDefault(t.id(), t.offset())), v.reference()));
                }
                out.add(Timeline.of(entries));
            }
            list = List.copyOf(out);
            compiled.put(item, list);
        }
        return list;
    }

    private static final String[] FACTS = {"FILING_DATE", "ACTIVITY_START", "ACTIVITY_END", "PRE_APPROVAL_DATE",
        "PRIOR_APPLICATION_DATE", "PROJECT_START", "FIRST_SUPPORTED_MONTH", "FILM_RELEASE", "FIRST_TRAINING_START",
        "SECOND_FAIR_END", "UNIT_CLOSURE", "OWNERSHIP_CHANGE", "AUTHORISATION_CANCELLED", "HIRE_DATE",
        "PAYMENT_DATE", "DOCUMENT_ISSUE_DATE", "PATIENT_ENTRY", "PATIENT_REGISTRATION", "REPORT_PUBLICATION",
        "DEPARTURE_DATE", "RETURN_DATE"};
    /** Index in {@link #FACTS} of the first fact of an expense line. */
    private static final int FIRST_EXPENSE_FACT = 14;
    private static final String[] DIRECTION_NAMES = {"LATEST_BEFORE", "EARLIEST_BEFORE", "LATEST_AFTER", "LATEST_ON",
        "BEFORE_STRICT", "EARLIEST_AFTER", "EARLIEST_AFTER_OFFSET", "PERIOD_END"};

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #fact(String, QuoteRequest, QuoteRequest.Expense)} by index in {@link #FACTS}. */
    private static LocalDate fact(int fact, QuoteRequest r, QuoteRequest.Expense e) {
        if (fact == 0) {
            return r.filingDate();
        }
        if (fact >= FIRST_EXPENSE_FACT) {
            if (e == null) {
                return null;
            }
            switch (fact - FIRST_EXPENSE_FACT) {
                case 0: return e.paymentDate();
                case 1: return e.documentIssueDate();
                case 2: return e.patientEntryDate();
                case 3: return e.patientRegistrationDate();
                case 4: return e.reportPublicationDate();
                case 5: return e.departureDate();
                default: return e.returnDate();
            }
        }
        QuoteRequest.Activity a = r.activity();
        if (a == null) {
            return null;
        }
        switch (fact) {
            case 1: return a.start();
            case 2: return a.end();
            case 3: return a.preApprovalDate();
            case 4: return a.priorApplicationDate();
            case 5: return a.projectStart();
            case 6: return a.firstSupportedMonth() == null ? null : a.firstSupportedMonth().atDay(1);
            case 7: return a.filmReleaseDate();
            case 8: return a.firstTrainingStart();
            case 9: return a.secondFairEnd();
            case 10: return a.unitClosureDate();
            case 11: return a.ownershipChangeDate();
            case 12: return a.authorisationCancelledDate();
            default: return a.hireDate();
        }
    }

    /**
     * {@code date.plus(period)} for an ISO date, as {@link java.time.Period#addTo} does it (months, then days, with
     * month-end clamping) but without its chronology check, which was ~5 % of a quote's time.
     */
    static LocalDate plus(LocalDate date, java.time.Period period) {
        return date.plusMonths(period.toTotalMonths()).plusDays(period.getDays());
    }

    /** {@code date.minus(period)}, as {@link java.time.Period#subtractFrom} does it; see {@link #plus}. */
    static LocalDate minus(LocalDate date, java.time.Period period) {
        return date.minusMonths(period.toTotalMonths()).minusDays(period.getDays());
    }

    /** {@link #boundary(Catalogue.TimeRule, LocalDate)} by index in {@link #DIRECTION_NAMES}. */
    private LocalDate boundary(int direction, Catalogue.TimeRule t, LocalDate trigger) {
        switch (direction) {
            case 0:
            case 1: return minus(trigger, t.offset());
            case 2: return extend(plus(trigger, t.offset()));
            case 3: return trigger;
            case 4: return trigger.minusDays(1);
            case 5: // DOMAIN A-06: "after the pre-approval was given" is strictly after unless configured otherwise
                return sameDayEligible && "PRE_APPROVAL_DATE".equals(t.trigger()) ? trigger : trigger.plusDays(1);
            case 6: return plus(trigger, offsetOf.getOrDefault(t.id(), t.offset()));
            case 7: return plus(trigger, offsetOf.getOrDefault(t.id(), t.offset())).minusDays(1);
            default: throw new IllegalStateException("rule " + t.id() + " has no date");
        }
    }

    /**
     * A time rule as a quote line checks it, its strings decoded once: which facts, which direction, the kinds and
     * conditions it applies to, and the texts of its trace (same texts as the rule gives).
     */
    private static final class Check {
        final Catalogue.TimeRule rule;
        /** A subject, a rejection other than Art. 34's, a date, and the item among its items. */
        final boolean checked;
        final int trigger;
        final int subject;
        final int direction;
        final boolean earliest;
        final Condition when;
        final Condition unless;
        final String offset;
        final String failure;

        /**
         * {@code triggerFact}, {@code subjectFact}, {@code offsetInForce}: the rule's own, or those an interpretation
         * puts in their place.
         */
        Check(Catalogue.TimeRule t, String item, String triggerFact, String subjectFact,
              java.time.Period offsetInForce) {
            rule = t;
            checked = subjectFact != null && t.rejection() != null && !t.rejection().equals("DEADLINE_MISSED")
                    && !t.direction().equals("NONE") && t.appliesTo(item);
            trigger = triggerFact == null ? -1 : indexOf(FACTS, triggerFact);
            subject = subjectFact == null ? -1 : indexOf(FACTS, subjectFact);
            direction = indexOf(DIRECTION_NAMES, t.direction());
            earliest = isEarliest(t);
            when = t.when() == null ? null : new Condition(t.when());
            unless = t.unless() == null ? null : new Condition(t.unless());
            offset = String.valueOf(offsetInForce);
            failure = t.rejection() + ": " + t.consequence();
        }

        boolean appliesToKind(String kind) {
            return rule.appliesToKind(kind);
        }

        boolean applicable(QuoteRequest r) {
            return (when == null || when.test(r)) && (unless == null || !unless.test(r));
        }
    }

    /** {@link #condition(String, QuoteRequest)} with the subtype list split once. */
    private static final class Condition {
        private final String name;
        private final List<String> subtypes;

        Condition(String c) {
            name = c;
            subtypes = c.startsWith("SUBTYPE:")
                    ? java.util.Arrays.asList(c.substring("SUBTYPE:".length()).split("\\|")) : null;
        }

        boolean test(QuoteRequest r) {
            QuoteRequest.Activity a = r.activity();
            if (subtypes != null) {
                return a != null && a.subtype() != null && subtypes.contains(a.subtype());
            }
            if (name.equals("TWO_FAIRS")) {
                return a != null && a.secondFairEnd() != null;
            }
            return a != null && Boolean.TRUE.equals(a.ministryOrganised());
        }
    }

    static Quote.TraceStep step(String ruleId, String article, Map<String, String> inputs, String output) {
        return new Quote.TraceStep(ruleId, article, inputs, output);
    }

    static Map<String, String> inputs(Object... kv) {
        return new TraceInputs(kv);
    }
}
