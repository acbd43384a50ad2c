package dev.destek.validation;

import dev.destek.document.MalwareScanner;
import dev.destek.document.ScanVerdict;
import dev.destek.document.exception.MalwareScanException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MalwareScanner} that streams the file to a clamd daemon over TCP with the {@code zINSTREAM} command
 * (clamd(8), "INSTREAM"): a sequence of chunks, each prefixed by its length as a 4-byte big-endian integer, ended
 * by a zero-length chunk. clamd answers {@code stream: OK}, {@code stream: <signature> FOUND} or
 * {@code <message> ERROR}, terminated by a NUL byte.
 */
final class ClamdScanner implements MalwareScanner {
    static final String HOST = "CLAMD_HOST";
    static final String PORT = "CLAMD_PORT";
    static final int DEFAULT_PORT = 3310;
    private static final int CHUNK = 64 * 1024;
    /** clamd's own answer when the stream passes its StreamMaxLength: a verdict about the file, not an outage. */
    private static final String SIZE_LIMIT = "INSTREAM size limit exceeded";

    private final InetSocketAddress address;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout) {
        this.address = InetSocketAddress.createUnresolved(Objects.requireNonNull(host, "host"), port);
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** A scanner when {@value #HOST} is set in {@code env}; without it, validation marks files NOT_SCANNED. */
    static Optional<MalwareScanner> fromEnv(Map<String, String> env) {
        String host = env.get(HOST);
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String port = env.get(PORT);
        int portNumber;
        try {
            portNumber = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + PORT + " is not a port number: " + port, e);
        }
        return Optional.of(new ClamdScanner(host.trim(), portNumber, Duration.ofSeconds(3), Duration.ofSeconds(30)));
    }

    @Override
    public ScanVerdict scan(InputStream content) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()),
                    (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            try {
                send(content, new DataOutputStream(socket.getOutputStream()));
            } catch (IOException sendFailed) {
                // clamd answers and closes as soon as the stream passes its StreamMaxLength, while we still send:
                // its reply, if there is one, is the verdict
                try {
                    return verdict(readReply(socket.getInputStream()));
                } catch (IOException | MalwareScanException noReply) {
                    throw new MalwareScanException("clamd at " + address + " gave no verdict", sendFailed);
                }
            }
            return verdict(readReply(socket.getInputStream()));
        } catch (IOException e) {
            throw new MalwareScanException("clamd at " + address + " gave no verdict", e);
        }
    }

    private static void send(InputStream content, DataOutputStream out) throws IOException {
        out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[CHUNK];
        for (int n = content.readNBytes(buffer, 0, CHUNK); n > 0; n = content.readNBytes(buffer, 0, CHUNK)) {
            out.writeInt(n);
            out.write(buffer, 0, n);
        }
        out.writeInt(0);
        out.flush();
    }

    static ScanVerdict verdict(String reply) {
        if (reply.equals("stream: OK")) {
            return new ScanVerdict.Clean();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return new ScanVerdict.Infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        if (reply.startsWith(SIZE_LIMIT)) {
            return new ScanVerdict.NotScanned("larger than the scanner's stream limit");
        }
        throw new MalwareScanException("clamd answered: " + reply);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            if (reply.size() > 4096) {
                throw new IOException("clamd's reply is too long");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }
}
