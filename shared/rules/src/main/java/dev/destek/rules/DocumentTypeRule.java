package dev.destek.rules;

import java.util.Set;

/**
 * What the upload validator accepts for one document type.
 *
 * @param allowedMediaTypes sniffed media types that are accepted (e.g. {@code application/pdf})
 * @param maxSizeBytes      size limit from the deployment configuration ({@code documentLimits})
 * @param article           the article that asks for this kind of document
 */
public record DocumentTypeRule(String documentType, Set<String> allowedMediaTypes, long maxSizeBytes,
                               String article) {

    public boolean allows(String mediaType) {
        return mediaType != null && allowedMediaTypes.contains(mediaType);
    }
}
