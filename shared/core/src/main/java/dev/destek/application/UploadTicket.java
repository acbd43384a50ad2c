package dev.destek.application;

import dev.destek.document.Document;
import dev.destek.document.UploadSigner.PresignedUpload;

/** The document record created for an upload and the one-time URL to put its bytes. */
public record UploadTicket(Document document, PresignedUpload upload) { }
