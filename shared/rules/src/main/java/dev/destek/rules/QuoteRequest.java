package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A request for a payout quote (and, with the same body, for the deadlines it implies), as sent by the payout
 * function (Jackson + JavaTimeModule). Amounts travel as JSON strings ({@code "10000.00"}). Structural problems
 * are reported by {@link Rules#quote} as {@link QuoteRequestException}s with a JSON Pointer; nothing is validated
 * here so the pointer stays precise. Every field added after the first version is optional.
 *
 * @param exchangeRates rates the caller supplies for Art. 36 conversion; without a matching rate a non-USD line is
 *                      {@code NEEDS_CONVERSION} (a rate is never guessed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteRequest(String programme, String supportItem, Applicant applicant, Activity activity,
                           LocalDate filingDate, List<Expense> expenses, List<ExchangeRate> exchangeRates) {

    /** The first version's shape (no exchange rates). */
    public QuoteRequest(String programme, String supportItem, Applicant applicant, Activity activity,
                        LocalDate filingDate, List<Expense> expenses) {
        this(programme, supportItem, applicant, activity, filingDate, expenses, null);
    }

    /**
     * The applicant. The facts after {@code hqProvince} are read by the deck's programmes only (S0); a programme
     * whose eligibility rules need one rejects the request without it (JSON Pointer to the missing fact).
     *
     * @param role             e.g. {@code BENEFICIARY}, {@code COOPERATION_ORGANISATION}, {@code HEALTH_FACILITY}
     * @param type             e.g. {@code IT_COMPANY} (DOMAIN Appendix B ApplicantType)
     * @param sector           e.g. {@code IT} (DOMAIN §2.1)
     * @param hqProvince       headquarters province code, compared with the EK-2 list (Art. 33(1), 23(3))
     * @param organisationKind Decree 5449 (P§06): {@code PUBLIC_INSTITUTION}, {@code SECTORAL_UMBRELLA_ORGANISATION},
     *                         {@code LOGISTICS_COMPANY} (then {@code logistics}) or {@code LOGISTICS_SUBSIDIARY} (a
     *                         Turkish-capital company set up by qualifying logistics companies; then
     *                         {@code subsidiary})
     * @param residentInTurkey resident (established) in Türkiye: Decree 5449 scope (P§06), Decree 2564 application
     *                         condition (P§04)
     * @param logistics        a 5449 logistics company's operations in the network's country
     * @param subsidiary       a 5449 subsidiary's founders and owners
     * @param brand            Decree 2564 application conditions (P§04): where the brand is registered
     * @param programmes       programmes the applicant is admitted to, e.g. {@code E_TURQUALITY} (Decree 5447's
     *                         "Stars of IT", P§05: its items are for members only)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Applicant(String role, String type, String sector, String hqProvince, String organisationKind,
                            Boolean residentInTurkey, Logistics logistics, Subsidiary subsidiary, Brand brand,
                            List<String> programmes) {

        /** The first version's shape. */
        public Applicant(String role, String type, String sector, String hqProvince) {
            this(role, type, sector, hqProvince, null, null, null, null, null, null);
        }
    }

    /**
     * A Decree 5449 logistics company in the country where the network operates or will operate (P§06).
     *
     * @param services           services it performs there: {@code WAREHOUSING}, {@code TRANSPORT},
     *                           {@code CUSTOMS_CLEARANCE} (all three needed), {@code DISTRIBUTION},
     *                           {@code VALUE_ADDED_LOGISTICS}, {@code SUPPLY_CHAIN_MANAGEMENT} (at least one needed)
     * @param warehouseM2        warehouse area it has there, m² (at least 5,000 — or the vehicles); absent = none
     * @param localPlateVehicles commercial vehicles with that country's plates (at least 50 — or the warehouse);
     *                           absent = none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Logistics(List<String> services,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal warehouseM2,
                            Integer localPlateVehicles) { }

    /**
     * A Decree 5449 subsidiary: "Bunlar tarafından kurulan ve en az %51 oranında hissesine sahip olunan Türk
     * sermayeli şirketleri" (P§06).
     *
     * @param foundedByQualifyingCompanies set up by logistics companies that meet the P§06 test
     * @param ownershipByQualifyingPercent share those companies hold, percent (0–100, at most 2 decimals;
     *                                     at least 51 needed)
     * @param turkishCapital               a Turkish-capital company
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subsidiary(Boolean foundedByQualifyingCompanies,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ownershipByQualifyingPercent,
                             Boolean turkishCapital) { }

    /**
     * The beneficiary's brand (Decree 2564 application conditions, P§04).
     *
     * @param registeredInTurkey  registered in Türkiye
     * @param madridCountries     ISO 3166-1 alpha-2 countries where it is registered that are parties to the Madrid
     *                            System (checked against the configured list {@code madridCountries}; TR does not
     *                            count, it is condition 1)
     * @param madridRegisteredBy  who holds those registrations: {@code SELF} or {@code ORGANICALLY_LINKED} (a company
     *                            with an organic link to the beneficiary)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Brand(Boolean registeredInTurkey, List<String> madridCountries, String madridRegisteredBy) { }

    /**
     * Facts of the activity. Dates feed the time rules (T01–T59, {@link Rules#deadlines}).
     *
     * @param countries               countries the activity is directed at; Art. 33(3): bonuses need all in EK-1
     * @param start                   activity / programme / event / (first) fair start
     * @param end                     activity / programme / event / (first) fair end (Art. 34(2) trigger)
     * @param preApprovalDate         date the pre-approval was given (Arts. 6(1), 10(1), 18(1): spending after it)
     * @param priorApplicationDate    date the pre-approval / pre-notification / approval application was filed
     *                                (lead times T03, T05, T08–T12, T17, T18)
     * @param projectStart            approved project start (Art. 18(1)) or HİSER start in the approval notice (22(3))
     * @param firstSupportedMonth     first month that was subject to support (48-month period, T19)
     * @param filmReleaseDate         film released abroad / offered for sale (Art. 34(2), T45)
     * @param firstTrainingStart      start of the first HİSER training/consultancy (27(6), T16)
     * @param secondFairEnd           end of the second fair of a two-fair trip (31(3), T30–T32)
     * @param unitClosureDate         closure of a foreign unit / end of organic link (9(7), 9(9))
     * @param ownershipChangeDate     partnership change of the beneficiary (9(8))
     * @param authorisationCancelledDate organiser authorisation cancelled (32(4))
     * @param ministryOrganised       delegation organised by the Ministry (21(2), 21(5), 21(6))
     * @param protocolSignedDate      date the patient-travel protocol with the GD was signed (13(3))
     * @param subtype                 TRADE / PURCHASING (Art. 21), FOREIGN / DOMESTIC (Art. 26)
     * @param programmeDays           delegation days excluding travel (21(1), at most 10)
     * @param participants            participating beneficiaries (21(6) at least 8, 26(3) at least 6)
     * @param quotes                  quotes obtained (23(3), 24(2): 2 in EK-2 provinces, else 3)
     * @param delegationsInYear       supported delegations of this subtype the organiser has in the programme
     *                                start's calendar year, this one included (21(5): at most 10; DOMAIN A-24)
     * @param eventId                 the event as published in EK-31B / the 2017/4 list (31(1)) or EK-32E (32(1))
     * @param supportReceivedUsd      support already received under the item's configured Decree money cap in the
     *                                cap's period (claim history); needed only when such a cap is configured
     * @param province                province where the activity takes place (used for the 23(3)/24(2) quote count
     *                                when interpretation A29_QUOTE_PROVINCE is ACTIVITY_PROVINCE)
     * @param supportYear             year of the network's support, 1 = the first (Decree 5449, S0 P§06: operating
     *                                costs and employment 70 % in the first two years, 50 % later); the deck's
     *                                programmes also read {@code subtype} FOREIGN / DOMESTIC (5449 advertising caps)
     * @param hireDate                HİSER employment (Art. 25): the date the expert was hired; T39 measures the
     *                                2-year age of the language exam from it when interpretation
     *                                A19_LANGUAGE_EXAM_REFERENCE is HIRE_DATE (by default from the filing date)
     * @param claimPeriodFrom         first month the claim covers (Arts. 12(1), 17(1): claims cover at least three
     *                                months; interpretation A13_PERIOD_MODE)
     * @param claimPeriodTo           last month the claim covers (inclusive); with {@code claimPeriodFrom}
     * @param programmeTrack          Decree 2564 (S0 P§04): {@code TURQUALITY} (support period 5 years + 5 years per
     *                                target market, T55), {@code BRAND} (Brand Support Programme, 4 years, T56) or
     *                                {@code COOPERATION_PROJECT} (a cooperation organisation's TURQUALITY® project,
     *                                1–4 years, T57); required for a 2564 quote
     * @param programmeStart          first day of that support period; required for a 2564 quote
     * @param targetMarkets           TURQUALITY: number of target markets (0 or more; each adds 5 years, T55)
     * @param projectYears            COOPERATION_PROJECT: the project's approved length in years (1–4, T57)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activity(List<String> countries, LocalDate start, LocalDate end, LocalDate preApprovalDate,
                           LocalDate priorApplicationDate, LocalDate projectStart, YearMonth firstSupportedMonth,
                           LocalDate filmReleaseDate, LocalDate firstTrainingStart, LocalDate secondFairEnd,
                           LocalDate unitClosureDate, LocalDate ownershipChangeDate,
                           LocalDate authorisationCancelledDate, Boolean ministryOrganised, String subtype,
                           Integer programmeDays, Integer participants, Integer quotes, LocalDate protocolSignedDate,
                           Integer delegationsInYear, String eventId,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal supportReceivedUsd,
                           String province, Integer supportYear, LocalDate hireDate, YearMonth claimPeriodFrom,
                           YearMonth claimPeriodTo, String programmeTrack, LocalDate programmeStart,
                           Integer targetMarkets, Integer projectYears) {

        /** The first version's shape. */
        public Activity(List<String> countries, LocalDate start, LocalDate end, LocalDate preApprovalDate) {
            this(countries, start, end, preApprovalDate, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null);
        }

        /** The shape before {@code hireDate}, the claim period and the deck's support periods (T55–T57). */
        public Activity(List<String> countries, LocalDate start, LocalDate end, LocalDate preApprovalDate,
                        LocalDate priorApplicationDate, LocalDate projectStart, YearMonth firstSupportedMonth,
                        LocalDate filmReleaseDate, LocalDate firstTrainingStart, LocalDate secondFairEnd,
                        LocalDate unitClosureDate, LocalDate ownershipChangeDate,
                        LocalDate authorisationCancelledDate, Boolean ministryOrganised, String subtype,
                        Integer programmeDays, Integer participants, Integer quotes, LocalDate protocolSignedDate,
                        Integer delegationsInYear, String eventId, BigDecimal supportReceivedUsd,
                        String province, Integer supportYear) {
            this(countries, start, end, preApprovalDate, priorApplicationDate, projectStart, firstSupportedMonth,
                    filmReleaseDate, firstTrainingStart, secondFairEnd, unitClosureDate, ownershipChangeDate,
                    authorisationCancelledDate, ministryOrganised, subtype, programmeDays, participants, quotes,
                    protocolSignedDate, delegationsInYear, eventId, supportReceivedUsd, province, supportYear, null,
                    null, null, null, null, null, null);
        }
    }

    /**
     * One expense line.
     *
     * @param kind              DOMAIN Appendix B ExpenseKind, e.g. {@code ADVERTISING}, {@code RENEWAL}
     * @param amount            claimed amount in {@code currency}, at most 2 decimals
     * @param paymentDate       the date on the payment document: value date if shown, else transaction date
     *                          (Art. 36(4))
     * @param documentIssueDate issue date of the registration certificate / certificate (Art. 34(4))
     * @param persons           persons the amount covers (representatives caps, per-person-day caps)
     * @param nights            nights of accommodation the amount covers (150 USD per person per day)
     * @param days              event days the amount covers (Art. 14(4): at most 5)
     * @param areaM2            area of the info-stand / show area (Art. 32(5))
     * @param totalRentedAreaM2 total organisation area rented to participants (Art. 32(5): show area ≤ 15 %)
     * @param travelClass       ECONOMY, BUSINESS, FIRST (economy-class caps)
     * @param economyFareAmount economy fare for the same route and date, in {@code currency} (DOMAIN A-15)
     * @param capKey            the document / game or app a support-amount cap is counted per (7(3), 15(2))
     * @param capUsedUsd        support already received under that cap in earlier claims (claim history)
     * @param countries         countries a transport line covers (two-fair trip, Art. 33(3), A-25(c))
     * @param patientEntryDate  patient's entry into Türkiye (13(2))
     * @param patientRegistrationDate patient's registration at the facility (13(2), 34(2))
     * @param reportPublicationDate publication date of a purchased report (6(2))
     * @param departureDate     outbound travel date (31(2), 31(3))
     * @param returnDate        return travel date (31(2), 31(3))
     * @param socialOrSearchAd  social-network or search-engine ad payment (36(2))
     * @param eTicketIssueDate  e-ticket issue date (36(3))
     * @param turkishOrTurkeyDirectedMedia mass-media promotion in Turkish and/or aimed at Türkiye (8(3): excluded)
     * @param paidToPartner     interpreter fee paid to a partner of the health facility (12(3): excluded)
     * @param invoiceNotLinkable agency commission whose invoice does not identify the activity claimed (11(2):
     *                          INVOICE_NOT_LINKABLE)
     * @param notOwnAccount     game/app commission for an app the applicant does not market in its own name or has no
     *                          account for on the platform (17(2): NOT_OWN_ACCOUNT)
     * @param rentFrom          first month a rent payment covers (9(5): prepaid rent is paid out per 6 months)
     * @param rentMonths        number of months that rent payment covers
     * @param capUsed           the deck's programmes: support already received under the line's cap, in the
     *                          programme's currency, over the cap's period (interpretation YLDA_CAP_PERIOD: the
     *                          network's whole support, or the same support year); {@code capKey} names the network
     * @param dayAmounts        the line's amount per event day, in event order, in {@code currency}; they add up to
     *                          {@code amount} and there is one per day of {@code days}. Only the Art. 14(4) 5-day
     *                          cap (C_DAYS_5) reads them, when the event is longer: the first 5 entries count
     *                          (interpretation A17_EVENT_DAYS FIRST_FIVE_DAYS; without them the first 5 days' share
     *                          is pro rata) or the 5 largest (COSTLIEST_FIVE_DAYS; without them the line needs
     *                          MANUAL_REVIEW: the costliest days cannot be told from a total)
     * @param paymentDocument   what the payment document shows (Art. 36(4)-(5)): its dates and payment channel;
     *                          optional, and when given {@code paymentDate} may be left out: it is then the
     *                          document's value date if shown, else its transaction date
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expense(String id, String kind,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                          String currency, LocalDate paymentDate, LocalDate documentIssueDate,
                          Integer persons, Integer nights, Integer days,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal areaM2,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalRentedAreaM2,
                          String travelClass,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal economyFareAmount,
                          String capKey,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal capUsedUsd,
                          List<String> countries, LocalDate patientEntryDate, LocalDate patientRegistrationDate,
                          LocalDate reportPublicationDate, LocalDate departureDate, LocalDate returnDate,
                          Boolean socialOrSearchAd,
                          @com.fasterxml.jackson.annotation.JsonProperty("eTicketIssueDate") LocalDate eTicketIssueDate,
                          Boolean turkishOrTurkeyDirectedMedia, Boolean paidToPartner,
                          YearMonth rentFrom, Integer rentMonths,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal capUsed,
                          List<BigDecimal> dayAmounts, PaymentDocument paymentDocument, Boolean invoiceNotLinkable,
                          Boolean notOwnAccount) {

        public Expense {
            if (paymentDate == null && paymentDocument != null) {
                paymentDate = paymentDocument.countingDate(); // Art. 36(4); a mismatch is checked by the quote
            }
        }

        /** The shape before {@code dayAmounts}, {@code paymentDocument} and the 11(2) / 17(2) flags. */
        public Expense(String id, String kind, BigDecimal amount, String currency, LocalDate paymentDate,
                       LocalDate documentIssueDate, Integer persons, Integer nights, Integer days, BigDecimal areaM2,
                       BigDecimal totalRentedAreaM2, String travelClass, BigDecimal economyFareAmount, String capKey,
                       BigDecimal capUsedUsd, List<String> countries, LocalDate patientEntryDate,
                       LocalDate patientRegistrationDate, LocalDate reportPublicationDate, LocalDate departureDate,
                       LocalDate returnDate, Boolean socialOrSearchAd, LocalDate eTicketIssueDate,
                       Boolean turkishOrTurkeyDirectedMedia, Boolean paidToPartner, YearMonth rentFrom,
                       Integer rentMonths, BigDecimal capUsed) {
            this(id, kind, amount, currency, paymentDate, documentIssueDate, persons, nights, days, areaM2,
                    totalRentedAreaM2, travelClass, economyFareAmount, capKey, capUsedUsd, countries, patientEntryDate,
                    patientRegistrationDate, reportPublicationDate, departureDate, returnDate, socialOrSearchAd,
                    eTicketIssueDate, turkishOrTurkeyDirectedMedia, paidToPartner, rentFrom, rentMonths, capUsed, null,
                    null, null, null);
        }

        /** Convenience for the common case without a document date. */
        public Expense(String id, String kind, BigDecimal amount, String currency, LocalDate paymentDate) {
            this(id, kind, amount, currency, paymentDate, null);
        }

        /** The first version's shape. */
        public Expense(String id, String kind, BigDecimal amount, String currency, LocalDate paymentDate,
                       LocalDate documentIssueDate) {
            this(id, kind, amount, currency, paymentDate, documentIssueDate, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * What a payment document shows (Art. 36(4)-(5)).
     *
     * @param transactionDate    the transaction date (işlem tarihi)
     * @param valueDate          the value date (valör tarihi), when the document shows one: it then counts
     * @param channel            {@code BANK} (default) or {@code NON_BANK}: paid outside the banking system
     * @param country            where a NON_BANK payment was made (ISO 3166-1 alpha-2); required for NON_BANK
     * @param counsellorApproved the commercial counsellor of that country approved the document as valid there
     *                           (Art. 36(5), DOMAIN D8)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentDocument(LocalDate transactionDate, LocalDate valueDate, String channel, String country,
                                  Boolean counsellorApproved) {
        /** Art. 36(4): the value date when the document shows one, else the transaction date. */
        public LocalDate countingDate() {
            return valueDate != null ? valueDate : transactionDate;
        }
    }

    /**
     * A rate supplied by the caller: {@code usdPerUnit} USD for one unit of {@code currency} on {@code date}, from
     * {@code source} (TCMB_INDICATIVE for currencies in the TCMB indicative table, else OANDA — Art. 36(1)).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExchangeRate(String currency, LocalDate date,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usdPerUnit, String source) { }
}
