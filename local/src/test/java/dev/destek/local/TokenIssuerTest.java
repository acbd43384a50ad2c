package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local JWT authorizer must refuse what API Gateway's would refuse. */
class TokenIssuerTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private final TokenIssuer issuer = TokenIssuer.ephemeral(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verify_freshToken_shouldYieldClaimsFlattenedAsApiGatewayDoes() {
        String token = issuer.mint("alice", "COMPANY_A", List.of("APPLICANT", "REVIEWER")).token();

        assertThat(issuer.verify(token)).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("sub", "alice").containsEntry("companyId", "COMPANY_A")
                    .containsEntry("roles", "[APPLICANT REVIEWER]").containsEntry("iss", TokenIssuer.ISSUER);
        });
    }

    @Test
    void verify_tokenPastItsExpiry_shouldBeRefusedByTheSameKey(@TempDir Path dir) {
        // GIVEN a token minted now with the persisted key
        Path key = dir.resolve("key.json");
        String token = TokenIssuer.persistent(key, at(NOW)).mint("alice", "COMPANY_A", List.of()).token();

        // WHEN / THEN the same key accepts it within its 12 hours and refuses it after
        assertThat(TokenIssuer.persistent(key, at(NOW.plus(Duration.ofHours(11)))).verify(token)).isPresent();
        assertThat(TokenIssuer.persistent(key, at(NOW.plus(Duration.ofHours(13)))).verify(token)).isEmpty();
    }

    @Test
    void verify_tokenOfAnotherKeyOrTampered_shouldBeRefused() {
        String token = issuer.mint("alice", "COMPANY_A", List.of()).token();
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"mallory\",\"companyId\":\"COMPANY_A\",\"iss\":\"https://destek.local/issuer\",\"aud\":\"destek-local\",\"exp\":9999999999}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(TokenIssuer.ephemeral(Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEmpty();
        assertThat(issuer.verify(parts[0] + "." + forgedPayload + "." + parts[2])).isEmpty();
        assertThat(issuer.verify("not a token")).isEmpty();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
