package dev.destek.rules;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the document rules (DOMAIN §6) in force on a day, each with the article it comes from
 * ({@code regulation/documents/document_rules.yaml}).
 *
 * @param counsellorThresholdUsd  Art. 8(4): foreign-issued documents above this amount need approval (exactly: not)
 * @param reportMaxAge            Art. 6(2): a purchased report's maximum age at the invoice date
 * @param reportItems             the items whose reports {@code reportMaxAge} applies to
 * @param counsellorRules         per support item, the documents that need the commercial counsellor's approval
 * @param onceOnlyDocumentTypes   Art. 34(6): documents sent once and kept on file (EK-3)
 */
public record DocumentRules(BigDecimal counsellorThresholdUsd, String counsellorThresholdArticle,
                            Period reportMaxAge, String reportAgeArticle, Set<String> reportItems,
                            Map<String, CounsellorRule> counsellorRules, Set<String> onceOnlyDocumentTypes,
                            String onceOnlyArticle) {

    public DocumentRules {
        reportItems = Set.copyOf(reportItems);
        counsellorRules = Map.copyOf(counsellorRules);
        onceOnlyDocumentTypes = Set.copyOf(onceOnlyDocumentTypes);
    }

    /**
     * Which documents of one support item need the commercial counsellor's approval (DOMAIN §6.1 D1-D4).
     *
     * @param article           the article that asks for the approval
     * @param documentTypes     the documents it names, when issued abroad
     * @param alwaysForeign     of those, the ones that are foreign by nature (certificate, lease, unit documents)
     * @param overThresholdOnly only above {@link #counsellorThresholdUsd()}, unless electronically verifiable
     */
    public record CounsellorRule(String article, Set<String> documentTypes, Set<String> alwaysForeign,
                                 boolean overThresholdOnly) {
        public CounsellorRule {
            documentTypes = Set.copyOf(documentTypes);
            alwaysForeign = Set.copyOf(alwaysForeign);
        }
    }
}
