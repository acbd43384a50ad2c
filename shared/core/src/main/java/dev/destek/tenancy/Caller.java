package dev.destek.tenancy;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established by the API's JWT authorizer. Every data access is scoped to
 * {@link #companyId()}; staff roles widen only what their feature explicitly allows.
 */
public record Caller(String subject, String companyId, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(companyId, "companyId");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
