package dev.destek.integration;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The central bank's daily indicative rates file, the public {@code today.xml} of tcmb.gov.tr (Art. 36(1)):
 * <pre>
 *   &lt;Tarih_Date Tarih="25.11.2026" Date="11/25/2026" Bulten_No="2026/222"&gt;
 *     &lt;Currency Kod="USD"&gt;&lt;Unit&gt;1&lt;/Unit&gt;&lt;ForexBuying&gt;42.3117&lt;/ForexBuying&gt;...
 *     &lt;Currency Kod="JPY"&gt;&lt;Unit&gt;100&lt;/Unit&gt;&lt;ForexBuying&gt;27.1043&lt;/ForexBuying&gt;...
 * </pre>
 * Quotes are TRY for {@code Unit} units of the currency; some are empty for some currencies (no banknote trade in
 * SDR, for instance). Converted to USD per one unit through the file's own USD quote in the same column:
 * <pre>
 *   usdPerUnit(C) = quote(C) × unit(USD) / (unit(C) × quote(USD))       usdPerUnit(TRY) = unit(USD) / quote(USD)
 * </pre>
 * one division, rounded once to {@value #SCALE} decimals {@link RoundingMode#HALF_UP}: ten decimals keep a JPY or
 * IDR rate exact to well under a cent on any supportable amount, and the scale is part of what is stored, so a
 * replayed file stores the same digits. A currency without a quote in the column gets no rate (a claim in it waits,
 * never a guessed or cross-derived rate); the file is dated by its bulletin date {@code Tarih}, and which bulletin
 * a payment uses is the rules' choice (Art. 36(2)-(4), A-32).
 *
 * <p>XML is read with StAX with DTDs and external entities off, and any DOCTYPE refuses the file (XXE).
 */
public final class TcmbRatesFile {
    public static final String SOURCE = "TCMB_INDICATIVE";
    public static final int SCALE = 10;
    /** The currency the table quotes in. */
    public static final String TRY = "TRY";
    private static final String ROOT = "Tarih_Date";
    private static final DateTimeFormatter TARIH = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern UNIT = Pattern.compile("[1-9][0-9]{0,6}");
    private static final Pattern QUOTE = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,8})?");
    private static final Set<String> QUOTE_ELEMENTS = Set.of("ForexBuying", "ForexSelling", "BanknoteBuying",
            "BanknoteSelling");

    private final RateColumn column;

    public TcmbRatesFile(RateColumn column) {
        this.column = Objects.requireNonNull(column, "column");
    }

    /** The rates of a file, or every error found in it. */
    public sealed interface Result {
        record Parsed(LocalDate date, List<StoredRate> rates, List<String> skipped) implements Result { }

        record Invalid(List<FileError> errors) implements Result { }
    }

    public Result parse(byte[] xml, String sourceObject) {
        List<FileError> errors = new ArrayList<>();
        Bulletin bulletin;
        try {
            bulletin = read(xml, errors);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            errors.add(new FileError(line, null, "MALFORMED_XML", "the file is not well-formed XML"));
            return new Result.Invalid(errors);
        }
        if (bulletin == null) {
            return new Result.Invalid(errors);
        }
        return convert(bulletin, sourceObject, errors);
    }

    private Result convert(Bulletin bulletin, String sourceObject, List<FileError> errors) {
        Entry usd = bulletin.entries.get("USD");
        if (bulletin.entries.isEmpty()) {
            errors.add(new FileError(bulletin.line, "Currency", "NO_CURRENCIES", "the file lists no currency"));
        } else if (usd == null || usd.quotes.get(column.element()) == null) {
            errors.add(new FileError(usd == null ? bulletin.line : usd.line, column.element(), "USD_QUOTE_MISSING",
                    "without a USD quote in " + column.element() + " no currency can be converted to USD"));
        }
        if (!errors.isEmpty() || bulletin.date == null) {
            return new Result.Invalid(errors);
        }
        BigDecimal usdQuote = usd.quotes.get(column.element());
        List<StoredRate> rates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Entry e : bulletin.entries.values()) {
            BigDecimal quote = e.quotes.get(column.element());
            if (quote == null) {
                skipped.add(e.code);
                continue;
            }
            BigDecimal usdPerUnit = quote.multiply(BigDecimal.valueOf(usd.unit))
                    .divide(usdQuote.multiply(BigDecimal.valueOf(e.unit)), SCALE, RoundingMode.HALF_UP);
            rates.add(new StoredRate(e.code, bulletin.date, usdPerUnit, SOURCE, sourceObject));
        }
        // the table's own currency: TRY is quoted in every line, so one TRY is unit(USD) / quote(USD) USD; a payout
        // in TRY (Art. 35's debts are in TRY) is converted with it
        rates.add(new StoredRate(TRY, bulletin.date, BigDecimal.valueOf(usd.unit).divide(usdQuote, SCALE,
                RoundingMode.HALF_UP), SOURCE, sourceObject));
        return new Result.Parsed(bulletin.date, List.copyOf(rates), List.copyOf(skipped));
    }

    private static final class Bulletin {
        LocalDate date;
        int line;
        final Map<String, Entry> entries = new LinkedHashMap<>();
    }

    private static final class Entry {
        String code;
        int line;
        long unit;
        final Map<String, BigDecimal> quotes = new LinkedHashMap<>();
    }

    /** Null when the file cannot be a rate bulletin at all (errors says why). */
    private static Bulletin read(byte[] xml, List<FileError> errors) throws XMLStreamException {
        XMLStreamReader in = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            Bulletin bulletin = null;
            Entry current = null;
            String element = null;
            StringBuilder text = new StringBuilder();
            boolean unitSeen = false;
            while (in.hasNext()) {
                int event = in.next();
                int line = in.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        errors.add(new FileError(line, null, "DTD_NOT_ALLOWED",
                                "a DOCTYPE is not allowed (no entities, no external references)"));
                        return null;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        errors.add(new FileError(line, null, "ENTITY_NOT_ALLOWED",
                                "entity references are not allowed"));
                        return null;
                    case XMLStreamConstants.START_ELEMENT:
                        String name = in.getLocalName();
                        if (bulletin == null) {
                            if (!ROOT.equals(name)) {
                                errors.add(new FileError(line, name, "NOT_A_RATE_BULLETIN",
                                        "the root element must be " + ROOT));
                                return null;
                            }
                            bulletin = new Bulletin();
                            bulletin.line = line;
                            bulletin.date = date(in, line, errors);
                        } else if ("Currency".equals(name) && current == null) {
                            current = new Entry();
                            current.line = line;
                            current.code = in.getAttributeValue(null, "Kod");
                            unitSeen = false;
                            if (current.code == null || !CODE.matcher(current.code).matches()) {
                                errors.add(new FileError(line, "Kod", "INVALID_CURRENCY_CODE",
                                        "Kod must be a three-letter ISO 4217 code"));
                            } else if (bulletin.entries.containsKey(current.code)) {
                                errors.add(new FileError(line, "Kod", "DUPLICATE_CURRENCY",
                                        current.code + " is listed twice"));
                            }
                        } else if (current != null) {
                            element = name;
                            text.setLength(0);
                        }
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                        if (element != null) {
                            text.append(in.getText());
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        if (current != null && "Currency".equals(in.getLocalName())) {
                            if (!unitSeen) {
                                errors.add(new FileError(current.line, "Unit", "UNIT_MISSING",
                                        (current.code == null ? "a currency" : current.code) + " has no Unit"));
                            }
                            if (current.code != null && CODE.matcher(current.code).matches()) {
                                bulletin.entries.putIfAbsent(current.code, current);
                            }
                            current = null;
                        } else if (current != null && in.getLocalName().equals(element)) {
                            String value = text.toString().trim();
                            if ("Unit".equals(element)) {
                                unitSeen = true;
                                if (UNIT.matcher(value).matches()) {
                                    current.unit = Long.parseLong(value);
                                } else {
                                    errors.add(new FileError(line, "Unit", "INVALID_UNIT",
                                            "Unit must be a positive whole number"));
                                }
                            } else if (QUOTE_ELEMENTS.contains(element) && !value.isEmpty()) {
                                BigDecimal quote = QUOTE.matcher(value).matches() ? new BigDecimal(value) : null;
                                if (quote == null || quote.signum() <= 0) {
                                    errors.add(new FileError(line, element, "INVALID_QUOTE",
                                            element + " must be a positive decimal with a point, or empty"));
                                } else {
                                    current.quotes.put(element, quote);
                                }
                            }
                            element = null;
                        }
                        break;
                    default:
                        break;
                }
            }
            if (bulletin == null) {
                errors.add(new FileError(0, null, "NOT_A_RATE_BULLETIN", "the file has no root element"));
            }
            return bulletin;
        } finally {
            in.close();
        }
    }

    /** {@code Tarih} (dd.MM.yyyy) must be a date, and {@code Date} (MM/dd/yyyy), if present, the same date. */
    private static LocalDate date(XMLStreamReader in, int line, List<FileError> errors) {
        String tarih = in.getAttributeValue(null, "Tarih");
        String date = in.getAttributeValue(null, "Date");
        LocalDate parsed = null;
        try {
            parsed = tarih == null ? null : LocalDate.parse(tarih.trim(), TARIH);
        } catch (DateTimeParseException e) {
            errors.add(new FileError(line, "Tarih", "INVALID_DATE", "Tarih must be a date as dd.MM.yyyy"));
            return null;
        }
        if (parsed == null) {
            errors.add(new FileError(line, "Tarih", "DATE_MISSING", "the bulletin has no Tarih attribute"));
            return null;
        }
        if (date != null) {
            try {
                if (!LocalDate.parse(date.trim(), DATE).equals(parsed)) {
                    errors.add(new FileError(line, "Date", "DATES_DISAGREE", "Date and Tarih name different days"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FileError(line, "Date", "INVALID_DATE", "Date must be a date as MM/dd/yyyy"));
            }
        }
        return parsed;
    }

    /** No DTDs, no external entities, no entity expansion: an XXE or billion-laughs file cannot reach anything. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever is on the classpath
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
