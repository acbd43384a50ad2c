package dev.destek.document;

import java.nio.file.Path;

/**
 * Opens a file as what its bytes say it is (PDF, image, ZIP container) and reports what is wrong with it and
 * what was learnt (pages, pixels). A malformed file is a finding, never an exception: implementations turn
 * every parser failure into a {@link RejectionReason}.
 */
@FunctionalInterface
public interface ContentInspector {

    /** Inspects nothing: for tests of the other checks. */
    ContentInspector NONE = (mediaType, file) -> ContentReport.nothingToReport();

    /**
     * @param mediaType the type sniffed from the leading bytes
     * @param file      the complete bytes, spooled to local disk so parsers can seek without holding them in heap
     */
    ContentReport inspect(String mediaType, Path file);
}
