package dev.destek.validation;

import dev.destek.document.TypeDetector;
import dev.destek.lambda.InBackground;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Magic-byte detection with Tika's MIME database only. No file name is passed in, so the name an
 * applicant chose can never influence the verdict.
 */
final class TikaTypeDetector implements TypeDetector {
    /** Tika parses its whole MIME database (~250 ms cold): let that overlap the rest of the cold start. */
    private final Supplier<Detector> detector = InBackground.start("tika", MimeTypes::getDefaultMimeTypes);

    @Override
    public String detect(byte[] prefix) {
        try {
            return detector.get().detect(new ByteArrayInputStream(prefix), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
