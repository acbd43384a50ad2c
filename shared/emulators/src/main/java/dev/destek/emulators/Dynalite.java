package dev.destek.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The dynalite DynamoDB emulator (npm {@code dynalite@4.0.0}, pinned in {@code tools/dynalite}) running as a
 * child Node process. Faithful for conditional writes on missing items, queries, GSIs and paging; it lacks
 * TransactWriteItems and UpdateTimeToLive (see design/emulators.md).
 *
 * <p>Installs its npm package on first use ({@code npm ci} in {@code tools/dynalite}, once per machine,
 * guarded by a file lock so concurrent JVMs wait for one another), so a fresh clone needs only node and npm.
 *
 * <pre>{@code
 * try (Dynalite dynalite = Dynalite.builder().persistTo(Path.of(".local/dynamodb")).start()) {
 *     DynamoDbClient client = ... .endpointOverride(dynalite.endpoint()) ...;
 * }
 * }</pre>
 */
public final class Dynalite implements AutoCloseable {
    /** System property naming the directory that holds dynalite's package.json (set by the parent pom). */
    public static final String DIR_PROPERTY = "dynalite.dir";
    /** System property naming the node executable; {@code node} from the PATH by default. */
    public static final String NODE_PROPERTY = "dynalite.node";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Object INSTALL_MONITOR = new Object();

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private Dynalite(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stopProcess, "dynalite-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An in-memory dynalite on a free port. */
    public static Dynalite start() {
        return builder().start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
        stopProcess();
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; nothing to do
        }
    }

    /**
     * The directory holding dynalite's {@code package.json}: the {@value #DIR_PROPERTY} system property, or
     * {@code tools/dynalite} found by walking up from the working directory.
     */
    public static Path locateDirectory() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
            throw new IllegalStateException(DIR_PROPERTY + "=" + configured + " has no package.json");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools").resolve("dynalite");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/dynalite not found above " + Path.of("").toAbsolutePath()
                + "; set -D" + DIR_PROPERTY + "=<dir with dynalite's package.json>");
    }

    /** Runs {@code npm ci} in {@code dir} unless dynalite is already installed there. Safe across JVMs. */
    public static void ensureInstalled(Path dir) {
        Path cli = cli(dir);
        if (Files.isRegularFile(cli)) {
            return;
        }
        synchronized (INSTALL_MONITOR) {
            Path lockFile = dir.resolve(".install.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isRegularFile(cli)) {
                    npmCi(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install dynalite in " + dir, e);
            }
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("npm ci in " + dir + " did not install " + cli);
        }
    }

    private static void npmCi(Path dir) throws IOException {
        Path out = Files.createTempFile("dynalite-npm-ci", ".log");
        try {
            Process npm = new ProcessBuilder(npmCommand(), "ci", "--no-audit", "--no-fund")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean done = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " took longer than " + INSTALL_TIMEOUT);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + dir + " failed (exit " + npm.exitValue() + "):\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String npmCommand() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "npm.cmd" : "npm";
    }

    private static Path cli(Path dir) {
        return dir.resolve("node_modules").resolve("dynalite").resolve("cli.js");
    }

    /** Options for one dynalite process. */
    public static final class Builder {
        private Path directory;
        private Path persistTo;
        private int port;

        private Builder() { }

        /** The directory holding dynalite's package.json; {@link #locateDirectory()} by default. */
        public Builder directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Keeps the tables in a LevelDB directory that survives restarts; in memory by default. */
        public Builder persistTo(Path dir) {
            this.persistTo = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** A fixed port; a free one by default. */
        public Builder port(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        public Dynalite start() {
            Path dir = directory != null ? directory : locateDirectory();
            ensureInstalled(dir);
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int chosen = port != 0 ? port : freePort();
                try {
                    return launch(dir, chosen);
                } catch (IllegalStateException e) {
                    last = e;
                    if (port != 0) {
                        break;
                    }
                }
            }
            throw last;
        }

        private Dynalite launch(Path dir, int chosenPort) {
            List<String> command = new ArrayList<>(List.of(
                    System.getProperty(NODE_PROPERTY, "node"), cli(dir).toString(),
                    "--port", Integer.toString(chosenPort), "--host", "127.0.0.1", "--createTableMs", "0"));
            try {
                if (persistTo != null) {
                    Files.createDirectories(persistTo);
                    command.add("--path");
                    command.add(persistTo.toAbsolutePath().toString());
                }
                Path log = Files.createTempFile("dynalite-" + chosenPort, ".log");
                Process process = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Dynalite dynalite = new Dynalite(process, chosenPort, log);
                try {
                    awaitListening(process, chosenPort, log);
                } catch (RuntimeException e) {
                    dynalite.close();
                    throw e;
                }
                return dynalite;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
            }
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + " on port " + port
                        + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(25));
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START_TIMEOUT
                + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }
}
