package dev.destek.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.application.Declarations;
import dev.destek.document.DocumentMetadata;
import dev.destek.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an integrator declares about the files of one application before dropping them
 * ({@code inbox/{companyId}/{applicationId}/manifest.json}):
 * <pre>
 * {"files": [{"documentType": "INVOICE", "fileName": "invoice-17.pdf", "sha256": "64 hex digits",
 *             "sizeBytes": 48213, "contentType": "application/pdf",
 *             "metadata": {"issuedOn": "2026-01-10", "issuingCountry": "DE", "amountUsd": "25000.00"}}]}
 * </pre>
 * {@code documentType}, {@code fileName} and {@code sha256} are required, the rest optional; {@code metadata} takes
 * the fields of the API's document declaration. Once an application has a manifest, only the files it declares
 * are taken in, and only with the declared bytes.
 */
public record InboxManifest(List<Entry> files) {
    /** A manifest is a short list; anything larger is refused unread. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> ENTRY_FIELDS =
            Set.of("documentType", "fileName", "sha256", "sizeBytes", "contentType", "metadata");
    private static final Set<String> METADATA_FIELDS = Set.of("issuedOn", "publishedOn", "issuedAbroad",
            "issuingCountry", "amountUsd", "electronicallyVerifiable", "counsellorApproved", "validUntil");

    public InboxManifest {
        files = List.copyOf(files);
    }

    /** One declared file; {@code sizeBytes} and {@code contentType} may be null (not declared). */
    public record Entry(String documentType, String fileName, String sha256, Long sizeBytes, String contentType,
                        DocumentMetadata metadata) { }

    public Optional<Entry> entry(String documentType, String fileName) {
        return files.stream().filter(e -> e.documentType().equals(documentType) && e.fileName().equals(fileName))
                .findFirst();
    }

    /** The manifest in {@code bytes}, or every error found in it (JSON pointers, like the API's problems). */
    public static Parsed parse(byte[] bytes, LocalDate today) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of(new Problem.FieldError("", "not valid JSON")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("files").isArray() || root.path("files").isEmpty()) {
            return new Parsed(null, List.of(new Problem.FieldError("/files", "a non-empty array of files")));
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < root.get("files").size(); i++) {
            entry(root.get("files").get(i), "/files/" + i, today, errors).ifPresent(e -> {
                if (seen.add(e.documentType() + "/" + e.fileName())) {
                    entries.add(e);
                } else {
                    errors.add(new Problem.FieldError("/files", "declares " + e.documentType() + "/"
                            + e.fileName() + " twice"));
                }
            });
        }
        return errors.isEmpty() ? new Parsed(new InboxManifest(entries), List.of()) : new Parsed(null, errors);
    }

    private static Optional<Entry> entry(JsonNode node, String at, LocalDate today, List<Problem.FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(at, "an object"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownFields(node, ENTRY_FIELDS, at, errors);
        String type = text(node, "documentType");
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,63}")) {
            errors.add(new Problem.FieldError(at + "/documentType", "a document type such as INVOICE"));
        }
        String fileName = text(node, "fileName");
        if (!Declarations.isFileName(fileName)) {
            errors.add(new Problem.FieldError(at + "/fileName", Declarations.FILE_NAME_RULE));
        }
        String sha256 = text(node, "sha256");
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            errors.add(new Problem.FieldError(at + "/sha256", "the file's SHA-256 as 64 hexadecimal characters"));
        }
        Long size = null;
        if (node.has("sizeBytes")) {
            if (!node.get("sizeBytes").canConvertToLong() || node.get("sizeBytes").asLong() <= 0) {
                errors.add(new Problem.FieldError(at + "/sizeBytes", "a positive number of bytes"));
            } else {
                size = node.get("sizeBytes").asLong();
            }
        }
        DocumentMetadata metadata = metadata(node.path("metadata"), at + "/metadata", today, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Entry(type, fileName, sha256.toLowerCase(Locale.ROOT), size,
                text(node, "contentType"), metadata));
    }

    private static DocumentMetadata metadata(JsonNode node, String at, LocalDate today,
                                             List<Problem.FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return DocumentMetadata.NONE;
        }
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(at, "an object"));
            return DocumentMetadata.NONE;
        }
        unknownFields(node, METADATA_FIELDS, at, errors);
        String country = text(node, "issuingCountry");
        DocumentMetadata m = new DocumentMetadata(date(node, "issuedOn", at, errors),
                date(node, "publishedOn", at, errors), bool(node, "issuedAbroad", at, errors),
                country == null ? null : country.toUpperCase(Locale.ROOT), amount(node, at, errors),
                bool(node, "electronicallyVerifiable", at, errors), bool(node, "counsellorApproved", at, errors),
                date(node, "validUntil", at, errors));
        Declarations.metadataErrors(m, today)
                .forEach(e -> errors.add(new Problem.FieldError(at + e.pointer(), e.reason())));
        return Declarations.completed(m);
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<Problem.FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError(at + "/" + name, "not a field of a manifest entry"));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        if (!node.has(field) || node.get(field).isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.get(field).asText());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(at + "/" + field, "an ISO date such as 2026-01-31"));
            return null;
        }
    }

    private static Boolean bool(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        if (!node.has(field) || node.get(field).isNull()) {
            return null;
        }
        if (!node.get(field).isBoolean()) {
            errors.add(new Problem.FieldError(at + "/" + field, "true or false"));
            return null;
        }
        return node.get(field).asBoolean();
    }

    private static BigDecimal amount(JsonNode node, String at, List<Problem.FieldError> errors) {
        JsonNode value = node.get("amountUsd");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(at + "/amountUsd", "an amount such as \"25000.00\""));
            return null;
        }
    }

    /** A manifest, or the errors that make it unusable (then {@code manifest} is null). */
    public record Parsed(InboxManifest manifest, List<Problem.FieldError> errors) {
        public String describe() {
            return String.join("; ", errors.stream().map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + ": "
                    + e.reason()).toList());
        }
    }
}
