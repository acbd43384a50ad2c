package dev.destek.application;

import dev.destek.application.Checklist.Evidence;
import dev.destek.application.Checklist.Finding;
import dev.destek.application.Checklist.Line;
import dev.destek.application.Checklist.LineStatus;
import dev.destek.application.Checklist.NextStep;
import dev.destek.document.Document;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentRef;
import dev.destek.document.DocumentStatus;
import dev.destek.rules.ChecklistEntry;
import dev.destek.rules.DocumentRules;
import dev.destek.rules.DocumentRules.CounsellorRule;
import dev.destek.vault.CompanyVault;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges an application's documents against its checklist and the document rules of DOMAIN §6, whose parameters
 * (thresholds, ages, which documents need what, each with its article) come from the rules data in force.
 */
final class ChecklistJudge {
    private final Function<DocumentRef, Optional<Document>> originals;
    private final DocumentRules rules;

    /**
     * @param originals finds an earlier document of the same company (the original of a duplicate)
     * @param rules     the document rules in force on the day judged
     */
    ChecklistJudge(Function<DocumentRef, Optional<Document>> originals, DocumentRules rules) {
        this.originals = originals;
        this.rules = rules;
    }

    /** @param vault the company's basic documents on file (Art. 34(6)), reused by every application */
    Checklist judge(Application application, List<Document> documents, CompanyVault vault, LocalDate asOf) {
        List<Line> lines = new ArrayList<>();
        List<Checklist.Missing> missing = new ArrayList<>();
        for (ChecklistEntry entry : application.checklist()) {
            Line line = line(application.supportItem(), entry, documents, vault, asOf);
            lines.add(line);
            if (line.required() && line.documents().stream().noneMatch(Evidence::counts)) {
                missing.add(new Checklist.Missing(entry.documentType(), entry.article()));
            }
        }
        boolean complete = lines.stream().allMatch(l -> l.status() == LineStatus.SATISFIED
                || !l.required() && l.status() != LineStatus.ACTION_NEEDED);
        return new Checklist(application.id(), application.supportItem(),
                complete ? Checklist.Status.COMPLETE : Checklist.Status.INCOMPLETE, asOf, lines, missing);
    }

