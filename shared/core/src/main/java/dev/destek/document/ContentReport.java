package dev.destek.document;

import java.util.List;

/**
 * What a {@link ContentInspector} found. {@code pageCount} is set for PDFs that opened; {@code widthPx} and
 * {@code heightPx} for images whose header decoded; any may be null.
 */
public record ContentReport(List<RejectionReason> reasons, Integer pageCount, Integer widthPx, Integer heightPx) {
    public ContentReport {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static ContentReport nothingToReport() {
        return new ContentReport(List.of(), null, null, null);
    }

    public static ContentReport refused(String code, String detail) {
        return new ContentReport(List.of(new RejectionReason(code, detail)), null, null, null);
    }
}
