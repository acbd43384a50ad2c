package dev.destek.document;

/** Why a stored file was refused; {@code code} is stable and machine-readable, {@code detail} is for people. */
public record RejectionReason(String code, String detail) {
    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String SIZE_MISMATCH = "SIZE_MISMATCH";
    public static final String SIZE_LIMIT_EXCEEDED = "SIZE_LIMIT_EXCEEDED";
    public static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";
    public static final String TYPE_NOT_ALLOWED = "TYPE_NOT_ALLOWED";
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";

    /** The bytes start like a PDF but no PDF reader can open them. */
    public static final String PDF_CORRUPT = "PDF_CORRUPT";
    /** The PDF lacks its end-of-file marker: the upload was cut short. */
    public static final String PDF_TRUNCATED = "PDF_TRUNCATED";
    public static final String PDF_NO_PAGES = "PDF_NO_PAGES";
    /** A password is needed to open the PDF, so nobody reviewing the claim could read it. */
    public static final String PDF_PASSWORD_PROTECTED = "PDF_PASSWORD_PROTECTED";
    /** The PDF opens, but its owner password forbids printing (reviewers print evidence for the file). */
    public static final String PDF_PRINTING_RESTRICTED = "PDF_PRINTING_RESTRICTED";
    /** The PDF opens, but its owner password forbids copying text (reviewers quote amounts and dates). */
    public static final String PDF_COPYING_RESTRICTED = "PDF_COPYING_RESTRICTED";

    /** An image whose header cannot be decoded. */
    public static final String IMAGE_CORRUPT = "IMAGE_CORRUPT";
    /** An image whose end marker is missing: the upload was cut short. */
    public static final String IMAGE_TRUNCATED = "IMAGE_TRUNCATED";
    /** More pixels than a viewer can decode safely (a pixel-flood image). */
    public static final String IMAGE_TOO_MANY_PIXELS = "IMAGE_TOO_MANY_PIXELS";

    /** A ZIP container (XLSX, DOCX…) whose directory or entries cannot be read. */
    public static final String ARCHIVE_CORRUPT = "ARCHIVE_CORRUPT";
    /** A ZIP container over the entry-count, expanded-size or compression-ratio limits. */
    public static final String DECOMPRESSION_BOMB = "DECOMPRESSION_BOMB";

    /** A parser failed in a way it should have reported as a finding; the file is kept for a person to look. */
    public static final String CONTENT_UNREADABLE = "CONTENT_UNREADABLE";

    /** The malware scanner recognised a signature; the detail names it. */
    public static final String MALWARE_FOUND = "MALWARE_FOUND";
    /** The same bytes were already accepted as another document of the company; the detail names it. */
    public static final String DUPLICATE = "DUPLICATE";
}
