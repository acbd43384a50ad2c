package dev.destek.rules.internal;

import static dev.destek.rules.internal.TimeRules.inputs;
import static dev.destek.rules.internal.TimeRules.step;

import dev.destek.rules.GreenPassport;
import dev.destek.rules.GreenPassportRequest;
import dev.destek.rules.Offset;
import dev.destek.rules.OffsetRequest;
import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequestException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Art. 35 payment with debt offset, and the green-passport entitlement of the deck (S0 P§08). */
public final class MoneyRules {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private final Catalogue catalogue;
    /**
     * DOMAIN A-54 (A54_OFFSET_REMAINDER): Art. 35(3) gives no rounding rule, so the cent a proportional split leaves
     * over goes to the tax office (the social-security share is the one rounded) instead of to social security.
     */
    private final boolean remainderToTax;

    /** @param interpretations the option in force of every switchable interpretation (regulation/interpretations.yaml) */
    public MoneyRules(Catalogue catalogue, Map<String, String> interpretations) {
        this.catalogue = catalogue;
        this.remainderToTax = "TAX_AUTHORITY".equals(interpretations.get("A54_OFFSET_REMAINDER"));
    }

    /** Art. 35(1)-(3), DOMAIN §7.3: proportional split when the entitlement does not cover all counting debts. */
    @Cites(article = "Art. 35(1)-(3)", since = "2015-06-02")
    public Offset offset(OffsetRequest r, LocalDate on) {
        if (r == null) {
            throw new QuoteRequestException("", "request body is required");
        }
        BigDecimal entitlement = amount(r.entitlement(), "/entitlement");
        List<Quote.TraceStep> trace = new ArrayList<>();
        BigDecimal tax = counting(r.taxDebt(), "/taxDebt", "TAX_AUTHORITY", trace);
        BigDecimal ss = counting(r.socialSecurityDebt(), "/socialSecurityDebt", "SOCIAL_SECURITY_INSTITUTION", trace);
        String article = catalogue.debtOffset.entryAt(on).map(Timeline.Entry::reference).orElse("Art. 35(3)");
        BigDecimal total = tax.add(ss);
        if (total.signum() == 0) {
            trace.add(step("art35.no-debt", "Art. 35(2)", inputs("entitlement", entitlement.toPlainString()),
                    "PAID_IN_FULL: payment order for the entitlement"));
            return new Offset(ZERO, ZERO, entitlement, "PAID_IN_FULL", "Art. 35(2)", trace);
        }
        if (entitlement.compareTo(total) >= 0) {
            BigDecimal balance = entitlement.subtract(total);
            trace.add(step("art35.covers-all", article, inputs("entitlement", entitlement.toPlainString(),
                    "taxDebt", tax.toPlainString(), "socialSecurityDebt", ss.toPlainString()),
                    "COVERS_ALL_DEBTS: balance " + balance.toPlainString() + " to the applicant"));
            return new Offset(tax, ss, balance, "COVERS_ALL_DEBTS", article, trace);
        }
        BigDecimal toTax;
        BigDecimal toSs;
        if (remainderToTax) {
            toSs = entitlement.multiply(ss).divide(total, 2, RoundingMode.HALF_UP);
            toTax = entitlement.subtract(toSs);
        } else {
            toTax = entitlement.multiply(tax).divide(total, 2, RoundingMode.HALF_UP);
            toSs = entitlement.subtract(toTax);
        }
        trace.add(step("art35.proportional", article, inputs("entitlement", entitlement.toPlainString(),
                "taxDebt", tax.toPlainString(), "socialSecurityDebt", ss.toPlainString(),
                "rounding", remainderToTax
                        ? "social-security share HALF_UP to 2 decimals, the tax office gets the remainder (DOMAIN "
                                + "A-54, A54_OFFSET_REMAINDER)"
                        : "tax share HALF_UP to 2 decimals, social security gets the remainder (DOMAIN A-54)"),
                "PROPORTIONAL: tax " + toTax.toPlainString() + ", social security " + toSs.toPlainString()));
        return new Offset(toTax, toSs, ZERO, "PROPORTIONAL", article, trace);
    }

