package dev.destek.integration;

import java.util.Optional;

/**
 * Tax and social-security debts per company, ingested from the debt files the integration drops (Art. 35(1)). The
 * payment reads the latest snapshot; none means no debt file has named the company yet.
 */
public interface DebtLedger {
    Optional<CompanyDebts> latest(String companyId);
}
