package dev.destek.rules.internal;

import java.util.List;
import java.util.Map;

/**
 * The filing routes DOMAIN §11 leaves open, as the switches A01_COMPETITION_EVENT_ROUTE, A02_ROUTE_SOURCE and
 * A55_DELEGATION_PRE_APPROVAL_ROUTE read them. A route decides no amount, rejection or deadline (Art. 34 gives the
 * same period whatever the channel, A-02), so what they change is what GET /v1/catalogue tells an applicant: where
 * to file, and which channels are accepted. Route codes: KEP_RB (KEP to the reviewing body), DP_GD (directly or by
 * post to the GD), GD (to the GD, channel not stated), RB (to the reviewing body, channel not stated).
 */
public final class RouteReadings {
    /** Where a claim goes and the channels accepted besides it; {@code accepted} starts with {@code route}. */
    public record Routes(String route, List<String> accepted) { }

    static final String KEP_RB = "KEP_RB";
    static final String DP_GD = "DP_GD";
    static final String RB = "RB";
    private static final String COMPETITION_EVENT = "COMPETITION_EVENT";
    private static final String TRADE_DELEGATION = "TRADE_DELEGATION";

    /** the routes of a COMPETITION_EVENT claim (30(3) DP_GD against the stray 29 "(3)" and 34(2)). */
    private final Routes competitionEvent;
    /** A-02 ARTICLE_34_REVIEWING_BODY: 34(1)–(4) send every claim "to the reviewing body", the route included. */
    private final boolean article34Routes;
    /** where the EK-21 pre-approval application goes (21(1): "to the reviewing body", no channel). */
    private final String delegationPreApproval;

    public RouteReadings(Map<String, String> interpretations) {
        String a01 = interpretations.get("A01_COMPETITION_EVENT_ROUTE");
        if ("KEP_RB_ONLY".equals(a01)) {
            competitionEvent = new Routes(KEP_RB, List.of(KEP_RB));
        } else if ("DP_GD_ACCEPT_KEP_RB".equals(a01)) {
            competitionEvent = new Routes(DP_GD, List.of(DP_GD, KEP_RB));
        } else {
            competitionEvent = new Routes(KEP_RB, List.of(KEP_RB, DP_GD)); // forwarded to the reviewing body
        }
        article34Routes = "ARTICLE_34_REVIEWING_BODY".equals(interpretations.get("A02_ROUTE_SOURCE"));
        String a55 = interpretations.get("A55_DELEGATION_PRE_APPROVAL_ROUTE");
        delegationPreApproval = "KEP_TO_REVIEWING_BODY".equals(a55) ? KEP_RB
                : "GENERAL_DIRECTORATE".equals(a55) ? "GD" : RB;
    }

    /** The claim routes of {@code item} whose item_profiles.yaml route is {@code own} (null: none stated). */
    public Routes claim(String item, String own) {
        if (item.equals(COMPETITION_EVENT)) {
            return competitionEvent; // A-01 decides this item alone, whatever A-02 says
        }
        if (own == null) {
            return null;
        }
        if (article34Routes && !own.equals(KEP_RB)) {
            // the article names the GD; 34 names the reviewing body and no channel, so none is inferred (RB)
            return new Routes(RB, List.of(RB));
        }
        return new Routes(own, List.of(own));
    }

    /** Where the item's prior step (pre-approval, notice) is filed; null where the catalogue does not model it. */
    public String priorStep(String item) {
        return item.equals(TRADE_DELEGATION) ? delegationPreApproval : null;
    }
}
