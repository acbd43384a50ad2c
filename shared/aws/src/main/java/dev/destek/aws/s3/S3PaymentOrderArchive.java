package dev.destek.aws.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.destek.claim.PaymentOrder;
import dev.destek.claim.PaymentOrderArchive;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Payment orders under {@code payment-orders/{companyId}/{claimId}/}: the JSON the bank integration reads and a PDF
 * for people. The bucket is versioned, so a retried order keeps the earlier bytes as an older version.
 */
public final class S3PaymentOrderArchive implements PaymentOrderArchive {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private final Supplier<S3Client> s3;
    private final String bucket;
    private final Function<PaymentOrder, byte[]> pdf;

    /** {@code pdf} renders the printable order (the function that owns PDFBox supplies it). */
    public S3PaymentOrderArchive(Supplier<S3Client> s3, String bucket, Function<PaymentOrder, byte[]> pdf) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
    }

    @Override
    public Stored store(PaymentOrder order) {
        String prefix = PaymentOrderArchive.keyPrefix(order);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payment order not serialisable", e);
        }
        byte[] printable = pdf.apply(order);
        s3.get().putObject(b -> b.bucket(bucket).key(prefix + ".json").contentType("application/json"),
                RequestBody.fromBytes(json));
        s3.get().putObject(b -> b.bucket(bucket).key(prefix + ".pdf").contentType("application/pdf"),
                RequestBody.fromBytes(printable));
        return new Stored(prefix + ".json", prefix + ".pdf");
    }
}
