package dev.destek.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Conditions of an expense line that reject it with their own code: Art. 11(2) (an agency invoice must identify the
 * activity claimed) and Art. 17(2) (commissions only for an app/game marketed in the applicant's own name with its
 * own platform account).
 */
class Art11_2_17_2_LineConditionsTest {

    @Test
    void art11_2_agencyInvoiceThatDoesNotIdentifyTheActivity_isInvoiceNotLinkable() {
        Quote.Line unlinkable = Claims.quote("AGENCY_COMMISSION", "expense.invoiceNotLinkable", true).lines().get(0);
        Quote.Line linkable = Claims.quote("AGENCY_COMMISSION", "expense.invoiceNotLinkable", false).lines().get(0);

        assertThat(unlinkable.rejections()).containsExactly(new Quote.Rejection("INVOICE_NOT_LINKABLE", "Art. 11(2)"));
        assertThat(unlinkable.support()).isEqualByComparingTo("0.00");
        assertThat(unlinkable.trace()).anySatisfy(t -> {
            assertThat(t.ruleId()).isEqualTo("excluded-condition");
            assertThat(t.output()).isEqualTo("EXCLUDED INVOICE_NOT_LINKABLE");
        });
        assertThat(linkable.rejections()).isEmpty();
        assertThat(linkable.support()).isPositive();
    }

    @Test
    void art17_2_commissionForAnAppNotMarketedOnItsOwnAccount_isNotOwnAccount() {
        Quote.Line foreign = Claims.quote("GAME_APP_COMMISSION", "expense.notOwnAccount", true).lines().get(0);
        Quote.Line own = Claims.quote("GAME_APP_COMMISSION", "expense.notOwnAccount", false).lines().get(0);

        assertThat(foreign.rejections()).containsExactly(new Quote.Rejection("NOT_OWN_ACCOUNT", "Art. 17(2)"));
        assertThat(own.rejections()).isEmpty();
    }

    @Test
    void lineConditions_onlyApplyToTheirOwnItem() {
        // a flag the item's rules do not name is not judged: ADVERTISING has no 11(2) condition
        assertThat(Claims.quote("ADVERTISING", "expense.invoiceNotLinkable", true).lines().get(0).rejections())
                .isEmpty();
    }
}
