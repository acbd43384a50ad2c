package dev.destek.integration;

/** The two files integrations drop: the central bank's daily rates (Art. 36(1)) and the debt snapshots (Art. 35(1)). */
public enum IntegrationKind {
    RATES,
    DEBTS
}
