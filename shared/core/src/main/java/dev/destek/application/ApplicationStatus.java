package dev.destek.application;

public enum ApplicationStatus {
    DRAFT
}
