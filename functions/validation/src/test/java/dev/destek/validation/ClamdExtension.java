package dev.destek.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real clamd (Debian's {@code clamav-daemon}) for a test class, on a free port with its own
 * configuration and a signature database holding only the EICAR test signature: there is no internet here for
 * freshclam, and the official database would take a minute and a gigabyte to load. Tests that take a
 * {@link Clamd} parameter are skipped, with a message, where the clamd binary is not installed.
 */
public final class ClamdExtension implements ParameterResolver {
    static final Path BINARY = Path.of(System.getProperty("destek.clamd", "/usr/sbin/clamd"));
    /** The name our one signature carries; clamd appends {@code .UNOFFICIAL} to unsigned databases' names. */
    static final String SIGNATURE = "Destek.Eicar-Test-Signature";
    /** A small stream limit, so the over-limit answer can be tested with a small file. */
    static final int STREAM_MAX_BYTES = 2 * 1024 * 1024;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClamdExtension.class);

    /** A running clamd; {@link #close()} stops it and removes its directory. */
    public record Clamd(String host, int port, Process process, Path dir)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Clamd.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "clamd is not installed at " + BINARY
                + " (apt-get install clamav-daemon): skipping the tests against a real ClamAV");
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Clamd.class, k -> start(), Clamd.class);
    }

    private static Clamd start() {
        try {
            Path dir = Files.createTempDirectory("destek-clamd-");
            Path db = Files.createDirectory(dir.resolve("db"));
            String eicarHex = HexFormat.of().formatHex(Corpus.eicar());
            // .ndb: name, target type (0 = any file), offset (* = anywhere), hex body
            Files.writeString(db.resolve("destek-eicar.ndb"), SIGNATURE + ":0:*:" + eicarHex + "\n");
            int port = freePort();
            Path config = dir.resolve("clamd.conf");
            Files.writeString(config, String.join("\n",
                    "Foreground yes",
                    "DatabaseDirectory " + db,
                    "TCPSocket " + port,
                    "TCPAddr 127.0.0.1",
                    "PidFile " + dir.resolve("clamd.pid"),
                    "LogFile " + dir.resolve("clamd.log"),
                    "TemporaryDirectory " + dir,
                    "StreamMaxLength " + STREAM_MAX_BYTES,
                    "MaxThreads 4",
                    ""));
            Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Clamd clamd = new Clamd("127.0.0.1", port, process, dir);
            awaitPong(clamd);
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitPong(Clamd clamd) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!clamd.process().isAlive()) {
                throw new IllegalStateException("clamd exited: " + Files.readString(clamd.dir().resolve("stdout.log")));
            }
            try (Socket socket = new Socket(clamd.host(), clamd.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                if (new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still loading its database
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("clamd did not answer PING within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
