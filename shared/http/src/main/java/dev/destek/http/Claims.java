package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the caller from the claims that the HTTP API's JWT authorizer has already verified. API
 * Gateway flattens array claims to strings like {@code [REVIEWER ADMIN]}, so both shapes are accepted.
 * Cognito prefixes custom attributes ({@code custom:companyId}) and puts groups in
 * {@code cognito:groups}; the local token issuer uses {@code companyId} and {@code roles}.
 */
final class Claims {
    private Claims() { }

    static Optional<Caller> caller(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        if (claims == null) {
            return Optional.empty();
        }
        String subject = claims.get("sub");
        String company = first(claims, "custom:companyId", "companyId");
        if (blank(subject) || blank(company)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(subject, company, roles(first(claims, "cognito:groups", "roles"))));
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) {
            return null;
        }
        return ctx.getAuthorizer().getJwt().getClaims();
    }

    static Set<Role> roles(String raw) {
        Set<Role> roles = EnumSet.of(Role.APPLICANT);
        if (raw == null) {
            return roles;
        }
        for (String part : raw.replace("[", " ").replace("]", " ").replace(",", " ").replace("\"", " ")
                .trim().split("\\s+")) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(part)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static String first(Map<String, String> claims, String... names) {
        for (String name : names) {
            String v = claims.get(name);
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
