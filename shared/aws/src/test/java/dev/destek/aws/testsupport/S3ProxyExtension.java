package dev.destek.aws.testsupport;

import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves an {@link S3Bucket} parameter: a new, empty bucket on the one in-memory S3Proxy of this JVM, which
 * checks AWS signatures and {@code x-amz-checksum-sha256}. Each test method gets its own bucket.
 */
public final class S3ProxyExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3Bucket.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(Emulators.NAMESPACE).getOrComputeIfAbsent("bucket", key -> {
            Emulators.RunningS3 s3 = Emulators.s3(context);
            String name = "destek-" + UUID.randomUUID().toString().substring(0, 18);
            s3.client.createBucket(request -> request.bucket(name));
            return new S3Bucket(s3.server, s3.settings, s3.client, s3.presigner, name);
        }, S3Bucket.class);
    }
}
