package dev.destek.tenancy;

/** Roles carried in the caller's token (Cognito groups deployed, the {@code roles} claim locally). */
public enum Role {
    APPLICANT, REVIEWER, ADMIN
}
