package dev.destek.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy 4.1 running in this JVM: real S3 REST with AWS v2/v4 signature checks, so a tampered presigned URL
 * is refused (403) and a wrong {@code x-amz-checksum-sha256} is refused (BadDigest). It echoes no checksums
 * and sends no bucket notifications (see design/emulators.md).
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.builder()
 *         .filesystem(Path.of(".local/s3"))
 *         .decorate(store -> new NotifyingBlobStore(store, listener))
 *         .start()) {
 *     S3Client client = ... .endpointOverride(s3.endpoint()).forcePathStyle(true)
 *         .credentialsProvider(StaticCredentialsProvider.create(
 *             AwsBasicCredentials.create(s3.identity(), s3.credential()))) ...;
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String DEFAULT_IDENTITY = "local-access-key";
    public static final String DEFAULT_CREDENTIAL = "local-secret-key";

    /** No graceful stop: Jetty would otherwise wait seconds for idle keep-alive connections of pooled clients. */
    private static final long STOP_TIMEOUT_MILLIS = 0;

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final String identity;
    private final String credential;

    private S3ProxyServer(S3Proxy proxy, BlobStore blobStore, String identity, String credential) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.identity = identity;
        this.credential = credential;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An in-memory S3Proxy on a free port with the default identity and credential. */
    public static S3ProxyServer startTransient() {
        return builder().start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public int port() {
        return proxy.getPort();
    }

    /** The access key id clients must sign with. */
    public String identity() {
        return identity;
    }

    /** The secret access key clients must sign with. */
    public String credential() {
        return credential;
    }

    /** The store S3Proxy serves, after decoration. */
    public BlobStore blobStore() {
        return blobStore;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy on port " + port(), e);
        } finally {
            blobStore.close();
        }
    }

    /** Options for one S3Proxy. */
    public static final class Builder {
        private int port;
        private Path filesystemDir;
        private String identity = DEFAULT_IDENTITY;
        private String credential = DEFAULT_CREDENTIAL;
        private UnaryOperator<BlobStore> decorator = UnaryOperator.identity();

        private Builder() { }

        /** A fixed port; a free one by default. */
        public Builder port(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        /** Stores objects under {@code basedir} (one folder per bucket), surviving restarts; in memory by default. */
        public Builder filesystem(Path basedir) {
            this.filesystemDir = Objects.requireNonNull(basedir, "basedir");
            return this;
        }

        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.identity = Objects.requireNonNull(accessKeyId, "accessKeyId");
            this.credential = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            return this;
        }

        /**
         * Wraps the store before S3Proxy is built, e.g. to observe completed puts (S3Proxy sends no bucket
         * notifications). Decorators compose in call order; extend {@code ForwardingBlobStore}.
         */
        public Builder decorate(UnaryOperator<BlobStore> blobStoreDecorator) {
            Objects.requireNonNull(blobStoreDecorator, "blobStoreDecorator");
            UnaryOperator<BlobStore> previous = decorator;
            this.decorator = store -> blobStoreDecorator.apply(previous.apply(store));
            return this;
        }

        public S3ProxyServer start() {
            quietJettyLogging();
            Properties properties = new Properties();
            properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + (port != 0 ? port : Dynalite.freePort()));
            properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            properties.setProperty("s3proxy.identity", identity);
            properties.setProperty("s3proxy.credential", credential);
            properties.setProperty("jclouds.identity", identity);
            properties.setProperty("jclouds.credential", credential);
            String provider = "transient";
            if (filesystemDir != null) {
                provider = "filesystem";
                try {
                    Files.createDirectories(filesystemDir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + filesystemDir, e);
                }
                properties.setProperty("jclouds.filesystem.basedir", filesystemDir.toAbsolutePath().toString());
            }
            properties.setProperty("jclouds.provider", provider);
            BlobStore store = decorator.apply(BlobStores.create(provider, properties));
            try {
                S3Proxy proxy = S3Proxy.Builder.fromProperties(properties)
                        .blobStore(store)
                        .stopTimeout(STOP_TIMEOUT_MILLIS)
                        .build();
                proxy.start();
                awaitStarted(proxy);
                return new S3ProxyServer(proxy, store, identity, credential);
            } catch (Exception e) {
                store.close();
                throw new IllegalStateException("cannot start S3Proxy (" + provider + ")", e);
            }
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy state " + proxy.getState());
        }
    }

    /**
     * Without a logback configuration, logback logs everything at DEBUG and Jetty is very chatty. Lowers the
     * emulator's own loggers to WARN unless a configuration already gave them a level. Reflective so that
     * this module does not pin a logback version; a no-op with any other SLF4J binding.
     */
    private static void quietJettyLogging() {
        Object factory = LoggerFactory.getILoggerFactory();
        if (!"ch.qos.logback.classic.LoggerContext".equals(factory.getClass().getName())) {
            return;
        }
        try {
            Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", true, factory.getClass().getClassLoader());
            Object warn = levelType.getField("WARN").get(null);
            for (String name : new String[] {"org.eclipse.jetty", "org.gaul", "software.amazon.awssdk"}) {
                Object logger = LoggerFactory.getLogger(name);
                Method getLevel = logger.getClass().getMethod("getLevel");
                if (getLevel.invoke(logger) == null) {
                    logger.getClass().getMethod("setLevel", levelType).invoke(logger, warn);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // logging stays as configured; harmless
        }
    }
}
