# One-off generator used to write the Arts. 6-32 catalogue rows (kept for review; the YAML is the source of truth).
import os, textwrap
R = "/work/main/shared/rules/src/main/resources/regulation/"
S5 = ["HEALTH_TOURISM", "IT", "EDUCATION", "FILM", "MANAGEMENT_CONSULTING"]
S4 = ["HEALTH_TOURISM", "IT", "EDUCATION", "FILM"]
S7 = S5 + ["PUBLISHING", "LOGISTICS"]
S32 = ["EDUCATION", "HEALTH", "IT", "FILM", "MANAGEMENT_CONSULTING", "REAL_ESTATE", "MINISTRY_DESIGNATED"]
# id, file, article, form, nameEn, nameTr, route, roles, types, sectors, prior, filing(trigger, article),
# period(months, rule, article), bonus, kinds, excluded(kinds, article), claimAfter(text, article), counts
I = [
 ("PRODUCT_REGISTRATION", None, "Art. 4", "EK-4", None, None, "KEP_RB", ["BENEFICIARY"], None, S5, None, None, None,
  ["R_EK1_10", "R_EK2_10"], ["REGISTRATION", "CONSULTANCY", "APPLICATION_REVIEW", "RENEWAL"], None,
  ("registration is completed", "Art. 4(1)"), []),
 ("BRAND_REGISTRATION_PROTECTION", None, "Art. 5", "EK-5", None, None, "DP_GD", ["BENEFICIARY"], None, S5, None, None, None,
  ["R_EK1_10", "R_EK2_10"], ["REGISTRATION", "CONSULTANCY", "APPLICATION_REVIEW", "PROTECTION_LEGAL", "RENEWAL"], None,
  ("registration and protection are completed", "Art. 5(1)"), []),
 ("MARKET_REPORT", "market_report", "Art. 6", "EK-6", "Reports and consultancy for acquiring foreign companies",
  "Rapor ve yurtdışı şirket alımına yönelik danışmanlık desteği", "KEP_RB", ["BENEFICIARY"], None, S4,
  ("PRE_APPROVAL", "EK-6A", None, "T01", "Art. 6(1)"), ("PAYMENT_DATE", "Art. 34(1)"), None, [],
  ["REPORT", "CONSULTANCY"], None, ("the report or consultancy has been received", "Art. 6(3)"),
  [("T24", "report age", "<= 2 years from publication", "Art. 6(2)")]),
 ("CERTIFICATION", None, "Art. 7", "EK-7", None, None, "KEP_RB", ["BENEFICIARY"], None, S4, None, None, None, [],
  ["APPLICATION_REVIEW", "AUDIT", "CERT_USAGE_FEE", "MANDATORY_REGISTRATION_FEE", "CONSULTANCY", "TRAINING",
   "SURVEILLANCE", "RENEWAL", "TEST_ANALYSIS"], None, ("the document has been obtained", "Art. 7(1)"), []),
 ("ADVERTISING", None, "Art. 8", "EK-8", None, None, "KEP_RB", ["BENEFICIARY"], None, S5, None, None,
  (48, "T19", "Art. 8(5)"), ["R_EK1_10", "R_EK2_10"], ["ADVERTISING", "PROMOTION", "PRINTED_MATERIAL", "WEBSITE"], None,
  ("the activity is completed", "Art. 8(1)"), []),
 ("FOREIGN_OFFICE", None, "Art. 9", "EK-9", None, None, "DP_GD", ["BENEFICIARY"], None, S5, None, None,
  (48, "T19", "Art. 9(10)"), ["R_EK1_10", "R_EK2_10"], ["RENT", "COMMISSION"], None,
  ("the rent and commission payments are made", "Art. 9(1)"), []),
 ("CONSULTANCY", "consultancy", "Art. 10", "EK-10", "Consultancy", "Danışmanlık desteği", "DP_GD", ["BENEFICIARY"], None, S4,
  ("PRE_APPROVAL", "EK-10A", None, "T02", "Art. 10(1)"), ("PAYMENT_DATE", "Art. 34(1)"), None, [], ["CONSULTANCY"], None,
  ("the consultancy has been performed", "Art. 10(2)"), []),
 ("AGENCY_COMMISSION", "agency_commission", "Art. 11", "EK-11", "Agency commission", "Acenta komisyon desteği", "KEP_RB",
  ["BENEFICIARY"], None, S4, None, ("PAYMENT_DATE", "Art. 34(1)"), (48, "T19", "Art. 11(3)"), [], ["COMMISSION"], None,
  ("the activity has been performed", "Art. 11(1)"), []),
 ("INTERPRETER", "interpreter", "Art. 12", "EK-12", "Interpreter services", "Tercümanlık desteği", "KEP_RB",
  ["HEALTH_FACILITY"], None, None, None, ("PAYMENT_DATE", "Art. 34(1)"), (48, "T19", "Art. 12(4)"), [], ["INTERPRETATION"],
  None, None, [("T25", "claim period", ">= 3 months per claim", "Art. 12(1)")]),
 ("PATIENT_TRAVEL", "patient_travel", "Art. 13", "EK-13", "Patient travel", "Hasta yol desteği", "DP_GD",
  ["HEALTH_FACILITY", "AIRLINE"], None, None, ("PROTOCOL", "EK-13B", None, None, "Art. 13(3)"),
  ("PATIENT_REGISTRATION", "Art. 34(2)"), (48, "T19", "Art. 13(4)"), [], ["TRANSPORT"], None,
  ("the protocol with the General Directorate has been signed", "Art. 13(3)"),
  [("T27", "patient admission", "<= 7 days after entry into Türkiye", "Art. 13(2)")]),
 ("DOMESTIC_PROMOTION", "domestic_promotion", "Art. 14", "EK-14", "Domestic promotion and training aimed abroad",
  "Yurtiçi tanıtım/eğitim desteği", "GD", ["HEALTH_FACILITY", "EDUCATION_INSTITUTION"], None, None,
  ("PRE_NOTIFICATION", "EK-14A", None, "T03", "Art. 14(1)"), ("PAYMENT_DATE", "Art. 34(1)"), None, [],
  ["TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION", "ORGANISATION", "PR_CONSULTANCY", "PRINTED_MATERIAL"],
  None, ("the event is completed", "Art. 14(2)"), [("T23", "event days", "<= 5 days for 14(3)(b),(c),(ç)", "Art. 14(4)")]),
 ("GAME_APP_MARKET_ENTRY", "game_app_market_entry", "Art. 15", "EK-15", "Computer game / mobile app market entry",
  "Bilgisayar oyunu/mobil uygulama pazara giriş desteği", "KEP_RB", ["BENEFICIARY"], ["IT_COMPANY"], None, None,
  ("PAYMENT_DATE", "Art. 34(1)"), None, [], ["LOCALISATION", "DVD", "DUPLICATION", "HOSTING", "ADVERTISING", "WEBSITE"], None,
  ("the game/app is offered to international consumers", "Art. 15(1)"), []),
 ("FILM_MARKETING", "film_marketing", "Art. 16", "EK-16", "Film foreign marketing", "Film yurtdışı pazarlama desteği",
  "KEP_RB", ["BENEFICIARY"], ["FILM_DISTRIBUTOR", "FILM_PRODUCER"], None, None, ("PAYMENT_DATE", "Art. 34(1)"), None, [],
  ["PERMIT_CLASSIFICATION", "DUBBING_SUBTITLES", "POSTERS", "PRINTED_MATERIAL", "DUPLICATION", "PROMOTION"], None,
  ("the market-entry expenses are incurred", "Art. 16(1)"), []),
 ("GAME_APP_COMMISSION", "game_app_commission", "Art. 17", "EK-17", "Game/app platform commissions",
  "Bilgisayar oyunu/mobil uygulama komisyon desteği", "KEP_RB", ["BENEFICIARY"], ["IT_COMPANY"], None, None,
  ("PAYMENT_DATE", "Art. 34(1)"), None, [], ["COMMISSION"], None, ("the commission expense has arisen", "Art. 17(1)"),
  [("T25", "claim period", ">= 3 months per claim", "Art. 17(1)")]),
 ("GAME_APP_DEVELOPMENT", "game_app_development", "Art. 18", "EK-18", "Game/app development",
  "Bilgisayar oyunu/mobil uygulama geliştirme desteği", "KEP_RB", ["BENEFICIARY"], ["IT_COMPANY"], None,
  ("PRE_APPROVAL", "EK-18A", None, "T04", "Art. 18(1)"), ("PAYMENT_DATE", "Art. 34(1)"), (48, "T19", "Art. 18(3)"), [],
  ["LICENCE", "SALARY"], None, ("the game/app is prepared and offered to international consumers", "Art. 18(2)"), []),
 ("FILM_STUDIO", "film_studio", "Art. 19", "EK-19", "Film set/studio use", "Film platosu/stüdyosu kullanım gideri desteği",
  "KEP_RB", ["BENEFICIARY"], ["FILM_STUDIO_OPERATOR"], None, None, ("PAYMENT_DATE", "Art. 34(1)"), None, [], ["RENT"], None,
  ("the rent payments are made", "Art. 19(1)"), []),
 ("FILM_ADVERTISING", "film_advertising", "Art. 20", "EK-20", "Advertising placed in films", "Filmlere verilen reklam desteği",
  "KEP_RB", ["BENEFICIARY"], ["ADVERTISER"], None, None, ("FILM_RELEASE", "Art. 34(2)"), None, [], ["ADVERTISING"], None,
  ("the film is released abroad or offered for sale", "Art. 20(1)"), []),
 ("TRADE_DELEGATION", "trade_delegation", "Art. 21", "EK-21E", "Trade and purchasing delegations",
  "Ticaret heyeti/alım heyeti desteği", "KEP_RB", ["COOPERATION_ORGANISATION"], None, S7,
  ("PRE_APPROVAL", "EK-21", "P2M", "T05", "Art. 21(1)"), ("ACTIVITY_END", "Art. 34(2)"), None, [],
  ["TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION", "ORGANISATION", "PROMOTION", "PR_CONSULTANCY",
   "PRINTED_MATERIAL", "FAIR_REGISTRATION", "ADVANCE_DELEGATION"], None, ("the programme has taken place", "Art. 21(3)"),
  [("T22", "programme days", "<= 10 days excluding travel", "Art. 21(1)"), ("T40", "delegations per year", "<= 10 trade + <= 10 purchasing", "Art. 21(5)"),
   ("N_MIN_PARTICIPANTS_8", "participating beneficiaries", ">= 8 (trade, not Ministry-organised)", "Art. 21(6)")]),
 ("HISER_PROJECT", "hiser_project", "Art. 22", "EK-22", "HİSER project approval", "HİSER projesi onay başvurusu", "KEP_RB",
  ["COOPERATION_ORGANISATION"], None, None, ("APPROVAL", "EK-22", "P2M", "T08", "Art. 22(1)"), None, (36, "T21", "Art. 22(3)"),
  [], [], None, ("written approval notice (project start)", "Art. 22(3)"), []),
 ("HISER_NEEDS_ANALYSIS", "hiser_needs_analysis", "Art. 23", "EK-27", "HİSER needs analysis", "İhtiyaç analizi faaliyeti",
  "KEP_RB", ["COOPERATION_ORGANISATION"], None, None, ("APPROVAL", "EK-23", None, None, "Art. 23(2)"),
  ("ACTIVITY_END", "Art. 34(2) via Art. 27(1)"), (36, "T21", "Art. 22(3)"), [], ["REPORT", "ORGANISATION", "INTERPRETATION", "PRINTED_MATERIAL"],
  None, ("project approval", "Art. 23(2)"), [("N_QUOTES", "quotes", ">= 2 in EK-2 provinces, >= 3 elsewhere", "Art. 23(3)")]),
 ("HISER_TRAINING_CONSULTANCY", "hiser_training_consultancy", "Art. 24", "EK-27", "HİSER training and consultancy",
  "Eğitim ve danışmanlık faaliyeti", "KEP_RB", ["COOPERATION_ORGANISATION"], None, None,
  ("APPROVAL", "EK-24/EK-24B", "P15D", "T09", "Art. 24(1)"), ("ACTIVITY_END", "Art. 34(2) via Art. 27(1)"), (36, "T21", "Art. 22(3)"), [],
  ["TRAINING", "CONSULTANCY", "ORGANISATION", "INTERPRETATION", "PRINTED_MATERIAL"], None,
  ("the needs analysis has been carried out", "Art. 24(1)"), [("N_QUOTES", "quotes", ">= 2 in EK-2 provinces, >= 3 elsewhere", "Art. 24(2)")]),
 ("HISER_EMPLOYMENT", "hiser_employment", "Art. 25", "EK-27", "HİSER employment of expert staff", "İstihdam desteği", "KEP_RB",
  ["COOPERATION_ORGANISATION"], None, None, ("APPROVAL", "EK-25", None, None, "Art. 25(1)"),
  ("ACTIVITY_END", "Art. 34(2) via Art. 27(1)"), (36, "T21", "Art. 22(3)"), [], ["SALARY"], None, None,
  [("N_EXPERTS_2", "expert staff", "<= 2 first-time hires", "Art. 25(1),(3)"), ("T26", "claim period", "every 3 months", "Art. 27(1)"),
   ("T39", "language exam", "within the last 2 years", "Art. 25(2)")]),
 ("HISER_MARKETING", "hiser_marketing", "Art. 26", "EK-27", "HİSER foreign / domestic marketing",
  "Yurtdışı/yurtiçi pazarlama faaliyeti", "KEP_RB", ["COOPERATION_ORGANISATION"], None, None,
  ("APPROVAL", "EK-26", "P30D", "T10", "Art. 26(1)"), ("ACTIVITY_END", "Art. 34(2) via Art. 27(1)"), (36, "T21", "Art. 22(3)"), [],
  ["TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION", "ORGANISATION", "PROMOTION", "PR_CONSULTANCY",
   "PRINTED_MATERIAL", "FAIR_REGISTRATION", "ADVANCE_DELEGATION"], None, None,
  [("N_MIN_PARTICIPANTS_6", "participating beneficiaries", ">= 6 (foreign marketing)", "Art. 26(3)")]),
 ("HISER_PAYMENT", "hiser_payment", "Art. 27", "EK-27", "HİSER support-payment claims and changes", "Destek ödemeleri",
  "KEP_RB", ["COOPERATION_ORGANISATION"], None, None, None, ("ACTIVITY_END", "Art. 34(2)"), (36, "T21", "Art. 22(3)"), [],
  ["REPORT", "TRAINING", "CONSULTANCY", "SALARY", "TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION",
   "ORGANISATION", "PROMOTION", "PR_CONSULTANCY", "PRINTED_MATERIAL", "FAIR_REGISTRATION", "ADVANCE_DELEGATION"], None,
  ("each activity", "Art. 27(1)"), []),
 ("HISER_MONITORING", "hiser_monitoring", "Art. 28", "EK-28", "HİSER final report and evaluation",
  "HİSER projesi sonuç raporu", "KEP_RB", ["COOPERATION_ORGANISATION"], None, None, None, None, None, [], [], None,
  ("the project end date", "Art. 28(1)"), []),
 ("COOP_MARKET_REPORT", "coop_market_report", "Art. 29(1)", "EK-6", "Cooperation organisation reports",
  "İşbirliği kuruluşu rapor desteği", "KEP_RB", ["COOPERATION_ORGANISATION"], None, S7,
  ("PRE_APPROVAL", "EK-6A", None, "T01", "Art. 29(1), 6(1)"), ("PAYMENT_DATE", "Art. 34(1)"), None, [], ["REPORT", "CONSULTANCY"],
  None, ("the report has been received", "Art. 29(1), 6(3)"), []),
 ("COOP_ADVERTISING", "coop_advertising", "Art. 29(1)", "EK-8", "Cooperation organisation advertising abroad",
  "İşbirliği kuruluşu reklam, tanıtım ve pazarlama desteği", "KEP_RB", ["COOPERATION_ORGANISATION"], None, S7, None,
  ("PAYMENT_DATE", "Art. 34(1)"), None, ["R_EK1_10"], ["ADVERTISING", "PROMOTION", "PRINTED_MATERIAL", "WEBSITE"], None,
  ("the activity is completed", "Art. 29(1), 8(1)"), [("T20", "support period", "no 48-month limit", "Art. 29(1)")]),
 ("COOP_DOMESTIC_PROMOTION", "coop_domestic_promotion", "Art. 29(1)", "EK-14", "Cooperation organisation domestic promotion",
  "İşbirliği kuruluşu yurtiçi tanıtım desteği", "GD", ["COOPERATION_ORGANISATION"], None, S7,
  ("PRE_NOTIFICATION", "EK-14A", None, "T03", "Art. 29(1), 14(1)"), ("PAYMENT_DATE", "Art. 34(1)"), None, [],
  ["TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION", "ORGANISATION", "PR_CONSULTANCY", "PRINTED_MATERIAL"], None,
  ("the event is completed", "Art. 29(1), 14(2)"), []),
 ("COOP_FOREIGN_OFFICE", "coop_foreign_office", "Art. 29(2)", "EK-9", "Cooperation organisation foreign unit",
  "İşbirliği kuruluşu yurtdışı birim desteği", "DP_GD", ["COOPERATION_ORGANISATION"], None, S7, None,
  ("PAYMENT_DATE", "Art. 34(3)"), (48, "T19", "Art. 29(2), 9(10)"), ["R_EK1_10"], ["RENT", "COMMISSION", "CONSULTANCY"], None,
  ("the rent and commission payments are made", "Art. 29(2), 9(1)"), []),
 ("COMPETITION_EVENT", "competition_event", "Art. 30", "EK-30", "Service-sector competitions and events",
  "Hizmet sektörleri yarışma/etkinlik desteği", "KEP_RB", ["TIM", "EXPORTERS_ASSOCIATION"], None, None,
  ("PRE_APPROVAL", "EK-30A", "P1M", "T17", "Art. 30(1)"), ("ACTIVITY_END", "Art. 34(2)"), None, [],
  ["TRANSPORT", "TRANSFER", "ACCOMMODATION", "INTERPRETATION", "ORGANISATION", "PROMOTION", "PR_CONSULTANCY", "PRINTED_MATERIAL"],
  None, ("the competition/event has taken place", "Art. 30(3)"), []),
 ("INDIVIDUAL_FAIR_PARTICIPATION", "individual_fair_participation", "Art. 31", "EK-31", "Individual participation in events abroad",
  "Bireysel katılım desteği", "KEP_RB", ["BENEFICIARY", "COOPERATION_ORGANISATION"], None, S7, None, ("ACTIVITY_END", "Art. 34(2)"),
  None, ["R_EK1_FAIR_20"], ["PARTICIPATION", "TRANSPORT"], None, ("the event has taken place", "Art. 31(1)"),
  [("T28", "outbound travel", ">= fair start - 5 days", "Art. 31(2)"), ("T29", "return travel", "<= fair end + 5 days", "Art. 31(2)")]),
 ("NATIONAL_PARTICIPATION", "national_participation", "Art. 32", "EK-32F / EK-32", "National participation organisations",
  "Milli katılım organizasyonu desteği", "KEP_RB", ["COOPERATION_ORGANISATION", "ORGANISER", "BENEFICIARY"], None, S32,
  ("PRE_APPROVAL", "EK-32C", "P1M", "T18", "Art. 32(1)"), ("ACTIVITY_END", "Art. 34(2)"), None, ["R_EK1_FAIR_20"],
  ["ADVERTISING", "PROMOTION", "INFO_STAND", "SHOW_AREA", "PARTICIPATION", "TRANSPORT"], None,
  ("the organisation has taken place", "Art. 32(3)"), []),
]
assert len(I) == 32, len(I)
def q(s): return '"' + s.replace('"', '\\"') + '"'
def fl(xs): return "[" + ", ".join(xs) + "]"
prof, elig, filing, rates, checks, index_items, index_checks = [], [], [], [], [], [], []
new_forms = {}
for (id_, f, art, form, en, tr, route, roles, types, sectors, prior, fil, period, bonus, kinds, excl, after, counts) in I:
    base_ref = art.split(",")[0] + "(1)" if "(" not in art else art
    if f:
        open(R + "support_items/" + f + ".yaml", "w").write(textwrap.dedent(f"""\
        id: {id_}
        description: {en} (support item)
        reference: {art}
        unit: support-item
        values:
          2015-06-02:
            value:
              article: {art}
              claimForm: {form}
              nameEn: {q(en)}
              nameTr: {q(tr)}
            reference: {base_ref}; in force with Decree 2015/8 (Art. 2(1))
        """))
        index_items.append("support_items/" + f + ".yaml")
        forms = [x.strip().replace("-", "_") for x in form.split("/")]
        lines = [f"      - {{documentType: {fm}, article: {q(base_ref)}, required: true}}" for fm in forms]
        for fm in forms: new_forms[fm] = base_ref
        if kinds:
            lines.append(f"      - {{documentType: INVOICE, article: {q(base_ref)}, required: true}}")
            lines.append(f"      - {{documentType: PAYMENT_DOC, article: \"{base_ref}, 36(4)\", required: true}}")
        if prior and prior[0] in ("PRE_APPROVAL", "APPROVAL"):
            lines.append(f"      - {{documentType: PRE_APPROVAL_NOTICE, article: {q(prior[4])}, required: true}}")
        if prior and prior[0] == "PRE_NOTIFICATION":
            lines.append(f"      - {{documentType: PRE_NOTIFICATION_RECEIPT, article: {q(prior[4])}, required: true}}")
        if prior and prior[0] == "PROTOCOL":
            lines.append(f"      - {{documentType: PROTOCOL, article: {q(prior[4])}, required: true}}")
            lines.append(f"      - {{documentType: E_TICKET, article: \"Art. 36(3)\", required: true}}")
        if id_ in ("FOREIGN_OFFICE", "COOP_FOREIGN_OFFICE"):
            lines.append(f"      - {{documentType: LEASE, article: \"Art. 9(3)\", required: true}}")
        if id_ in ("HISER_NEEDS_ANALYSIS", "HISER_TRAINING_CONSULTANCY"):
            lines.append(f"      - {{documentType: QUOTES, article: {q(counts[0][3])}, required: true}}")
        if id_ == "FILM_ADVERTISING":
            lines.append(f"      - {{documentType: CONTRACT, article: \"Art. 20(2)\", required: true, descriptionEn: \"Producer's contracts with advertising companies (sent by the producer)\"}}")
        if id_ == "HISER_MONITORING":
            lines.append(f"      - {{documentType: EVALUATION_FORMS, article: \"Art. 28(2)\", required: false}}")
        lines.append("      - {documentType: EK_3, article: Art. 34(6), onceOnly: true}")
        open(R + "checklists/" + f + ".yaml", "w").write(
            f"description: Documents filed with a {en} claim ({form})\nreference: {art}, 34(6)\nunit: checklist\nvalues:\n  2015-06-02:\n    value:\n"
            + "\n".join(lines) + "\n")
        index_checks.append(f"  {id_}: checklists/{f}.yaml")
        e = f"{{roles: {fl(roles)}" + (f", types: {fl(types)}" if types else "") + (f", sectors: {fl(sectors)}" if sectors else "") + "}"
        elig.append(f"  {id_}:\n    values:\n      2015-06-02:\n        value: {e}\n        reference: {q(base_ref)}")
        if fil:
            filing.append(f"  {id_}:\n    values:\n      2015-06-02:\n        value: {{trigger: {fil[0]}, period: P1Y}}\n        reference: {q(fil[1])}")
            rates.append(f"  {id_}:\n    - {{from: 2015-06-02, value: 0.50, note: \"DEFAULT placeholder — Decree 2015/8 rate not in the sources\"}}")
    # profile for every item
    p = [f"  {id_}:", "    values:", "      2015-06-02:", "        value:", f"          route: {route}"]
    if prior:
        p.append(f"          prior: {{kind: {prior[0]}, form: {q(prior[1])}, leadTime: {prior[2] or 'null'}, rule: {prior[3] or 'null'}, article: {q(prior[4])}}}")
    if after: p.append(f"          claimAfter: {{event: {q(after[0])}, article: {q(after[1])}}}")
    if period: p.append(f"          supportPeriod: {{months: {period[0]}, rule: {period[1]}, article: {q(period[2])}}}")
    p.append(f"          bonusRules: {fl(bonus)}")
    p.append(f"          expenseKinds: {fl(kinds)}")
    if counts:
        p.append("          limits:")
        for c in counts: p.append(f"            - {{id: {c[0]}, what: {q(c[1])}, limit: {q(c[2])}, article: {q(c[3])}}}")
    p.append(f"        reference: {q(art)}")
    prof.append("\n".join(p))
