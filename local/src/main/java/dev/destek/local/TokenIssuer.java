package dev.destek.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool and the HTTP API's JWT authorizer: mints RS256 tokens and
 * verifies them the way the authorizer does (signature against the key set, issuer, audience, expiry),
 * then flattens the claims to strings as API Gateway does ({@code ["A","B"]} becomes {@code [A B]}).
 * The signing key is kept under the local state directory so tokens survive restarts.
 */
public final class TokenIssuer {
    public static final String ISSUER = "https://destek.local/issuer";
    public static final String AUDIENCE = "destek-local";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final RSAKey key;
    private final Clock clock;

    private TokenIssuer(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Loads the key from {@code keyFile}, creating it on first use. */
    public static TokenIssuer persistent(Path keyFile, Clock clock) {
        try {
            if (Files.exists(keyFile)) {
                return new TokenIssuer(RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8)), clock);
            }
            RSAKey key = generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
            return new TokenIssuer(key, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Token key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Token key " + keyFile + " is not a JWK; delete it to start afresh", e);
        }
    }

    public static TokenIssuer ephemeral(Clock clock) {
        return new TokenIssuer(generate(), clock);
    }

    public Token mint(String subject, String companyId, List<String> roles) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("companyId", companyId).claim("roles", roles).claim("token_use", "id")
                .issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a local token", e);
        }
        return new Token(jwt.serialize(), expires);
    }

    /** The claims as API Gateway hands them to a function, or empty when the authorizer would answer 401. */
    public Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)
                    || (claims.getNotBeforeTime() != null
                        && claims.getNotBeforeTime().toInstant().minus(CLOCK_SKEW).isAfter(now))) {
                return Optional.empty();
            }
            return Optional.of(flatten(claims));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : claims.getClaims().entrySet()) {
            Object v = c.getValue();
            if (v instanceof List) {
                StringBuilder sb = new StringBuilder("[");
                for (Object item : (List<?>) v) {
                    sb.append(sb.length() > 1 ? " " : "").append(item);
                }
                flat.put(c.getKey(), sb.append(']').toString());
            } else if (v instanceof Date) {
                flat.put(c.getKey(), String.valueOf(((Date) v).toInstant().getEpochSecond()));
            } else {
                flat.put(c.getKey(), String.valueOf(v));
            }
        }
        return flat;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Generating the local signing key", e);
        }
    }

    public record Token(String token, Instant expiresAt) { }
}
