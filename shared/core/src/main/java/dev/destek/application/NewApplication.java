package dev.destek.application;

/** What an applicant sends to open an application. */
public record NewApplication(String supportItem) { }
