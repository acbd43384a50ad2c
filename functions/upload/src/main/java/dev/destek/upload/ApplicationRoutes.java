package dev.destek.upload;

import dev.destek.application.ApplicationService;
import dev.destek.application.NewApplication;
import dev.destek.application.NewDocument;
import dev.destek.http.HttpApi;
import dev.destek.http.HttpResponses;
import dev.destek.http.Route;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The upload function's routes, keyed exactly as the SAM template declares them. */
final class ApplicationRoutes {
    private ApplicationRoutes() { }

    static HttpApi api(ApplicationService service) {
        Map<String, Route> routes = Map.of(
                "POST /v1/applications", req -> HttpResponses.json(201,
                        ApplicationJson.of(service.open(req.requireCaller(), req.body(NewApplication.class)))),
                "GET /v1/applications", req -> HttpResponses.json(200, Map.of("items",
                        service.list(req.requireCaller()).stream().map(ApplicationJson.Summary::of)
                                .collect(Collectors.toList()))),
                "GET /v1/applications/{id}", req -> HttpResponses.json(200,
                        ApplicationJson.of(service.get(req.requireCaller(), req.pathParameter("id")))),
                "GET /v1/applications/{id}/checklist", req -> HttpResponses.json(200,
                        service.checklist(req.requireCaller(), req.pathParameter("id"))),
                "POST /v1/applications/{id}/documents", req -> HttpResponses.json(201,
                        ApplicationJson.ticket(service.requestUpload(req.requireCaller(), req.pathParameter("id"),
                                req.body(NewDocument.class)))));
        return new HttpApi(routes, Set.of());
    }
}
