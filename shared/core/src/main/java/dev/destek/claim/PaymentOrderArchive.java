package dev.destek.claim;

/** Writes a payment order where the bank integration and people can read it: JSON and a printable PDF. */
public interface PaymentOrderArchive {
    /** Stores both documents (same order, same keys: a retry overwrites them with the same content). */
    Stored store(PaymentOrder order);

    record Stored(String jsonKey, String pdfKey) { }

    /** The keys a payment order is stored under: one folder per company, so access can be granted per company. */
    static String keyPrefix(PaymentOrder order) {
        return "payment-orders/" + order.companyId() + "/" + order.claimId() + "/payment-order";
    }
}
