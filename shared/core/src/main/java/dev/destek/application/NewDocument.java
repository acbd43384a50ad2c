package dev.destek.application;

/** A file the applicant is about to upload, declared up front so the upload URL can bind it. */
public record NewDocument(String documentType, String fileName, String contentType, Long sizeBytes, String sha256) { }