    private Line line(String supportItem, ChecklistEntry entry, List<Document> documents, CompanyVault vault,
                      LocalDate asOf) {
        List<Evidence> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Document d : documents) {
            if (!entry.documentType().equals(d.documentType())) {
                continue;
            }
            DocumentRef original = d.facts() == null ? null : d.facts().duplicateOf();
            boolean counts = d.status() == DocumentStatus.ACCEPTED
                    || d.status() == DocumentStatus.DUPLICATE && original != null && originals.apply(original)
                            .filter(o -> o.status() == DocumentStatus.ACCEPTED)
                            .filter(o -> d.documentType().equals(o.documentType())).isPresent();
            evidence.add(new Evidence(d.id(), d.fileName(), d.status(), d.reasons(), counts, original, false));
            if (counts) {
                findings.addAll(findings(supportItem, entry, d));
            }
        }
        // Art. 34(6): a once-only document is asked for until the company has one on file, and again once it expired
        boolean onceOnly = rules.onceOnlyDocumentTypes().contains(entry.documentType());
        if (onceOnly && evidence.stream().noneMatch(Evidence::counts)) {
            vault.onFile(entry.documentType(), asOf).ifPresent(onFile -> {
                Document v = onFile.document();
                boolean current = onFile.state() == CompanyVault.State.CURRENT;
                evidence.add(new Evidence(v.id(), v.fileName(), v.status(), v.reasons(), current, null, true));
                if (!current) {
                    findings.add(vaultExpired(entry, v));
                }
            });
        }
        boolean required = entry.required() || onceOnly;
        LineStatus status = status(required, evidence, findings);
        return new Line(entry.documentType(), entry.article(), entry.descriptionEn(), entry.descriptionTr(),
                required, status, evidence, findings, nextStep(entry, status, findings, onceOnly));
    }

    private static LineStatus status(boolean required, List<Evidence> evidence, List<Finding> findings) {
        if (evidence.stream().anyMatch(Evidence::counts)) {
            return findings.isEmpty() ? LineStatus.SATISFIED : LineStatus.ACTION_NEEDED;
        }
        if (!findings.isEmpty()) {
            // only an expired vault document has findings without counting: renew it
            return LineStatus.ACTION_NEEDED;
        }
        if (evidence.stream().anyMatch(e -> e.status() == DocumentStatus.PENDING_UPLOAD)) {
            return LineStatus.AWAITING_UPLOAD;
        }
        if (!evidence.isEmpty()) {
            return LineStatus.REJECTED;
        }
        return required ? LineStatus.MISSING : LineStatus.NOT_PROVIDED;
    }

    /** Art. 34(6): information and documents that are outdated must be renewed. */
    private Finding vaultExpired(ChecklistEntry entry, Document v) {
        String article = rules.onceOnlyArticle();
        LocalDate until = v.metadata().validUntil();
        return new Finding(Finding.VAULT_DOCUMENT_EXPIRED, article, v.id(), "validUntil",
                "The " + nameEn(entry) + " on file for your company was valid until " + until + ". Upload a"
                        + " current one to your company's document vault once; every application will use it ("
                        + article + ").",
                "Şirketiniz için kayıtlı belgenin (" + nameTr(entry) + ") geçerliliği " + until + " tarihinde"
                        + " sona erdi. Güncelini bir kez şirket belge kasanıza yükleyin; tüm başvurularınızda"
                        + " kullanılır (" + turkish(article) + ").");
    }

    /**
     * The document rules of DOMAIN §6 that apply to this document of this support item. Messages name the document
     * as the rules data describes it, in each language, never by its code.
     */
    List<Finding> findings(String supportItem, ChecklistEntry entry, Document d) {
        List<Finding> out = new ArrayList<>();
        CounsellorRule rule = rules.counsellorRules().get(supportItem);
        if (rule != null && rule.documentTypes().contains(d.documentType())) {
            counsellor(rule, entry, d).ifPresent(out::add);
        }
        if (rules.reportItems().contains(supportItem) && d.metadata().publishedOn() != null) {
            reportAge(entry, d).ifPresent(out::add);
        }
        return out;
    }

    /**
     * DOMAIN §6.1 D1–D4: a foreign-issued document named by the article needs the counsellor's endorsement; under
     * Art. 8(4) only above the threshold (20,000 USD), never for electronically verifiable search-engine/social-media
     * documents.
     */
    private Optional<Finding> counsellor(CounsellorRule rule, ChecklistEntry entry, Document d) {
        DocumentMetadata m = d.metadata();
        boolean foreign = rule.alwaysForeign().contains(d.documentType()) || Boolean.TRUE.equals(m.issuedAbroad());
        if (!foreign) {
            return m.issuedAbroad() == null ? Optional.of(undeclared(rule.article(), entry, d, "issuedAbroad"))
                    : Optional.empty();
        }
        if (Boolean.TRUE.equals(m.counsellorApproved())) {
            return Optional.empty();
        }
        if (rule.overThresholdOnly()) {
            if (Boolean.TRUE.equals(m.electronicallyVerifiable())) {
                return Optional.empty();
            }
            if (m.amountUsd() == null) {
                return Optional.of(undeclared(rule.article(), entry, d, "amountUsd"));
            }
            if (m.amountUsd().compareTo(rules.counsellorThresholdUsd()) <= 0) {
                return Optional.empty();
            }
        }
        String country = m.issuingCountry();
        return Optional.of(new Finding(Finding.COUNSELLOR_APPROVAL_MISSING, rule.article(), d.id(),
                "counsellorApproved",
                "This document (" + nameEn(entry) + ") was issued abroad, so the commercial counsellor"
                        + (country == null ? " of the country where it was issued" : " in " + country)
                        + " must approve it (" + rule.article() + "). Have it endorsed, then upload the endorsed copy"
                        + " as a new document, declaring the counsellor's approval (counsellorApproved: true).",
                "Bu belge (" + nameTr(entry) + ") yurt dışında düzenlendiği için "
                        + (country == null ? "düzenlendiği ülkedeki" : country + " için yetkili")
                        + " Ticaret Müşavirliğince onaylanmalıdır (" + turkish(rule.article()) + ")."
                        + " Onaylattıktan sonra onaylı suretini, müşavirlik onayını beyan ederek"
                        + " (counsellorApproved: true) yeni belge olarak yükleyin."));
    }

    /** Art. 6(2): the report may be at most two years old, measured at the invoice date (DOMAIN A-05). */
    private Optional<Finding> reportAge(ChecklistEntry entry, Document d) {
        DocumentMetadata m = d.metadata();
        String article = rules.reportAgeArticle();
        int years = rules.reportMaxAge().getYears();
        if (m.issuedOn() == null) {
            return Optional.of(undeclared(article, entry, d, "issuedOn"));
        }
        if (!m.issuedOn().isAfter(m.publishedOn().plus(rules.reportMaxAge()))) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.REPORT_TOO_OLD, article, d.id(), "publishedOn",
                "The report was published on " + m.publishedOn() + " and bought on " + m.issuedOn()
                        + ": more than " + years + " years old, so it cannot be supported (" + article + "). Remove this"
                        + " expense from the claim, or buy a report published at most " + years + " years before.",
                "Rapor " + m.publishedOn() + " tarihinde yayımlanmış, " + m.issuedOn() + " tarihinde satın"
                        + " alınmış: " + years + " yıldan eski olduğu için desteklenemez (" + turkish(article) + ")."
                        + " Bu gideri başvurudan çıkarın veya en fazla " + years + " yıl önce yayımlanmış bir rapor"
                        + " alın."));
    }

    private static Finding undeclared(String article, ChecklistEntry entry, Document d, String field) {
        String[] label = FIELD_LABELS.getOrDefault(field, new String[] {field, field});
        return new Finding(Finding.DECLARATION_MISSING, article, d.id(), field,
                "We cannot check " + article + " for this document (" + nameEn(entry) + ") without its "
                        + label[0] + " (" + field + "). Correct the document's declaration and add it; the file need"
                        + " not be sent again.",
                "Bu belge (" + nameTr(entry) + ") için " + turkish(article) + " kontrolü yapılabilmesi için "
                        + label[1] + " (" + field + ") beyan edilmelidir. Belgenin beyanını düzeltip bu bilgiyi"
                        + " ekleyin; dosyayı yeniden göndermeniz gerekmez.");
    }

    /** Declared fields as people call them, English then Turkish; the JSON name follows in parentheses. */
    private static final java.util.Map<String, String[]> FIELD_LABELS = java.util.Map.of(
            "issuedAbroad", new String[] {"place of issue (abroad or in Türkiye)",
                    "belgenin yurt dışında mı düzenlendiği"},
            "amountUsd", new String[] {"amount in USD", "USD cinsinden tutarı"},
            "issuedOn", new String[] {"issue date", "düzenlenme tarihi"});

    private static String nameEn(ChecklistEntry entry) {
        return entry.descriptionEn() == null ? entry.documentType() : entry.descriptionEn();
    }

    private static String nameTr(ChecklistEntry entry) {
        return entry.descriptionTr() == null ? entry.documentType() : entry.descriptionTr();
    }

    private static NextStep nextStep(ChecklistEntry entry, LineStatus status, List<Finding> findings,
                                     boolean onceOnly) {
        String what = entry.descriptionEn() == null ? entry.documentType() : entry.descriptionEn();
        String ne = entry.descriptionTr() == null ? entry.documentType() : entry.descriptionTr();
        if (onceOnly && status == LineStatus.MISSING) {
            return new NextStep("Bir kez şirket belge kasanıza yükleyin; sonraki tüm başvurularınızda kullanılır: "
                    + ne + " (" + turkish(entry.article()) + ").",
                    "Upload it once to your company's document vault; every later application uses it: " + what
                            + " (" + entry.article() + ").");
        }
        switch (status) {
            case SATISFIED:
                return new NextStep("Yapılacak bir şey yok.", "Nothing to do.");
            case ACTION_NEEDED:
                return new NextStep(String.join(" ", findings.stream().map(Finding::messageTr).toList()),
                        String.join(" ", findings.stream().map(Finding::messageEn).toList()));
            case AWAITING_UPLOAD:
                return new NextStep("Dosyayı size verilen yükleme adresine gönderin; kontrol yüklemeden sonra"
                        + " kendiliğinden yapılır. Adresin süresi dolduysa belgeyi yeniden bildirin.",
                        "Upload the file to the upload address you were given; it is checked automatically"
                                + " afterwards. If the address has expired, declare the document again.");
            case REJECTED:
                return new NextStep("Gönderilen dosya kabul edilmedi. Gerekçelerdeki sorunları giderip düzeltilmiş"
                        + " dosyayı yeni belge olarak yükleyin: " + ne + " (" + turkish(entry.article()) + ").",
                        "The file sent was not accepted: fix what the reasons say and upload the " + what
                                + " as a new document (" + entry.article() + ").");
            case MISSING:
                return new NextStep("Yükleyin: " + ne + " (" + turkish(entry.article()) + ").",
                        "Upload the " + what + " (" + entry.article() + ").");
            default:
                return new NextStep("İsteğe bağlı; varsa yükleyin: " + ne + " (" + turkish(entry.article()) + ").",
                        "Optional; upload it if you have one: " + what + " (" + entry.article() + ").");
        }
    }

    /** "Art. 8(4)" reads "Md. 8(4)" in Turkish. */
    private static String turkish(String article) {
        return article == null ? "" : article.replace("Art.", "Md.");
    }
}
