package dev.destek.claims;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.destek.claim.ClaimDraft;
import dev.destek.claim.ClaimEvent;
import dev.destek.claim.ClaimService;
import dev.destek.claim.PreApprovalEvent;
import dev.destek.claim.PreApprovalService;
import dev.destek.http.HttpApi;
import dev.destek.http.HttpRequest;
import dev.destek.http.HttpResponses;
import dev.destek.http.Json;
import dev.destek.http.Route;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The claims function's routes, keyed exactly as the SAM template declares them. A write may carry
 * {@code If-Match: <version>}: a claim that moved on since the caller read it is then refused with 412.
 */
final class ClaimRoutes {
    private ClaimRoutes() { }

    static HttpApi api(ClaimService claims, PreApprovalService preApprovals) {
        Map<String, Route> routes = Map.ofEntries(
                Map.entry("POST /v1/applications/{id}/claims", req -> HttpResponses.json(201, claims.create(
                        req.requireCaller(), req.pathParameter("id"), req.body(ClaimDraft.class)))),
                Map.entry("GET /v1/claims/{id}", req -> HttpResponses.json(200,
                        claims.get(req.requireCaller(), req.pathParameter("id")))),
                Map.entry("PUT /v1/claims/{id}", req -> HttpResponses.json(200, claims.update(req.requireCaller(),
                        req.pathParameter("id"), ifMatch(req), req.body(ClaimDraft.class)))),
                Map.entry("POST /v1/claims/{id}/submit", req -> HttpResponses.json(200,
                        claims.submit(req.requireCaller(), req.pathParameter("id"), ifMatch(req)))),
                Map.entry("GET /v1/review/claims", req -> HttpResponses.json(200,
                        Map.of("items", claims.queue(req.requireCaller())))),
                Map.entry("POST /v1/claims/{id}/review", req -> HttpResponses.json(200,
                        claims.startReview(req.requireCaller(), req.pathParameter("id"), ifMatch(req)))),
                Map.entry("POST /v1/claims/{id}/lines/{lineId}/adjustments", req -> HttpResponses.json(200,
                        claims.adjust(req.requireCaller(), req.pathParameter("id"), req.pathParameter("lineId"),
                                ifMatch(req), req.body(ClaimService.Adjustment.class)))),
                Map.entry("POST /v1/claims/{id}/decision", req -> HttpResponses.json(200,
                        claims.decide(req.requireCaller(), req.pathParameter("id"), ifMatch(req),
                                req.body(ClaimService.DecisionRequest.class)))),
                Map.entry("POST /v1/claims/{id}/payment-order", req -> HttpResponses.json(200,
                        claims.orderPayment(req.requireCaller(), req.pathParameter("id"), ifMatch(req)))),
                Map.entry("POST /v1/claims/{id}/paid", req -> HttpResponses.json(200,
                        claims.markPaid(req.requireCaller(), req.pathParameter("id"), ifMatch(req)))),
                Map.entry("POST /v1/applications/{id}/pre-approvals", req -> HttpResponses.json(201,
                        preApprovals.request(req.requireCaller(), req.pathParameter("id"),
                                req.body(PreApprovalService.Request.class)))),
                Map.entry("GET /v1/applications/{id}/pre-approvals", req -> HttpResponses.json(200, Map.of("items",
                        preApprovals.list(req.requireCaller(), req.pathParameter("id"),
                                req.queryParameter("companyId"))))),
                Map.entry("POST /v1/pre-approvals/{id}/decision", req -> HttpResponses.json(200,
                        preApprovals.decide(req.requireCaller(), req.pathParameter("id"), ifMatch(req),
                                req.body(PreApprovalService.Decision.class)))),
                Map.entry("GET /v1/applications/{id}/audit", req -> audit(claims, req)),
                Map.entry("GET /v1/audit/export", req -> HttpResponses.text(200, "application/x-ndjson",
                        jsonLines(claims.export(req.requireCaller(), req.queryParameter("companyId")),
                                claims.preApprovalExport(req.requireCaller(), req.queryParameter("companyId"))))));
        return new HttpApi(routes, Set.of());
    }

    /** {@code If-Match: 3}, {@code "3"} or {@code W/"3"}; absent means "whatever the current version is". */
    static Long ifMatch(HttpRequest req) {
        String raw = req.header("if-match");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "If-Match must be the claim's version number,"
                    + " e.g. \"3\"");
        }
    }

    private static APIGatewayV2HTTPResponse audit(ClaimService claims, HttpRequest req) {
        String company = req.queryParameter("companyId");
        return HttpResponses.json(200, Map.of(
                "events", claims.audit(req.requireCaller(), req.pathParameter("id"), company),
                "preApprovalEvents", claims.preApprovalAudit(req.requireCaller(), req.pathParameter("id"), company)));
    }

    /** One event a line: the claims' first, then the pre-approvals' (each line says which by its id field). */
    private static String jsonLines(List<ClaimEvent> events, List<PreApprovalEvent> preApprovalEvents) {
        return Stream.concat(events.stream(), preApprovalEvents.stream()).map(e -> Json.write(e) + "\n")
                .collect(Collectors.joining());
    }
}