open(R + "items/item_profiles.yaml" if os.path.isdir(R + "items") else (os.makedirs(R + "items") or R + "items/item_profiles.yaml"), "w").write(
    "description: Per item — filing route, prior step (pre-approval / pre-notification / protocol / approval) with its\n"
    "  lead time, the event after which the claim may be filed, support period, Art. 33 bonus rules, eligible expense\n"
    "  kinds and counted limits (DOMAIN §3, §4.2, §9)\nreference: Arts. 4-32\nunit: item-profile\n"
    "# route: KEP_RB (KEP to the reviewing body), DP_GD (directly or by post to the GD), GD (channel not stated).\n"
    "# Art. 30: 30(3) says DP_GD, the stray '(3)' inside Art. 29 and 34(2) say KEP_RB; KEP_RB is used (DOMAIN A-01).\n"
    "items:\n" + "\n".join(prof) + "\n")
open("/tmp/gen_elig.yaml", "w").write("\n".join(elig) + "\n")
open("/tmp/gen_filing.yaml", "w").write("\n".join(filing) + "\n")
open("/tmp/gen_rates.yaml", "w").write("\n".join(rates) + "\n")
open("/tmp/gen_index_items.txt", "w").write("\n".join("  - " + x for x in index_items) + "\n")
open("/tmp/gen_index_checks.txt", "w").write("\n".join(index_checks) + "\n")
open("/tmp/gen_forms.txt", "w").write("\n".join(f"{k} {v}" for k, v in new_forms.items()) + "\n")
