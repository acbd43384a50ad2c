package dev.destek.rules.internal;

import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RejectionCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The eligibility rules of the deck's programmes beyond role and sector ({@code eligibility} in
 * {@code regulation/programmes/decree_*.yaml}): which facts a request must carry for them ({@link #validate}) and
 * their outcome ({@link #evaluate}). The rule in force on the filing date applies, like the role and sector check.
 * Missing facts are request errors, not rejections: a quote must not refuse support for a fact nobody sent.
 */
final class DeckEligibility {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> REGISTRANTS = Set.of("SELF", "ORGANICALLY_LINKED");

    /** Outcome of one rule: passed, failed (its rejection applies), or undecidable from the data (review). */
    sealed interface Outcome permits Pass, Fail, Review { }

    record Pass(String why) implements Outcome { }

    record Fail(String why) implements Outcome { }

    record Review(String why) implements Outcome { }

    /** Claim-level result: rejections (with the article) and one trace step per rule applied. */
    record Result(List<Quote.Rejection> rejections, List<Quote.TraceStep> trace) { }

    private final ProgrammeConfig config;

    DeckEligibility(ProgrammeConfig config) {
        this.config = config;
    }

    /** The rules of {@code p} in force on the filing date that concern this applicant and item group. */
    private static List<Map.Entry<String, Timeline.Entry<ProgrammeCatalogue.EligibilityRule>>> applicable(
            ProgrammeCatalogue.Programme p, QuoteRequest r, String group) {
        List<Map.Entry<String, Timeline.Entry<ProgrammeCatalogue.EligibilityRule>>> out = new ArrayList<>();
        for (Map.Entry<String, Timeline<ProgrammeCatalogue.EligibilityRule>> e : p.eligibility().entrySet()) {
            Timeline.Entry<ProgrammeCatalogue.EligibilityRule> v = e.getValue().entryOrNull(r.filingDate());
            if (v != null && v.value().appliesTo(r.applicant().role(), group)) {
                out.add(Map.entry(e.getKey(), v));
            }
        }
        return out;
    }

    /** Throws {@link QuoteRequestException} for a fact an applicable rule needs that is missing or malformed. */
    void validate(ProgrammeCatalogue.Programme p, QuoteRequest r, String group) {
        QuoteRequest.Applicant a = r.applicant();
        for (Map.Entry<String, Timeline.Entry<ProgrammeCatalogue.EligibilityRule>> e : applicable(p, r, group)) {
            String why = " (" + e.getKey() + ", " + reference(p, e.getValue()) + ")";
            ProgrammeCatalogue.Test test = e.getValue().value().test();
            if (test instanceof ProgrammeCatalogue.ResidentInTurkey) {
                present(a.residentInTurkey(), "/applicant/residentInTurkey", why);
            } else if (test instanceof ProgrammeCatalogue.YldaCooperationOrganisation t) {
                validateYlda(a, t, why);
            } else if (test instanceof ProgrammeCatalogue.BrandRegisteredInTurkey) {
                present(a.brand(), "/applicant/brand", why);
                present(a.brand().registeredInTurkey(), "/applicant/brand/registeredInTurkey", why);
            } else if (test instanceof ProgrammeCatalogue.BrandInMadridCountry) {
                validateMadrid(a, why);
            } else if (test instanceof ProgrammeCatalogue.ProgrammeMember && a.programmes() != null) {
                // absent = admitted to none: membership is something an applicant states, not a fact it may omit
                codes(a.programmes(), "/applicant/programmes");
            }
        }
    }

    private static void validateYlda(QuoteRequest.Applicant a, ProgrammeCatalogue.YldaCooperationOrganisation t,
                                     String why) {
        String kind = present(a.organisationKind(), "/applicant/organisationKind", why);
        if (!t.kinds().contains(kind)) {
            throw new QuoteRequestException("/applicant/organisationKind", "expected one of " + t.kinds() + ", got "
                    + kind + why);
        }
        if (kind.equals(t.companyKind())) {
            QuoteRequest.Logistics l = present(a.logistics(), "/applicant/logistics", why);
            List<String> services = present(l.services(), "/applicant/logistics/services", why);
            for (int i = 0; i < services.size(); i++) {
                if (services.get(i) == null || !t.services().contains(services.get(i))) {
                    throw new QuoteRequestException("/applicant/logistics/services/" + i, "unknown service "
                            + services.get(i) + " (expected one of " + t.services() + ")");
                }
            }
            if (l.warehouseM2() != null && (l.warehouseM2().signum() < 0
                    || l.warehouseM2().stripTrailingZeros().scale() > 2)) {
                throw new QuoteRequestException("/applicant/logistics/warehouseM2",
                        "expected an area of zero or more m² with at most 2 decimals, got "
                                + l.warehouseM2().toPlainString());
            }
            if (l.localPlateVehicles() != null && l.localPlateVehicles() < 0) {
                throw new QuoteRequestException("/applicant/logistics/localPlateVehicles", "must be zero or more, got "
                        + l.localPlateVehicles());
            }
        } else if (kind.equals(t.subsidiaryKind())) {
            QuoteRequest.Subsidiary s = present(a.subsidiary(), "/applicant/subsidiary", why);
            present(s.foundedByQualifyingCompanies(), "/applicant/subsidiary/foundedByQualifyingCompanies", why);
            present(s.turkishCapital(), "/applicant/subsidiary/turkishCapital", why);
            BigDecimal pct = present(s.ownershipByQualifyingPercent(),
                    "/applicant/subsidiary/ownershipByQualifyingPercent", why);
            if (pct.signum() < 0 || pct.compareTo(HUNDRED) > 0 || pct.stripTrailingZeros().scale() > 2) {
                throw new QuoteRequestException("/applicant/subsidiary/ownershipByQualifyingPercent",
                        "expected a percentage 0..100 with at most 2 decimals, got " + pct.toPlainString());
            }
        }
    }

    private static void validateMadrid(QuoteRequest.Applicant a, String why) {
        QuoteRequest.Brand b = present(a.brand(), "/applicant/brand", why);
        List<String> countries = present(b.madridCountries(), "/applicant/brand/madridCountries", why);
        for (int i = 0; i < countries.size(); i++) {
            String c = countries.get(i);
            if (c == null || !c.matches("[A-Z]{2}")) {
                throw new QuoteRequestException("/applicant/brand/madridCountries/" + i,
                        "expected an ISO 3166-1 alpha-2 country code, got " + c);
            }
        }
        if (!countries.isEmpty()) {
            String by = present(b.madridRegisteredBy(), "/applicant/brand/madridRegisteredBy", why);
            if (!REGISTRANTS.contains(by)) {
                throw new QuoteRequestException("/applicant/brand/madridRegisteredBy", "expected one of "
                        + new java.util.TreeSet<>(REGISTRANTS) + ", got " + by);
            }
        }
    }

    private static void codes(List<String> list, String at) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null || !list.get(i).matches("[A-Z][A-Z0-9_]*")) {
                throw new QuoteRequestException(at + "/" + i, "expected a programme code such as E_TURQUALITY, got "
                        + list.get(i));
            }
        }
    }

    private static <T> T present(T v, String pointer, String why) {
        if (v == null || v instanceof String s && s.isBlank()) {
            throw new QuoteRequestException(pointer, "missing " + pointer.substring(pointer.lastIndexOf('/') + 1)
                    + ": required by the eligibility rule" + why);
        }
        return v;
    }

    private static String reference(ProgrammeCatalogue.Programme p,
                                    Timeline.Entry<ProgrammeCatalogue.EligibilityRule> v) {
        return v.reference() == null ? p.reference() : v.reference();
    }

    /** Every applicable rule's outcome, as rejections and trace steps (run after {@link #validate}). */
    Result evaluate(ProgrammeCatalogue.Programme p, QuoteRequest r, String group) {
        List<Quote.Rejection> rejections = new ArrayList<>();
        List<Quote.TraceStep> trace = new ArrayList<>();
        for (Map.Entry<String, Timeline.Entry<ProgrammeCatalogue.EligibilityRule>> e : applicable(p, r, group)) {
            ProgrammeCatalogue.EligibilityRule rule = e.getValue().value();
            String article = reference(p, e.getValue());
            TraceInputs inputs = inputs(rule.test(), r.applicant(), r.filingDate());
            Outcome o = outcome(rule.test(), r.applicant(), r.filingDate());
            String output;
            if (o instanceof Pass pass) {
                output = "OK: " + pass.why();
            } else if (o instanceof Fail fail) {
                rejections.add(new Quote.Rejection(rule.rejection(), article));
                output = "REJECTED " + rule.rejection() + ": " + fail.why();
            } else {
                rejections.add(new Quote.Rejection(RejectionCodes.MANUAL_REVIEW, article));
                output = "MANUAL_REVIEW: " + ((Review) o).why();
            }
            trace.add(new Quote.TraceStep(e.getKey(), article, inputs, output));
        }
        return new Result(List.copyOf(rejections), List.copyOf(trace));
    }

    private Outcome outcome(ProgrammeCatalogue.Test test, QuoteRequest.Applicant a, LocalDate day) {
        if (test instanceof ProgrammeCatalogue.ResidentInTurkey) {
            return a.residentInTurkey() ? new Pass("resident in Türkiye") : new Fail("not resident in Türkiye");
        }
        if (test instanceof ProgrammeCatalogue.YldaCooperationOrganisation t) {
            return ylda(t, a);
        }
        if (test instanceof ProgrammeCatalogue.BrandRegisteredInTurkey) {
            return a.brand().registeredInTurkey() ? new Pass("brand registered in Türkiye")
                    : new Fail("brand not registered in Türkiye");
        }
        if (test instanceof ProgrammeCatalogue.BrandInMadridCountry t) {
            return madrid(t, a.brand(), day);
        }
        ProgrammeCatalogue.ProgrammeMember m = (ProgrammeCatalogue.ProgrammeMember) test;
        return a.programmes() != null && a.programmes().contains(m.programme()) ? new Pass("member of " + m.programme())
                : new Fail("not a member of " + m.programme());
    }

    private static Outcome ylda(ProgrammeCatalogue.YldaCooperationOrganisation t, QuoteRequest.Applicant a) {
        String kind = a.organisationKind();
        if (t.directKinds().contains(kind)) {
            return new Pass(kind + " is a cooperation organisation by kind");
        }
        if (kind.equals(t.companyKind())) {
            QuoteRequest.Logistics l = a.logistics();
            List<String> missing = new ArrayList<>();
            for (String s : t.allServices()) {
                if (!l.services().contains(s)) {
                    missing.add(s);
                }
            }
            if (!missing.isEmpty()) {
                return new Fail("does not perform all of " + t.allServices() + ": missing " + missing);
            }
            boolean oneOf = false;
            for (String s : t.oneOfServices()) {
                oneOf |= l.services().contains(s);
            }
            if (!oneOf) {
                return new Fail("performs none of " + t.oneOfServices());
            }
            boolean warehouse = l.warehouseM2() != null && l.warehouseM2().compareTo(t.minWarehouseM2()) >= 0;
            boolean vehicles = l.localPlateVehicles() != null && l.localPlateVehicles() >= t.minLocalPlateVehicles();
            if (!warehouse && !vehicles) {
                return new Fail("neither " + t.minWarehouseM2().toPlainString() + " m² of warehouse nor "
                        + t.minLocalPlateVehicles() + " local-plate commercial vehicles");
            }
            return new Pass("qualifying logistics company (" + (warehouse ? "warehouse" : "vehicles") + ")");
        }
        QuoteRequest.Subsidiary s = a.subsidiary();
        if (!s.foundedByQualifyingCompanies()) {
            return new Fail("not set up by qualifying logistics companies");
        }
        if (!s.turkishCapital()) {
            return new Fail("not a Turkish-capital company");
        }
        if (s.ownershipByQualifyingPercent().compareTo(t.minOwnershipPercent()) < 0) {
            return new Fail("qualifying logistics companies hold " + s.ownershipByQualifyingPercent().toPlainString()
                    + " %, less than " + t.minOwnershipPercent().toPlainString() + " %");
        }
        return new Pass("Turkish-capital subsidiary at least " + t.minOwnershipPercent().toPlainString()
                + " % owned by qualifying logistics companies");
    }

    private Outcome madrid(ProgrammeCatalogue.BrandInMadridCountry t, QuoteRequest.Brand b, LocalDate day) {
        List<String> declared = new ArrayList<>();
        for (String c : b.madridCountries()) {
            if (!t.excludeCountries().contains(c)) {
                declared.add(c);
            }
        }
        if (declared.isEmpty()) {
            return new Fail("no registration in a Madrid-System country other than " + t.excludeCountries());
        }
        if (!t.registrants().contains(b.madridRegisteredBy())) {
            return new Fail("registered by " + b.madridRegisteredBy() + ", not by " + t.registrants());
        }
        Set<String> parties = config.madridCountries(day);
        if (parties == null) {
            return new Review("no Madrid-System country list configured for " + day + " (madridCountries)");
        }
        for (String c : declared) {
            if (parties.contains(c)) {
                return new Pass("registered in " + c + ", a configured Madrid-System party");
            }
        }
        return new Fail("none of " + declared + " is a configured Madrid-System party");
    }

    /** The facts the test reads, for the trace (so a reviewer sees what was judged). */
    private TraceInputs inputs(ProgrammeCatalogue.Test test, QuoteRequest.Applicant a, LocalDate day) {
        if (test instanceof ProgrammeCatalogue.ResidentInTurkey) {
            return new TraceInputs("test", test.name(), "residentInTurkey", String.valueOf(a.residentInTurkey()));
        }
        if (test instanceof ProgrammeCatalogue.YldaCooperationOrganisation t) {
            QuoteRequest.Logistics l = a.logistics();
            QuoteRequest.Subsidiary s = a.subsidiary();
            return new TraceInputs("test", test.name(), "organisationKind", a.organisationKind(),
                    "services", l == null ? "n/a" : String.join(",", l.services()),
                    "warehouseM2", l == null || l.warehouseM2() == null ? "n/a" : l.warehouseM2().toPlainString(),
                    "minWarehouseM2", t.minWarehouseM2().toPlainString(),
                    "localPlateVehicles", l == null || l.localPlateVehicles() == null ? "n/a"
                            : String.valueOf(l.localPlateVehicles()),
                    "minLocalPlateVehicles", String.valueOf(t.minLocalPlateVehicles()),
                    "foundedByQualifyingCompanies", s == null ? "n/a" : String.valueOf(s.foundedByQualifyingCompanies()),
                    "turkishCapital", s == null ? "n/a" : String.valueOf(s.turkishCapital()),
                    "ownershipByQualifyingPercent", s == null ? "n/a" : s.ownershipByQualifyingPercent().toPlainString(),
                    "minOwnershipPercent", t.minOwnershipPercent().toPlainString());
        }
        if (test instanceof ProgrammeCatalogue.BrandRegisteredInTurkey) {
            return new TraceInputs("test", test.name(), "registeredInTurkey",
                    String.valueOf(a.brand().registeredInTurkey()));
        }
        if (test instanceof ProgrammeCatalogue.BrandInMadridCountry) {
            Set<String> parties = config.madridCountries(day);
            return new TraceInputs("test", test.name(), "madridCountries", String.join(",",
                    a.brand().madridCountries()), "madridRegisteredBy", String.valueOf(a.brand().madridRegisteredBy()),
                    "configuredParties", parties == null ? "none" : parties.size() + " countries",
                    "source", config.origin("madridCountries"));
        }
        return new TraceInputs("test", test.name(), "programme", ((ProgrammeCatalogue.ProgrammeMember) test)
                .programme(), "programmes", a.programmes() == null ? "none" : String.join(",", a.programmes()));
    }
}
