package dev.destek.validation;

import dev.destek.document.ContentInspector;
import dev.destek.document.ContentReport;
import dev.destek.document.RejectionReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's dimensions from its header with ImageIO, without decoding the pixels (a 50-megapixel photo
 * would need 200 MB of heap), and checks that the file ends with the format's end marker.
 */
final class ImageHeaderInspector implements ContentInspector {
    /** Far above any scan or photo of a receipt; beyond it a viewer would need gigabytes to show the image. */
    static final long MAX_PIXELS = 100_000_000L;
    private static final byte[] PNG_IEND = "IEND".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_EOI = {(byte) 0xFF, (byte) 0xD9};
    /** Cameras and editors may pad after the JPEG end marker; a few hundred bytes is what is seen in practice. */
    private static final int JPEG_TRAILER_WINDOW = 1024;

    @Override
    public ContentReport inspect(String mediaType, Path file) {
        int width;
        int height;
        // a File input gets a FileImageInputStream, which seeks in the spooled file: no copy, no ImageIO cache.
        // ImageIO's plugin registry loads on first use (~0.3 s), so PDF-only traffic never pays for it.
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? List.<ImageReader>of().iterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return ContentReport.refused(RejectionReason.IMAGE_CORRUPT, "No image reader recognises the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return ContentReport.refused(RejectionReason.IMAGE_CORRUPT, "The image header cannot be read: "
                    + e.getClass().getSimpleName());
        }
        if ((long) width * height > MAX_PIXELS) {
            return new ContentReport(List.of(new RejectionReason(RejectionReason.IMAGE_TOO_MANY_PIXELS, width + "x"
                    + height + " pixels; at most " + MAX_PIXELS + " are accepted")), null, width, height);
        }
        if (!endsWell(mediaType, file)) {
            return new ContentReport(List.of(new RejectionReason(RejectionReason.IMAGE_TRUNCATED,
                    "The image ends without its end marker: the file was cut short")), null, width, height);
        }
        return new ContentReport(List.of(), null, width, height);
    }

    private static boolean endsWell(String mediaType, Path file) {
        try {
            long size = Files.size(file);
            if ("image/png".equals(mediaType)) {
                // the IEND chunk is the last 12 bytes: length (0), type, CRC
                return PdfBoxInspector.contains(file, Math.max(0, size - 12), 12, PNG_IEND);
            }
            if ("image/jpeg".equals(mediaType)) {
                return PdfBoxInspector.contains(file, Math.max(0, size - JPEG_TRAILER_WINDOW), JPEG_TRAILER_WINDOW,
                        JPEG_EOI);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading spooled " + file, e);
        }
    }
}
