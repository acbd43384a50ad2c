package dev.destek.rules.internal;

import java.util.List;
import java.util.Map;

/**
 * The filing routes under the interpretations in force: item_profiles.yaml's route, as an option's {@code routes}
 * data changes it (A01_COMPETITION_EVENT_ROUTE, A02_ROUTE_SOURCE, A55_DELEGATION_PRE_APPROVAL_ROUTE). A route decides
 * no amount, rejection or deadline (Art. 34 gives the same period whatever the channel, A-02), so what they change is
 * what GET /v1/catalogue tells an applicant: where to file, and which channels are accepted. Route codes: KEP_RB (KEP
 * to the reviewing body), DP_GD (directly or by post to the GD), GD (to the GD, channel not stated), RB (to the
 * reviewing body, channel not stated).
 */
public final class RouteReadings {
    /** Where a claim goes and the channels accepted besides it; {@code accepted} starts with {@code route}. */
    public record Routes(String route, List<String> accepted) { }

    /** The change that applies to every item; an item's own change beats it. */
    private static final String ALL = "ALL";
    private final Map<String, ProgrammeCatalogue.RouteChange> changes;

    public RouteReadings(Map<String, String> interpretations) {
        this.changes = ProgrammeConfig.routeChanges(interpretations);
    }

    /** The claim routes of {@code item} whose item_profiles.yaml route is {@code own} (null: none stated). */
    public Routes claim(String item, String own) {
        ProgrammeCatalogue.RouteChange c = changes.get(item);
        if (c != null && c.route() != null) {
            return new Routes(c.route(), c.accepted().isEmpty() ? List.of(c.route()) : c.accepted());
        }
        if (own == null) {
            return null;
        }
        ProgrammeCatalogue.RouteChange all = changes.get(ALL);
        if (all != null && all.becomes() != null && !own.equals(all.otherThan())) {
            return new Routes(all.becomes(), List.of(all.becomes()));
        }
        return new Routes(own, List.of(own));
    }

    /** Where the item's prior step (pre-approval, notice) is filed; null where the catalogue does not model it. */
    public String priorStep(String item) {
        ProgrammeCatalogue.RouteChange c = changes.get(item);
        return c == null ? null : c.priorStep();
    }
}
