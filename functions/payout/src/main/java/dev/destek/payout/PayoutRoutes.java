package dev.destek.payout;

import dev.destek.http.HttpApi;
import dev.destek.http.HttpResponses;
import dev.destek.http.Route;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.GreenPassportRequest;
import dev.destek.rules.OffsetRequest;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.Rules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The payout function's routes, keyed exactly as the SAM template declares them. All stateless computations. */
final class PayoutRoutes {
    static final String QUOTES = "POST /v1/quotes";
    static final String DEADLINES = "POST /v1/deadlines";
    static final String OFFSETS = "POST /v1/offsets";
    static final String GREEN_PASSPORTS = "POST /v1/green-passports";
    static final String CATALOGUE = "GET /v1/catalogue";

    private PayoutRoutes() { }

    static HttpApi api(Rules rules) {
        return api(rules, Clock.systemUTC());
    }

    /** {@code clock} gives "today" for the deadline statuses (UTC date). */
    static HttpApi api(Rules rules, Clock clock) {
        Map<String, Route> routes = Map.of(
                QUOTES, req -> {
                    QuoteRequest request = req.body(QuoteRequest.class);
                    return HttpResponses.json(200, rules(() -> rules.quote(request)));
                },
                DEADLINES, req -> {
                    QuoteRequest request = req.body(QuoteRequest.class);
                    LocalDate today = LocalDate.now(clock);
                    return HttpResponses.json(200, Map.of("today", today.toString(),
                            "deadlines", rules(() -> rules.deadlines(request, today))));
                },
                OFFSETS, req -> {
                    OffsetRequest request = req.body(OffsetRequest.class);
                    return HttpResponses.json(200, rules(() -> rules.offset(request)));
                },
                GREEN_PASSPORTS, req -> {
                    GreenPassportRequest request = req.body(GreenPassportRequest.class);
                    return HttpResponses.json(200, rules(() -> rules.greenPassports(request)));
                },
                CATALOGUE, req -> HttpResponses.json(200, rules.catalogue()));
        return new HttpApi(routes, Set.of(CATALOGUE));
    }

    /** A structurally invalid request (rules' {@link QuoteRequestException}) is a 400 problem with its pointer. */
    private static <T> T rules(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (QuoteRequestException e) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, e.pointer() + ": " + e.reason(),
                    List.of(new Problem.FieldError(e.pointer(), e.reason()))));
        }
    }
}
