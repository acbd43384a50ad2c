package dev.destek.payout;

import dev.destek.http.HttpApi;
import dev.destek.http.HttpResponses;
import dev.destek.http.Route;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The payout function's routes, keyed exactly as the SAM template declares them. */
final class PayoutRoutes {
    static final String CATALOGUE = "GET /v1/catalogue";

    private PayoutRoutes() { }

    static HttpApi api(Rules rules) {
        Map<String, Route> routes = Map.of(
                "POST /v1/quotes", req -> {
                    QuoteRequest request = req.body(QuoteRequest.class);
                    try {
                        return HttpResponses.json(200, rules.quote(request));
                    } catch (QuoteRequestException e) {
                        throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST,
                                e.pointer() + ": " + e.reason(), List.of(new Problem.FieldError(e.pointer(), e.reason()))));
                    }
                },
                CATALOGUE, req -> HttpResponses.json(200, Map.of("version", rules.version(),
                        "supportItems", rules.supportItems())));
        return new HttpApi(routes, Set.of(CATALOGUE));
    }
}
