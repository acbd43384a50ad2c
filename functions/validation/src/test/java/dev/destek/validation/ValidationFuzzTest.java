package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.Document;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded random uploads through the handler on the emulators: random bytes, random sizes, real files with random
 * damage, honest and dishonest declarations, and uploads nobody declared. Whatever arrives, no exception escapes,
 * every declared upload ends with a recorded outcome, an undeclared one is ignored for its stated reason, and no
 * byte is lost: each file is where it was uploaded or in quarantine, unchanged.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class ValidationFuzzTest {
    private static final long SEED = Long.getLong("destek.fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("destek.fuzz.cases", 120);
    private static final String[] TYPES = {"EK_8", "INVOICE", "PAYMENT_DOC", "NO_SUCH_TYPE"};
    private static final String[] CONTENT_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain"};
    private static final byte[][] SEEDS = {Corpus.pdf(2), Corpus.png(64, 48), Corpus.jpeg(64, 48),
        Corpus.zip(3, 4096), Corpus.encryptedPdf("", Corpus.permissions(false, false))};
    /** How each seed is declared when it is uploaded unchanged and honestly: type, then content type. */
    private static final String[][] SEED_DECLARATIONS = {{"EK_8", "application/pdf"}, {"INVOICE", "image/png"},
        {"PAYMENT_DOC", "image/jpeg"}, {"INVOICE", "application/zip"}, {"EK_8", "application/pdf"}};

    @Test
    void validate_randomUploads_shouldNeverThrowLoseARecordOrDeleteBytes(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN
        HandlerFixture fixture = new HandlerFixture(table, bucket, Map.of());
        ValidationHandler handler = fixture.handler();
        Random random = new Random(SEED);
        List<String> seen = new ArrayList<>();

        for (int i = 0; i < CASES; i++) {
            int seed = random.nextInt(SEEDS.length);
            byte[] bytes = randomFile(random, seed);
            boolean unchanged = java.util.Arrays.equals(bytes, SEEDS[seed]);
            String id = "fuzz-" + i;
            boolean declared = random.nextInt(10) != 0;
            String key = DocumentKeys.upload(HandlerFixture.COMPANY, HandlerFixture.APPLICATION, id);
            if (declared) {
                boolean honest = random.nextInt(5) != 0;
                fixture.declare(id, unchanged ? SEED_DECLARATIONS[seed][0] : TYPES[random.nextInt(TYPES.length)],
                        unchanged ? SEED_DECLARATIONS[seed][1] : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)],
                        honest ? bytes.length : bytes.length + random.nextInt(3) - 1,
                        honest ? HandlerFixture.sha256(bytes) : HandlerFixture.sha256(new byte[] {(byte) i}));
            }
            fixture.store(key, bytes);
            String context = "case " + i + " (seed " + SEED + ", " + bytes.length + " bytes)";

            // WHEN
            List<String> outcome = new ArrayList<>();
            assertThatCode(() -> outcome.addAll(HandlerFixture.invoke(handler, key))).as(context)
                    .doesNotThrowAnyException();

            // THEN
            assertThat(outcome).as(context).hasSize(1);
            seen.add(outcome.get(0));
            if (declared) {
                assertThat(outcome.get(0)).as(context).isIn("Accepted", "Rejected", "Duplicate");
                Document recorded = fixture.recorded(id);
                assertThat(recorded.status()).as(context).isNotEqualTo(DocumentStatus.PENDING_UPLOAD);
                assertThat(recorded.validatedVersion()).as(context).isNotNull();
                assertThat(fixture.bytes(recorded.objectKey())).as(context).hasValue(bytes);
            } else {
                assertThat(outcome.get(0)).as(context).isEqualTo("Ignored");
                assertThat(fixture.bytes(DocumentKeys.quarantineOf(key))).as(context).hasValue(bytes);
            }
            assertThat(fixture.bytes(key).or(() -> fixture.bytes(DocumentKeys.quarantineOf(key))))
                    .as(context).hasValue(bytes);
        }
        // the generator reaches every kind of outcome, or the test proves less than it claims
        assertThat(Set.copyOf(seen)).contains("Accepted", "Rejected", "Duplicate", "Ignored");
    }

    private static byte[] randomFile(Random random, int seed) {
        switch (random.nextInt(6)) {
            case 0: {
                byte[] bytes = new byte[random.nextInt(64 * 1024)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1: {
                return java.util.Arrays.copyOf(SEEDS[seed], random.nextInt(SEEDS[seed].length + 1));
            }
            case 2: {
                byte[] damaged = SEEDS[seed].clone();
                for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                return damaged;
            }
            case 3: {
                byte[] bytes = new byte[8 + random.nextInt(16 * 1024)];
                random.nextBytes(bytes);
                byte[][] magics = {"%PDF-1.7\n".getBytes(), {'P', 'K', 3, 4}, {(byte) 0x89, 'P', 'N', 'G'},
                    {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}};
                byte[] magic = magics[random.nextInt(magics.length)];
                System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, bytes.length));
                return bytes;
            }
            default:
                // unchanged real files: accepted, then their repeats are duplicates
                return SEEDS[seed].clone();
        }
    }
}
