package dev.destek.upload;

import dev.destek.application.ApplicationService;
import dev.destek.application.DeadlineCalendar;
import dev.destek.application.NewApplication;
import dev.destek.application.NewDocument;
import dev.destek.document.DocumentMetadata;
import dev.destek.http.HttpApi;
import dev.destek.http.HttpResponses;
import dev.destek.http.Route;
import dev.destek.intake.IntakeErrorService;
import dev.destek.vault.CompanyVault;
import dev.destek.reminder.NotificationService;
import dev.destek.rules.QuoteRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The upload function's routes, keyed exactly as the SAM template declares them. */
final class ApplicationRoutes {
    /** Intake errors per page: the newest first, enough for an administrator's daily look. */
    static final int INTAKE_ERRORS_PAGE = 100;

    private ApplicationRoutes() { }

    static HttpApi api(ApplicationService service, IntakeErrorService intakeErrors, NotificationService notifications,
                       Clock clock) {
        Map<String, Route> routes = Map.ofEntries(
                Map.entry("POST /v1/applications", req -> HttpResponses.json(201,
                        ApplicationJson.of(service.open(req.requireCaller(), req.body(NewApplication.class))))),
                Map.entry("GET /v1/applications", req -> HttpResponses.json(200, Map.of("items",
                        service.list(req.requireCaller()).stream().map(ApplicationJson.Summary::of)
                                .collect(Collectors.toList())))),
                Map.entry("GET /v1/applications/{id}", req -> HttpResponses.json(200,
                        ApplicationJson.of(service.get(req.requireCaller(), req.pathParameter("id"))))),
                Map.entry("GET /v1/applications/{id}/checklist", req -> HttpResponses.json(200,
                        service.checklist(req.requireCaller(), req.pathParameter("id")))),
                Map.entry("POST /v1/applications/{id}/documents", req -> HttpResponses.json(201,
                        ApplicationJson.ticket(service.requestUpload(req.requireCaller(), req.pathParameter("id"),
                                req.body(NewDocument.class))))),
                Map.entry("PUT /v1/applications/{id}/documents/{documentId}/metadata", req -> HttpResponses.json(200,
                        ApplicationJson.DocumentJson.of(service.correctMetadata(req.requireCaller(),
                                req.pathParameter("id"), req.pathParameter("documentId"),
                                req.body(DocumentMetadata.class))))),
                Map.entry("PUT /v1/vault/documents/{documentId}/metadata", req -> HttpResponses.json(200,
                        ApplicationJson.DocumentJson.of(service.correctMetadata(req.requireCaller(),
                                CompanyVault.APPLICATION_ID, req.pathParameter("documentId"),
                                req.body(DocumentMetadata.class))))),
                Map.entry("GET /v1/vault", req -> HttpResponses.json(200,
                        ApplicationJson.Vault.of(service.vault(req.requireCaller())))),
                Map.entry("POST /v1/vault/documents", req -> HttpResponses.json(201,
                        ApplicationJson.ticket(service.requestVaultUpload(req.requireCaller(),
                                req.body(NewDocument.class))))),
                Map.entry("GET /v1/admin/intake-errors", req -> HttpResponses.json(200, Map.of("items",
                        intakeErrors.recent(req.requireCaller(), INTAKE_ERRORS_PAGE)))),
                Map.entry("PUT /v1/applications/{id}/facts", req -> HttpResponses.json(200,
                        ApplicationJson.deadlines(service.declareFacts(req.requireCaller(), req.pathParameter("id"),
                                req.body(QuoteRequest.class))))),
                Map.entry("GET /v1/applications/{id}/deadlines", req -> HttpResponses.json(200,
                        ApplicationJson.deadlines(service.deadlines(req.requireCaller(), req.pathParameter("id"))))),
                Map.entry("GET /v1/deadlines.ics", req -> HttpResponses.text(200, "text/calendar; charset=utf-8",
                        DeadlineCalendar.render(service.companyDeadlines(req.requireCaller()), clock.instant()))),
                Map.entry("GET /v1/notifications", req -> HttpResponses.json(200, Map.of("items",
                        notifications.notifications(req.requireCaller())))),
                Map.entry("GET /v1/notification-preferences", req -> HttpResponses.json(200,
                        notifications.preferences(req.requireCaller()))),
                Map.entry("PUT /v1/notification-preferences", req -> HttpResponses.json(200,
                        notifications.savePreferences(req.requireCaller(),
                                req.body(NotificationService.PreferencesRequest.class)))));
        return new HttpApi(routes, Set.of());
    }
}
