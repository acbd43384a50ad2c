package dev.destek.claims;

import dev.destek.claim.PaymentOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable payment order: the same numbers as the JSON, each with the article it comes from. Standard 14 fonts
 * only (no font files in the jar), so text is limited to WinAnsi; anything else is written as '?'.
 */
final class PaymentOrderPdf {
    private static final float MARGIN = 50;
    private static final float LEADING = 14;

    private PaymentOrderPdf() { }

    static byte[] render(PaymentOrder o) {
        List<String> lines = new ArrayList<>();
        lines.add("Claim " + o.claimId() + " - application " + o.applicationId() + " - " + o.supportItem());
        lines.add("Company " + o.companyId() + "; ordered " + o.orderedAt() + " by " + o.orderedBy());
        lines.add("");
        lines.add("Support per line (USD, rules " + o.rulesVersion() + "):");
        for (PaymentOrder.LineSupport l : o.lines()) {
            lines.add("  " + l.lineId() + " " + l.kind() + ": claimed " + plain(l.claimed()) + " " + l.currency()
                    + " -> support " + plain(l.supportUsd()) + " USD");
        }
        lines.add("Entitlement: " + plain(o.entitlementUsd()) + " USD");
        if (o.conversion() != null) {
            lines.add("Converted at " + o.conversion().usdPerUnit().toPlainString() + " USD per " + o.payoutCurrency()
                    + " of " + o.conversion().date() + " (" + o.conversion().source() + "): " + plain(o.entitlement())
                    + " " + o.payoutCurrency());
        }
        lines.add("");
        String cur = " " + o.payoutCurrency();
        lines.add("Debts as of " + o.debtsAsOf() + " - offset " + o.offset().rule() + " (" + o.offset().article()
                + "):");
        lines.add("  to the tax authority:           " + plain(o.offset().toTaxAuthority()) + cur);
        lines.add("  to the social security inst.:   " + plain(o.offset().toSocialSecurity()) + cur);
        lines.add("  to the applicant:               " + plain(o.offset().toApplicant()) + cur);
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
                text.setFont(bold, 14);
                text.showText("Payment order / Odeme talimati (Art. 35)");
                text.setFont(regular, 10);
                text.setLeading(LEADING);
                text.newLine();
                for (String line : lines) {
                    text.newLine();
                    text.showText(winAnsi(line));
                }
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("payment order PDF", e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.toPlainString();
    }

    private static String winAnsi(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }
}
