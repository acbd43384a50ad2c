package dev.destek.rules.internal;

import dev.destek.rules.CatalogueView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the public {@link CatalogueView} from the catalogue and the configuration (latest versions). */
public final class CatalogueViews {
    private CatalogueViews() {
    }

    /** @param interpretations the option in force of every switchable interpretation (A-21: the caps' basis) */
    public static CatalogueView build(Catalogue c, DeploymentConfig config, Map<String, String> interpretations) {
        Map<String, ProgrammeCatalogue.RuleChange> ruleChanges = ProgrammeConfig.ruleChanges(interpretations);
        // A21_CAP_BASIS replaces the basis the support-amount caps carry in the data, so the view says what applies
        boolean capsOnExpenseBase = "EXPENSE_BASE".equals(interpretations.get("A21_CAP_BASIS"));
        // A30 / A35 replace the sector lists of 29(2) and 32(1): the view lists the sectors a quote accepts
        SectorReadings sectorReadings = new SectorReadings(c, interpretations);
        // A01 / A02 / A55 pick the filing routes: the catalogue is where an applicant learns them
        RouteReadings routeReadings = new RouteReadings(interpretations);
        List<CatalogueView.Item> items = new ArrayList<>();
        List<CatalogueView.Cap> caps = new ArrayList<>();
        for (Map.Entry<String, Timeline<Catalogue.ItemVersion>> e : c.items.entrySet()) {
            String id = e.getKey();
            Timeline.Entry<Catalogue.ItemVersion> v = e.getValue().latest().orElseThrow();
            Catalogue.ItemProfile p = latest(c.profiles.get(id));
            Timeline.Entry<Catalogue.Eligibility> el = latestEntry(c.eligibility.get(id));
            Timeline.Entry<Catalogue.FilingPeriod> fp = latestEntry(c.filingPeriods.get(id));
            Set<String> excluded = latest(c.exclusions.get(id));
            List<String> capIds = new ArrayList<>();
            Timeline<List<Catalogue.BaseCap>> bc = c.baseCaps.get(id);
            if (bc != null) {
                for (Timeline.Entry<List<Catalogue.BaseCap>> ce : bc.entries()) {
                    for (Catalogue.BaseCap cap : ce.value()) {
                        capIds.add(cap.id());
                        caps.add(new CatalogueView.Cap(cap.id(), id, cap.type(), List.copyOf(cap.kinds()), cap.value(),
                                unit(cap.type()), "EXPENSE_BASE", null, cap.article(), ce.from(), ce.to()));
                    }
                }
            }
            Timeline<Catalogue.SupportCap> sc = c.supportCaps.get(id);
            if (sc != null) {
                for (Timeline.Entry<Catalogue.SupportCap> ce : sc.entries()) {
                    capIds.add(ce.value().id());
                    caps.add(new CatalogueView.Cap(ce.value().id(), id, "MAX_SUPPORT_USD", List.copyOf(ce.value().kinds()),
                            ce.value().maxUsd(), "USD", capsOnExpenseBase ? "EXPENSE_BASE" : ce.value().basis(),
                            ce.value().scope(), ce.reference(),
                            ce.from(), ce.to()));
                }
            }
            List<CatalogueView.Limit> limits = new ArrayList<>();
            if (p != null) {
                for (Catalogue.Limit l : p.limits()) {
                    limits.add(new CatalogueView.Limit(l.id(), l.what(), l.limit(), l.article()));
                }
            }
            RouteReadings.Routes routes = routeReadings.claim(id, p == null ? null : p.route());
            items.add(new CatalogueView.Item(id, v.value().article(), v.value().claimForm(), v.value().nameEn(),
                    v.value().nameTr(), v.from(), v.to(), routes == null ? null : routes.route(),
                    routes == null ? List.of() : routes.accepted(),
                    p == null || p.prior() == null ? null : new CatalogueView.PriorStep(p.prior().kind(),
                            p.prior().form(), p.prior().leadTime() == null ? null : p.prior().leadTime().toString(),
                            p.prior().rule(), p.prior().article(), routeReadings.priorStep(id)),
                    p == null || p.claimAfter() == null ? null
                            : new CatalogueView.ClaimAfter(p.claimAfter(), p.claimAfterArticle()),
                    el == null ? null : new CatalogueView.Applicants(List.copyOf(el.value().roles()),
                            List.copyOf(el.value().types()),
                            List.copyOf(sectorReadings.sectors(id, el.value(), el.from())), el.reference()),
                    fp == null ? null : new CatalogueView.Filing(fp.value().trigger().name(),
                            fp.value().period().toString(), fp.reference()),
                    p == null || p.supportPeriodMonths() == null ? null : new CatalogueView.SupportPeriod(
                            p.supportPeriodMonths(), p.supportPeriodRule(), p.supportPeriodArticle()),
                    p == null ? List.of() : p.expenseKinds(), excluded == null ? List.of() : List.copyOf(excluded),
                    p == null ? List.of() : p.bonusRules(), capIds, limits,
                    fp != null && config.baseRates.containsKey(id)));
        }
        List<CatalogueView.TimeRule> rules = new ArrayList<>();
        for (Timeline<Catalogue.TimeRule> t : c.timeRules.values()) {
            for (Timeline.Entry<Catalogue.TimeRule> e : t.entries()) {
                Catalogue.TimeRule r = e.value();
                // the rule as the interpretations in force apply it (e.g. A-10 lengthens T19, A-19 moves T39's trigger)
                ProgrammeCatalogue.RuleChange change = ruleChanges.get(r.id());
                java.time.Period offset = change != null && change.offset() != null ? change.offset() : r.offset();
                List<String> ruleItems = new ArrayList<>(r.items());
                if (change != null) {
                    ruleItems.addAll(change.alsoItems());
                }
                rules.add(new CatalogueView.TimeRule(r.id(), List.copyOf(ruleItems),
                        change != null && change.trigger() != null ? change.trigger() : r.trigger(),
                        offset == null ? null : offset.toString(), r.direction(), r.kinds(), r.rejection(),
                        change != null && change.description() != null ? change.description() : r.description(),
                        r.consequence(),
                        e.reference(), e.from(), e.to(), r.programme(),
                        r.scale() == null ? null : "+ " + r.scale().each() + " x " + r.scale().fact() + " ("
                                + r.scale().min() + ".." + (r.scale().max() == null ? "" : r.scale().max()) + ")"));
            }
        }
        List<CatalogueView.Bonus> bonuses = new ArrayList<>();
        for (Timeline.Entry<java.math.BigDecimal> e : c.targetCountryBonus.entries()) {
            bonuses.add(new CatalogueView.Bonus("R_EK1_10", bonusItems(c, e.from()), List.of(), e.value(),
                    "all activity countries in EK-1 (33(3))", e.reference(), e.from(), e.to()));
        }
        for (Timeline.Entry<Catalogue.ProvinceBonus> e : c.provinceBonus.entries()) {
            bonuses.add(new CatalogueView.Bonus("R_EK2_10", bonusItems(c, e.from()), List.of(), e.value().points(),
                    "applicant role in " + e.value().applicantRoles() + " with HQ province in EK-2", e.reference(),
                    e.from(), e.to()));
        }
        for (Timeline.Entry<Catalogue.FairBonus> e : c.fairBonus.entries()) {
            bonuses.add(new CatalogueView.Bonus(e.value().rule(), List.copyOf(e.value().items()),
                    List.copyOf(e.value().kinds()), e.value().points(),
                    "all countries of the event (transport line: of the trip) in EK-1 (33(3))", e.reference(),
                    e.from(), e.to()));
        }
        List<CatalogueView.GreenPassportBand> bands = new ArrayList<>();
        for (Timeline.Entry<Catalogue.GreenPassportRule> e : c.greenPassport.entries()) {
            for (Catalogue.GreenPassportBand b : e.value().bands()) {
                bands.add(new CatalogueView.GreenPassportBand(b.passports(), b.minInclusive(), b.minExclusive(),
                        b.maxInclusive(), e.reference() + " (S0)", e.from()));
            }
        }
        List<CatalogueView.Parameter> params = new ArrayList<>();
        for (Map.Entry<String, String> e : c.parameterReferences().entrySet()) {
            params.add(new CatalogueView.Parameter(e.getKey(), e.getValue()));
        }
        List<CatalogueView.Authority> authorities = new ArrayList<>();
        String authorityOrigin = config.origin("competentAuthority");
        for (Timeline.Entry<DeploymentConfig.Authority> e : config.competentAuthority.entries()) {
            authorities.add(new CatalogueView.Authority(e.value().nameTr(), e.value().nameEn(), e.from(), e.to(),
                    e.reference(), authorityOrigin));
        }
        return new CatalogueView(c.version, c.programme, config.describe(), items, rules, caps, bonuses, bands, params,
                authorities);
    }

    private static List<String> bonusItems(Catalogue c, java.time.LocalDate on) {
        return List.copyOf(c.bonusItems.at(on).or(() -> c.bonusItems.latest().map(Timeline.Entry::value))
                .orElse(Set.of()));
    }

    private static String unit(String type) {
        switch (type) {
            case "USD_PER_PERSON_DAY": return "USD per person per day";
            case "MAX_PERSONS": return "persons";
            case "MAX_DAYS": return "days";
            case "MAX_AREA_M2": return "m2";
            case "MAX_SHARE_OF_AREA": return "share of the rented area";
            default: return "economy-class fare";
        }
    }

    private static <T> T latest(Timeline<T> t) {
        return t == null ? null : t.latest().map(Timeline.Entry::value).orElse(null);
    }

    private static <T> Timeline.Entry<T> latestEntry(Timeline<T> t) {
        return t == null ? null : t.latest().orElse(null);
    }
}
