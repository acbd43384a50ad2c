package dev.destek.validation;

import dev.destek.document.ContentInspector;
import dev.destek.document.ContentReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Sends each file to the inspector for what its bytes are. ZIP containers are recognised by their local-file
 * signature as well as by media type, because Tika's magic-only detection names OOXML files in several ways.
 */
final class MediaTypeInspector implements ContentInspector {
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final ContentInspector pdf;
    private final ContentInspector images;
    private final ContentInspector zips;

    MediaTypeInspector(ContentInspector pdf, ContentInspector images, ContentInspector zips) {
        this.pdf = pdf;
        this.images = images;
        this.zips = zips;
    }

    static MediaTypeInspector standard() {
        return new MediaTypeInspector(new PdfBoxInspector(), new ImageHeaderInspector(), new ZipBombInspector());
    }

    @Override
    public ContentReport inspect(String mediaType, Path file) {
        if ("application/pdf".equals(mediaType)) {
            return pdf.inspect(mediaType, file);
        }
        if (IMAGES.contains(mediaType)) {
            return images.inspect(mediaType, file);
        }
        if (startsWithZipSignature(file)) {
            return zips.inspect(mediaType, file);
        }
        return ContentReport.nothingToReport();
    }

    private static boolean startsWithZipSignature(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading spooled " + file, e);
        }
    }
}
