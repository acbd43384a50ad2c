package dev.destek.validation;

import dev.destek.document.TypeDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Magic-byte detection with Tika's MIME database only. No file name is passed in, so the name an
 * applicant chose can never influence the verdict.
 */
final class TikaTypeDetector implements TypeDetector {
    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    @Override
    public String detect(byte[] prefix) {
        try {
            return detector.detect(new ByteArrayInputStream(prefix), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
