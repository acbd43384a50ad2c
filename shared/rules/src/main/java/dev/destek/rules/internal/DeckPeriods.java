package dev.destek.rules.internal;

import dev.destek.rules.Deadline;
import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RulesConfigException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deck's support periods (time rules with {@code programme}, S0 P§04: T55 TURQUALITY 5 years + 5 per target
 * market, T56 Brand programme 4 years, T57 cooperation-organisation projects 1–4 years), chosen by
 * {@code activity.programmeTrack} ({@code when: TRACK:…}). DOMAIN §0: an N-year period from the start ends before
 * {@code start.plus(N)}, so its last day is {@code start.plus(N) − 1 day}; an expense paid after it is rejected.
 */
final class DeckPeriods {
    /** A support period in force for a request: the rule, its article, and its inclusive last day. */
    record SupportPeriod(Catalogue.TimeRule rule, String article, LocalDate start, Period length, Integer count,
                         LocalDate lastDay) { }

    /** Programme → its period rules (time_rules.yaml order). */
    private final Map<String, List<Timeline<Catalogue.TimeRule>>> byProgramme;

    DeckPeriods(Map<String, Timeline<Catalogue.TimeRule>> timeRules, Set<String> programmes) {
        Map<String, List<Timeline<Catalogue.TimeRule>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Timeline<Catalogue.TimeRule>> e : timeRules.entrySet()) {
            for (Timeline.Entry<Catalogue.TimeRule> v : e.getValue().entries()) {
                Catalogue.TimeRule t = v.value();
                if (t.programme() == null) {
                    continue;
                }
                if (!programmes.contains(t.programme())) {
                    throw new RulesConfigException("regulation/deadlines/time_rules.yaml: rules." + e.getKey()
                            + ".programme", "unknown programme " + t.programme());
                }
                if (t.when() == null || !t.when().startsWith("TRACK:") || !"PERIOD_END".equals(t.direction())) {
                    throw new RulesConfigException("regulation/deadlines/time_rules.yaml: rules." + e.getKey(),
                            "a programme's support period needs when: TRACK:<track> and direction PERIOD_END");
                }
                List<Timeline<Catalogue.TimeRule>> list = out.computeIfAbsent(t.programme(), k -> new ArrayList<>());
                if (!list.contains(e.getValue())) {
                    list.add(e.getValue());
                }
            }
        }
        byProgramme = Collections.unmodifiableMap(out);
    }

    private static String track(Catalogue.TimeRule t) {
        return t.when().substring("TRACK:".length());
    }

    /** The tracks the programme's rules in force on {@code day} name. */
    private Set<String> tracks(String programme, LocalDate day) {
        Set<String> out = new LinkedHashSet<>();
        for (Timeline<Catalogue.TimeRule> t : byProgramme.getOrDefault(programme, List.of())) {
            Timeline.Entry<Catalogue.TimeRule> v = t.entryOrNull(day);
            if (v != null) {
                out.add(track(v.value()));
            }
        }
        return out;
    }

    /**
     * The request's support period, or null when the programme has none or ({@code required} false) the facts
     * are absent. Malformed facts are always request errors; absent ones only when {@code required} (a quote).
     */
    SupportPeriod period(String programme, QuoteRequest r, LocalDate day, boolean required) {
        Set<String> tracks = tracks(programme, day);
        if (tracks.isEmpty()) {
            return null;
        }
        QuoteRequest.Activity a = r.activity();
        String why = " (support periods of " + programme + ": " + tracks + ", S0 P§04)";
        String track = a == null ? null : a.programmeTrack();
        if (track == null) {
            if (required) {
                throw new QuoteRequestException("/activity/programmeTrack", "missing programmeTrack: the support"
                        + " period depends on it" + why);
            }
            return null;
        }
        if (!tracks.contains(track)) {
            throw new QuoteRequestException("/activity/programmeTrack", "expected one of " + tracks + ", got " + track);
        }
        for (Timeline<Catalogue.TimeRule> t : byProgramme.get(programme)) {
            Timeline.Entry<Catalogue.TimeRule> v = t.entryOrNull(day);
            if (v == null || !track(v.value()).equals(track)) {
                continue;
            }
            Catalogue.TimeRule rule = v.value();
            Integer count = null;
            Period length = rule.offset();
            if (rule.scale() != null) {
                count = count(rule.scale(), a, required, rule.id());
                if (count == null) {
                    return null;
                }
                length = length.plus(rule.scale().times(count)).normalized();
            }
            LocalDate start = TimeRules.claimFact(rule.trigger(), r);
            if (start == null) {
                if (required) {
                    String fact = "programmeStart";
                    throw new QuoteRequestException("/activity/" + fact, "missing " + fact + ": " + rule.id()
                            + " runs from it" + why);
                }
                return null;
            }
            return new SupportPeriod(rule, v.reference(), start, length, count, start.plus(length).minusDays(1));
        }
        return null;
    }

    private static Integer count(Catalogue.Scale scale, QuoteRequest.Activity a, boolean required, String rule) {
        String field = scale.fact().equals("TARGET_MARKETS") ? "targetMarkets" : "projectYears";
        Integer n = scale.fact().equals("TARGET_MARKETS") ? a.targetMarkets() : a.projectYears();
        if (n == null) {
            if (required) {
                throw new QuoteRequestException("/activity/" + field, "missing " + field + ": the length of " + rule
                        + " depends on it (S0 P§04)");
            }
            return null;
        }
        if (n < scale.min() || scale.max() != null && n > scale.max()) {
            throw new QuoteRequestException("/activity/" + field, "expected " + scale.min()
                    + (scale.max() == null ? " or more" : ".." + scale.max()) + " (" + rule + ", S0 P§04), got " + n);
        }
        return n;
    }

    /** The quote check of one line: paid after the period's last day ⇒ the rule's rejection. */
    void check(SupportPeriod p, QuoteRequest.Expense e, List<Quote.Rejection> out, List<Quote.TraceStep> trace) {
        Catalogue.TimeRule t = p.rule();
        boolean ok = !e.paymentDate().isAfter(p.lastDay());
        trace.add(new Quote.TraceStep(t.id(), p.article(), new TraceInputs("track", track(t), "trigger", t.trigger(),
                "triggerDate", p.start(), "length", p.length().toString(),
                t.scale() == null ? "count" : t.scale().fact(), p.count() == null ? "n/a" : String.valueOf(p.count()),
                "lastDay", p.lastDay(), "paymentDate", e.paymentDate()),
                ok ? "OK" : t.rejection() + ": " + t.consequence()));
        if (!ok) {
            out.add(new Quote.Rejection(t.rejection(), p.article()));
        }
    }

    /** The period's end as a deadline (LATEST: spend on or before it), status for {@code today}. */
    static Deadline deadline(SupportPeriod p, LocalDate today, int dueSoonDays) {
        Catalogue.TimeRule t = p.rule();
        Deadline.Status status = today.isAfter(p.lastDay()) ? Deadline.Status.MISSED
                : !today.plusDays(dueSoonDays).isBefore(p.lastDay()) ? Deadline.Status.DUE_SOON : Deadline.Status.OPEN;
        return new Deadline(t.id(), p.article(), p.lastDay(), "LATEST", null, t.trigger(), p.start(),
                t.description(), t.consequence(), status, t.descriptionTr(), t.consequenceTr());
    }
}
