package dev.destek.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code ./run-local}: the whole system on this machine, on embedded defaults. */
public final class LocalRunner {
    private LocalRunner() { }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
        int s3Port = Integer.parseInt(env.getOrDefault("S3_PORT", String.valueOf(port + 1)));
        Path state = Path.of(env.getOrDefault("DESTEK_LOCAL_DIR", ".local")).toAbsolutePath();
        LocalSystem system = LocalSystem.start(port, s3Port, state, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "local-shutdown"));

        TokenIssuer tokens = system.tokens();
        System.out.println();
        System.out.println("API       " + system.baseUri());
        System.out.println("S3        " + system.s3Endpoint() + "  (bucket " + LocalSystem.BUCKET + ")");
        System.out.println("DynamoDB  " + system.functionEnvironment().get("DESTEK_DYNAMODB_ENDPOINT") + "  (table "
                + LocalSystem.TABLE + ")");
        System.out.println("State     " + state);
        System.out.println("Tokens (12 h; mint more with POST /_local/tokens):");
        System.out.println("  COMPANY_A applicant  " + tokens.mint("alice", "COMPANY_A", List.of("APPLICANT")).token());
        System.out.println("  COMPANY_B applicant  " + tokens.mint("bora", "COMPANY_B", List.of("APPLICANT")).token());
        System.out.println("  reviewer             " + tokens.mint("rana", "MINISTRY", List.of("REVIEWER")).token());
        System.out.println("  admin                " + tokens.mint("ayla", "MINISTRY", List.of("ADMIN")).token());
        System.out.println("Destek local is ready on " + system.baseUri());
        Thread.currentThread().join();
    }
}