    private static BigDecimal counting(OffsetRequest.Debt d, String at, String creditor, List<Quote.TraceStep> trace) {
        if (d == null) {
            return ZERO;
        }
        BigDecimal amount = amount(d.amount(), at + "/amount", true);
        boolean overdue = d.overdue() == null || d.overdue();
        boolean restructuredOk = Boolean.TRUE.equals(d.restructured()) && Boolean.TRUE.equals(d.restructuringComplied());
        boolean counts = overdue && !restructuredOk && amount.signum() > 0;
        trace.add(step("art35.debt", "Art. 35(1), 35(2)", inputs("creditor", creditor, "amount", amount.toPlainString(),
                "overdue", String.valueOf(overdue), "restructuredAndComplied", String.valueOf(restructuredOk)),
                counts ? "COUNTS" : "DOES_NOT_COUNT"));
        return counts ? amount : ZERO;
    }

    private static BigDecimal amount(BigDecimal v, String at) {
        return amount(v, at, false);
    }

    private static BigDecimal amount(BigDecimal v, String at, boolean zeroAllowed) {
        if (v == null) {
            throw new QuoteRequestException(at, "missing amount");
        }
        if (v.signum() < 0 || (!zeroAllowed && v.signum() == 0)) {
            throw new QuoteRequestException(at, "amount must be " + (zeroAllowed ? "zero or positive" : "positive")
                    + ", got " + v.toPlainString());
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw new QuoteRequestException(at, "amount has more than 2 decimals: " + v.toPlainString());
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** S0 P§08, DOMAIN §8: average of the last 3 calendar years, bands with the upper boundary inclusive. */
    @Cites(article = "S0 P§08", since = "2024-11-01")
    public GreenPassport greenPassports(GreenPassportRequest r, LocalDate on) {
        if (r == null || r.exportsUsdByYear() == null) {
            throw new QuoteRequestException("/exportsUsdByYear", "missing exportsUsdByYear");
        }
        Timeline.Entry<Catalogue.GreenPassportRule> entry = catalogue.greenPassport.entryAt(on)
                .or(catalogue.greenPassport::latest).orElseThrow();
        Catalogue.GreenPassportRule rule = entry.value();
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : r.exportsUsdByYear().entrySet()) {
            String at = "/exportsUsdByYear/" + e.getKey();
            if (!e.getKey().matches("\\d{4}")) {
                throw new QuoteRequestException(at, "expected a calendar year (yyyy), got " + e.getKey());
            }
            if (e.getValue() == null || e.getValue().signum() < 0) {
                throw new QuoteRequestException(at, "exports must be zero or positive");
            }
            byYear.put(Integer.parseInt(e.getKey()), e.getValue());
        }
        if (byYear.size() != rule.years() || byYear.lastKey() - byYear.firstKey() != rule.years() - 1) {
            throw new QuoteRequestException("/exportsUsdByYear", "expected the last " + rule.years()
                    + " consecutive calendar years, got " + byYear.keySet());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : byYear.values()) {
            sum = sum.add(v);
        }
        BigDecimal average = sum.divide(BigDecimal.valueOf(rule.years()), MathContext.DECIMAL128);
        int passports = 0;
        for (Catalogue.GreenPassportBand b : rule.bands()) {
            boolean above = b.minInclusive() != null ? average.compareTo(b.minInclusive()) >= 0
                    : average.compareTo(b.minExclusive()) > 0;
            boolean below = b.maxInclusive() == null || average.compareTo(b.maxInclusive()) <= 0;
            if (above && below) {
                passports = b.passports();
            }
        }
        List<Quote.TraceStep> trace = List.of(step("green-passport.band", entry.reference() + " (S0)",
                inputs("years", byYear.keySet().toString(), "sum", sum.toPlainString(), "average",
                        average.toPlainString(), "boundary", "upper bound inclusive (DOMAIN §8, A-42)"),
                String.valueOf(passports)));
        return new GreenPassport(new ArrayList<>(byYear.keySet()), average.setScale(2, RoundingMode.HALF_UP), passports,
                "S0 P§08 (Ministry of Trade deck, Nov 2024)", trace);
    }
}
