package dev.destek.infrastructure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that template.yaml must keep, each returning human-readable violations (empty = compliant).
 * The per-function least-privilege contract lives here, in {@link #CONTRACTS}: a policy action or resource
 * that is not listed there is a violation. Change the contract and the template together.
 */
final class TemplateChecks {

    // Canonical resource strings. Intrinsics are rendered as in Fn::Sub: !Ref X -> ${X}, !GetAtt X.Arn -> ${X.Arn}.
    static final String TABLE = "${DestekTable.Arn}";
    static final String GSI1 = "${DestekTable.Arn}/index/GSI1";
    static final String BUCKET_NAME = "${AWS::StackName}-documents-${AWS::AccountId}-${AWS::Region}";
    static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + BUCKET_NAME;
    static final String UPLOADS = BUCKET_ARN + "/uploads/*";
    static final String QUARANTINE = BUCKET_ARN + "/quarantine/*";
    static final String INBOX = BUCKET_ARN + "/inbox/*";
    /** The key prefixes whose new objects trigger validation, each through its own S3 event. */
    static final Set<String> VALIDATED_PREFIXES = Set.of("uploads/", "inbox/");
    static final String RULES_CONFIG = BUCKET_ARN + "/config/rules.yaml";
    static final String RATE_FILES = BUCKET_ARN + "/integrations/rates/*.xml";
    static final String DEBT_FILES = BUCKET_ARN + "/integrations/debts/*.csv";
    static final String RATE_REPORTS = BUCKET_ARN + "/integrations/rates/*.report.json";
    static final String DEBT_REPORTS = BUCKET_ARN + "/integrations/debts/*.report.json";
    static final String PAYMENT_ORDERS = BUCKET_ARN + "/payment-orders/*";
    static final String SES_IDENTITY =
            "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}";
    static final String REMINDERS_ALIAS = "${RemindersFunction.Alias}";
    static final String PUBLIC_ROUTE = "GET /v1/catalogue";
    static final String TIMEZONE = "Europe/Istanbul";

    /** What one function is: its handler, its routes, and every (action, resource) it may be granted. */
    record FunctionContract(String handler, String codeUri, Set<String> routes, Map<String, Set<String>> allowed) { }

    static final Map<String, FunctionContract> CONTRACTS = Map.of(
            "UploadFunction", new FunctionContract(
                    "dev.destek.upload.UploadHandler::handleRequest",
                    "../functions/upload/target/upload-function.jar",
                    Set.of("POST /v1/applications", "GET /v1/applications", "GET /v1/applications/{id}",
                            "POST /v1/applications/{id}/documents", "GET /v1/applications/{id}/checklist",
                            "PUT /v1/applications/{id}/documents/{documentId}/metadata",
                            "GET /v1/vault", "POST /v1/vault/documents",
                            "PUT /v1/vault/documents/{documentId}/metadata",
                            "GET /v1/admin/intake-errors",
                            "PUT /v1/applications/{id}/facts", "GET /v1/applications/{id}/deadlines",
                            "GET /v1/deadlines.ics", "GET /v1/notifications", "GET /v1/notification-preferences",
                            "PUT /v1/notification-preferences"),
                    Map.of(
                            "dynamodb:GetItem", Set.of(TABLE),
                            "dynamodb:PutItem", Set.of(TABLE),
                            "dynamodb:Query", Set.of(TABLE),
                            "dynamodb:UpdateItem", Set.of(TABLE),
                            "s3:GetObject", Set.of(RULES_CONFIG),
                            "s3:PutObject", Set.of(UPLOADS))),
            "ValidationFunction", new FunctionContract(
                    "dev.destek.validation.ValidationHandler::handleRequest",
                    "../functions/validation/target/validation-function.jar",
                    Set.of(),
                    Map.of(
                            "dynamodb:GetItem", Set.of(TABLE),
                            "dynamodb:PutItem", Set.of(TABLE),
                            "dynamodb:Query", Set.of(TABLE),
                            "dynamodb:UpdateItem", Set.of(TABLE),
                            "s3:GetObject", Set.of(UPLOADS, INBOX, QUARANTINE, RULES_CONFIG),
                            "s3:ListBucket", Set.of(BUCKET_ARN),
                            "s3:DeleteObject", Set.of(UPLOADS, INBOX),
                            "s3:PutObject", Set.of(QUARANTINE, UPLOADS))),
            "RemindersFunction", new FunctionContract(
                    "dev.destek.reminders.RemindersHandler::handleRequest",
                    "../functions/reminders/target/reminders-function.jar",
                    Set.of(),
                    Map.of(
                            "dynamodb:Query", Set.of(GSI1),
                            "dynamodb:GetItem", Set.of(TABLE),
                            "dynamodb:PutItem", Set.of(TABLE),
                            "dynamodb:UpdateItem", Set.of(TABLE),
                            "ses:SendEmail", Set.of(SES_IDENTITY))),
            "PayoutFunction", new FunctionContract(
                    "dev.destek.payout.PayoutHandler::handleRequest",
                    "../functions/payout/target/payout-function.jar",
                    Set.of("POST /v1/quotes", "POST /v1/deadlines", "POST /v1/offsets", "POST /v1/green-passports",
                            PUBLIC_ROUTE),
                    Map.of("s3:GetObject", Set.of(RULES_CONFIG))),
            "IntegrationsFunction", new FunctionContract(
                    "dev.destek.integrations.IntegrationsHandler::handleRequest",
                    "../functions/integrations/target/integrations-function.jar",
                    Set.of(),
                    Map.of(
                            "dynamodb:GetItem", Set.of(TABLE),
                            "dynamodb:PutItem", Set.of(TABLE),
                            "s3:GetObject", Set.of(RATE_FILES, DEBT_FILES),
                            "s3:PutObject", Set.of(RATE_REPORTS, DEBT_REPORTS),
                            "s3:ListBucket", Set.of(BUCKET_ARN))),
            // claims: events are only ever put (attribute_not_exists), never updated or deleted: no UpdateItem,
            // no DeleteItem; GetObject on uploads/ only so its presigned GETs of the evidence work
            "ClaimsFunction", new FunctionContract(
                    "dev.destek.claims.ClaimsHandler::handleRequest",
                    "../functions/claims/target/claims-function.jar",
                    Set.of("POST /v1/applications/{id}/claims", "GET /v1/claims/{id}", "PUT /v1/claims/{id}",
                            "POST /v1/claims/{id}/submit", "GET /v1/review/claims", "POST /v1/claims/{id}/review",
                            "POST /v1/claims/{id}/lines/{lineId}/adjustments", "POST /v1/claims/{id}/decision",
                            "POST /v1/claims/{id}/payment-order", "POST /v1/claims/{id}/paid",
                            "GET /v1/applications/{id}/audit", "GET /v1/audit/export",
                            "POST /v1/applications/{id}/pre-approvals", "GET /v1/applications/{id}/pre-approvals",
                            "POST /v1/pre-approvals/{id}/decision"),
                    Map.of(
                            "dynamodb:GetItem", Set.of(TABLE),
                            "dynamodb:PutItem", Set.of(TABLE),
                            "dynamodb:Query", Set.of(TABLE, GSI1),
                            "s3:GetObject", Set.of(UPLOADS, RULES_CONFIG),
                            "s3:PutObject", Set.of(PAYMENT_ORDERS))));

    /** The integrations function's S3 notifications, as (prefix, suffix): its reports must match neither. */
    static final Set<List<String>> INTEGRATION_FILTERS = Set.of(
            List.of("integrations/rates/", ".xml"), List.of("integrations/debts/", ".csv"));

    /** The scheduler's role may only invoke the reminders alias. */
    static final Map<String, Set<String>> SCHEDULER_ALLOWED = Map.of("lambda:InvokeFunction", Set.of(REMINDERS_ALIAS));

    private final Map<String, Object> template;
    private final ClassLoader classLoader;

    TemplateChecks(Map<String, Object> template, ClassLoader classLoader) {
        this.template = Objects.requireNonNull(template);
        this.classLoader = Objects.requireNonNull(classLoader);
    }

    static TemplateChecks of(Map<String, Object> template) {
        return new TemplateChecks(template, TemplateChecks.class.getClassLoader());
    }

    List<String> all() {
        List<String> violations = new ArrayList<>();
        violations.addAll(handlers());
        violations.addAll(runtime());
        violations.addAll(logGroups());
        violations.addAll(policies());
        violations.addAll(bucket());
        violations.addAll(table());
        violations.addAll(api());
        violations.addAll(documentEvents());
        violations.addAll(integrationEvents());
        violations.addAll(schedule());
        return violations;
    }

    // ------------------------------------------------------------------ handlers

    /** Each function's Handler is the contracted one, its class loads and it has a public handleRequest. */
    List<String> handlers() {
        List<String> violations = new ArrayList<>(functionSet());
        functions().forEach((name, function) -> {
            Map<String, Object> props = map(function.get("Properties"));
            FunctionContract contract = CONTRACTS.get(name);
            Object handler = props.get("Handler");
            if (!(handler instanceof String text) || !text.contains("::")) {
                violations.add(name + ": Handler must be 'class::method', was " + handler);
                return;
            }
            if (contract != null && !contract.handler().equals(text)) {
                violations.add(name + ": Handler must be " + contract.handler() + ", was " + text);
            }
            if (contract != null && !contract.codeUri().equals(props.get("CodeUri"))) {
                violations.add(name + ": CodeUri must be " + contract.codeUri() + ", was " + props.get("CodeUri"));
            }
            String className = text.substring(0, text.indexOf("::"));
            String methodName = text.substring(text.indexOf("::") + 2);
            try {
                Class<?> type = Class.forName(className, false, classLoader);
                boolean found = Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(methodName::equals);
                if (!found) {
                    violations.add(name + ": handler class " + className + " has no public " + methodName + " method");
                }
            } catch (ClassNotFoundException e) {
                violations.add(name + ": handler class " + className + " is not on the classpath");
            } catch (LinkageError e) {
                violations.add(name + ": handler class " + className + " does not link: " + e);
            }
        });
        return violations;
    }

    /** Functions in the template and in the contract are the same set. */
    private List<String> functionSet() {
        List<String> violations = new ArrayList<>();
        Set<String> declared = functions().keySet();
        for (String expected : new TreeSet<>(CONTRACTS.keySet())) {
            if (!declared.contains(expected)) {
                violations.add(expected + ": missing from the template");
            }
        }
        for (String name : declared) {
            if (!CONTRACTS.containsKey(name)) {
                violations.add(name + ": function has no least-privilege contract in TemplateChecks");
            }
        }
        return violations;
    }

    // ------------------------------------------------------------------ runtime

    /** java21 on arm64, SnapStart on published versions, and an alias so that published versions are invoked. */
    List<String> runtime() {
        List<String> violations = new ArrayList<>();
        functions().forEach((name, function) -> {
            Object runtime = effective(function, "Runtime");
            if (!"java21".equals(runtime)) {
                violations.add(name + ": Runtime must be java21, was " + runtime);
            }
            Object architectures = effective(function, "Architectures");
            if (!List.of("arm64").equals(architectures)) {
                violations.add(name + ": Architectures must be [arm64], was " + architectures);
            }
            Object snapStart = effective(function, "SnapStart");
            if (!(snapStart instanceof Map<?, ?> snap) || !"PublishedVersions".equals(snap.get("ApplyOn"))) {
                violations.add(name + ": SnapStart must be ApplyOn PublishedVersions, was " + snapStart);
            }
            Object alias = effective(function, "AutoPublishAlias");
            if (!(alias instanceof String text) || text.isBlank()) {
                violations.add(name + ": AutoPublishAlias is needed for SnapStart to be used, was " + alias);
            }
        });
        return violations;
    }

    /** Each function logs to its own log group of this template, which has a retention. */
    List<String> logGroups() {
        List<String> violations = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        functions().forEach((name, function) -> {
            String ref = render(map(effective(function, "LoggingConfig")).get("LogGroup"));
            String group = ref.startsWith("${") && ref.endsWith("}") ? ref.substring(2, ref.length() - 1) : ref;
            Map<String, Object> resource = map(resources().get(group));
            if (!"AWS::Logs::LogGroup".equals(resource.get("Type"))) {
                violations.add(name + ": LoggingConfig.LogGroup must !Ref a log group of this template, was " + ref);
                return;
            }
            if (!used.add(group)) {
                violations.add(name + ": log group " + group + " is shared with another function");
            }
            if (map(resource.get("Properties")).get("RetentionInDays") == null) {
                violations.add(group + ": RetentionInDays must be set");
            }
        });
        return violations;
    }

    // ------------------------------------------------------------------ policies

    /** Inline statements only, each action and resource in the function's allow-list, no wildcards. */
    List<String> policies() {
        List<String> violations = new ArrayList<>();
        functions().forEach((name, function) -> {
            Map<String, Object> props = map(function.get("Properties"));
            if (props.containsKey("Role")) {
                violations.add(name + ": an explicit Role bypasses the inline policies; use Policies");
            }
            Map<String, Set<String>> allowed = CONTRACTS.containsKey(name)
                    ? CONTRACTS.get(name).allowed() : Map.of();
            for (Object policy : list(props.get("Policies"))) {
                if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                    violations.addAll(statements(name, list(document.get("Statement")), allowed));
                } else {
                    violations.add(name + ": policy " + render(policy)
                            + " is a managed policy or SAM policy template; write inline statements");
                }
            }
            if ("PayoutFunction".equals(name)) {
                actions(props).stream().filter(a -> a.toLowerCase().startsWith("dynamodb:"))
                        .forEach(a -> violations.add(name + ": must not have any DynamoDB action, has " + a));
            }
        });
        return violations;
    }

    private static List<String> statements(String subject, List<Object> statements, Map<String, Set<String>> allowed) {
        List<String> violations = new ArrayList<>();
        for (Object item : statements) {
            Map<String, Object> statement = map(item);
            if ("Deny".equals(statement.get("Effect"))) {
                continue; // a deny never widens access
            }
            if (!"Allow".equals(statement.get("Effect"))) {
                violations.add(subject + ": statement Effect must be Allow or Deny, was " + statement.get("Effect"));
            }
            if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
                violations.add(subject + ": NotAction/NotResource grant everything else; list actions explicitly");
            }
            List<String> resources = list(statement.get("Resource")).stream().map(TemplateChecks::render).toList();
            for (String resource : resources) {
                if ("*".equals(resource)) {
                    violations.add(subject + ": Resource '*' is not allowed");
                }
            }
            for (Object rawAction : list(statement.get("Action"))) {
                String action = render(rawAction);
                if (action.contains("*")) {
                    violations.add(subject + ": wildcard action " + action + " is not allowed");
                    continue;
                }
                Set<String> allowedResources = allowed.get(action);
                if (allowedResources == null) {
                    violations.add(subject + ": action " + action + " is not in its allow-list");
                    continue;
                }
                for (String resource : resources) {
                    if (!"*".equals(resource) && !allowedResources.contains(resource)) {
                        violations.add(subject + ": action " + action + " on " + resource
                                + " is not allowed; allowed resources are " + new TreeSet<>(allowedResources));
                    }
                }
            }
        }
        return violations;
    }

    private static Set<String> actions(Map<String, Object> props) {
        Set<String> actions = new LinkedHashSet<>();
        for (Object policy : list(props.get("Policies"))) {
            if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                for (Object statement : list(document.get("Statement"))) {
                    list(map(statement).get("Action")).forEach(a -> actions.add(render(a)));
                }
            } else {
                actions.add(render(policy));
            }
        }
        return actions;
    }

    // ------------------------------------------------------------------ bucket

    /** Private, encrypted, versioned, retained, TLS-only, and nothing ever expires evidence in quarantine/. */
    List<String> bucket() {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> buckets = resourcesOfType("AWS::S3::Bucket");
        if (buckets.isEmpty()) {
            violations.add("template: no AWS::S3::Bucket");
        }
        buckets.forEach((name, bucket) -> {
            Map<String, Object> props = map(bucket.get("Properties"));
            if (!BUCKET_NAME.equals(render(props.get("BucketName")))) {
                violations.add(name + ": BucketName must be " + BUCKET_NAME + " (the policies name it), was "
                        + render(props.get("BucketName")));
            }
            Map<String, Object> block = map(props.get("PublicAccessBlockConfiguration"));
            for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets")) {
                if (!isTrue(block.get(flag))) {
                    violations.add(name + ": PublicAccessBlockConfiguration." + flag + " must be true");
                }
            }
            List<Object> encryption = list(map(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
            boolean encrypted = encryption.stream()
                    .map(rule -> map(map(rule).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                    .anyMatch(algorithm -> Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm));
            if (!encrypted) {
                violations.add(name + ": BucketEncryption must set SSEAlgorithm AES256 or aws:kms");
            }
            if (!"Enabled".equals(map(props.get("VersioningConfiguration")).get("Status"))) {
                violations.add(name + ": VersioningConfiguration must be Enabled");
            }
            if (!"Retain".equals(bucket.get("DeletionPolicy"))) {
                violations.add(name + ": DeletionPolicy must be Retain");
            }
            for (Object rule : list(map(props.get("LifecycleConfiguration")).get("Rules"))) {
                if (expiresQuarantine(map(rule))) {
                    violations.add(name + ": lifecycle rule " + map(rule).get("Id")
                            + " expires objects under quarantine/");
                }
            }
            if (!hasTlsOnlyPolicy(name)) {
                violations.add(name + ": needs a BucketPolicy denying requests where aws:SecureTransport is false");
            }
        });
        return violations;
    }

    private static boolean expiresQuarantine(Map<String, Object> rule) {
        if ("Disabled".equals(rule.get("Status"))) {
            return false;
        }
        boolean deletes = Set.of("ExpirationInDays", "ExpirationDate", "NoncurrentVersionExpiration",
                "NoncurrentVersionExpirationInDays", "ExpiredObjectDeleteMarker").stream().anyMatch(rule::containsKey);
        String prefix = rule.get("Prefix") == null ? "" : render(rule.get("Prefix"));
        return deletes && ("quarantine/".startsWith(prefix) || prefix.startsWith("quarantine/"));
    }

    private boolean hasTlsOnlyPolicy(String bucketName) {
        for (Map<String, Object> policy : resourcesOfType("AWS::S3::BucketPolicy").values()) {
            Map<String, Object> props = map(policy.get("Properties"));
            if (!("${" + bucketName + "}").equals(render(props.get("Bucket")))) {
                continue;
            }
            for (Object item : list(map(props.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(item);
                Object secure = map(map(statement.get("Condition")).get("Bool")).get("aws:SecureTransport");
                boolean everyone = "*".equals(statement.get("Principal"))
                        || "*".equals(map(statement.get("Principal")).get("AWS"));
                boolean allActions = list(statement.get("Action")).stream().map(TemplateChecks::render)
                        .anyMatch("s3:*"::equals);
                boolean objects = list(statement.get("Resource")).stream().map(TemplateChecks::render)
                        .anyMatch(r -> r.endsWith("/*"));
                if ("Deny".equals(statement.get("Effect")) && isFalse(secure) && everyone && allActions && objects) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ table

    /** On-demand, point-in-time recovery, encryption at rest, retained, with GSI1 (GSI1PK/GSI1SK). */
    List<String> table() {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> tables = resourcesOfType("AWS::DynamoDB::Table");
        if (tables.isEmpty()) {
            violations.add("template: no AWS::DynamoDB::Table");
        }
        tables.forEach((name, table) -> {
            Map<String, Object> props = map(table.get("Properties"));
            if (!"PAY_PER_REQUEST".equals(props.get("BillingMode"))) {
                violations.add(name + ": BillingMode must be PAY_PER_REQUEST, was " + props.get("BillingMode"));
            }
            if (!isTrue(map(props.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
                violations.add(name + ": point-in-time recovery must be enabled");
            }
            if (!isTrue(map(props.get("SSESpecification")).get("SSEEnabled"))) {
                violations.add(name + ": SSESpecification.SSEEnabled must be true");
            }
            if (!"Retain".equals(table.get("DeletionPolicy"))) {
                violations.add(name + ": DeletionPolicy must be Retain");
            }
            boolean gsi1 = list(props.get("GlobalSecondaryIndexes")).stream().map(TemplateChecks::map)
                    .filter(index -> "GSI1".equals(index.get("IndexName")))
                    .anyMatch(index -> keys(index).equals(Map.of("GSI1PK", "HASH", "GSI1SK", "RANGE")));
            if (!gsi1) {
                violations.add(name + ": needs global secondary index GSI1 keyed GSI1PK (HASH) / GSI1SK (RANGE)");
            }
        });
        return violations;
    }

    private static Map<String, Object> keys(Map<String, Object> index) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Object key : list(index.get("KeySchema"))) {
            keys.put(String.valueOf(map(key).get("AttributeName")), map(key).get("KeyType"));
        }
        return keys;
    }

    // ------------------------------------------------------------------ API

    /**
     * A JWT authorizer (Cognito issuer, app-client audience) is the default on every HTTP API, every route is on
     * such an API, only GET /v1/catalogue opts out, and each function serves exactly its contracted routes.
     */
    List<String> api() {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> apis = resourcesOfType("AWS::Serverless::HttpApi");
        if (apis.isEmpty()) {
            violations.add("template: no AWS::Serverless::HttpApi");
        }
        apis.forEach((name, api) -> {
            Map<String, Object> auth = map(map(api.get("Properties")).get("Auth"));
            Object defaultAuthorizer = auth.get("DefaultAuthorizer");
            Map<String, Object> authorizer = map(map(auth.get("Authorizers")).get(defaultAuthorizer));
            Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"));
            if (defaultAuthorizer == null || jwt.isEmpty()) {
                violations.add(name + ": DefaultAuthorizer must name a JWT authorizer, was " + defaultAuthorizer);
                return;
            }
            if (!render(jwt.get("issuer")).startsWith("https://cognito-idp.")
                    || !render(jwt.get("issuer")).contains("${UserPool}")) {
                violations.add(name + ": JWT issuer must be the user pool, was " + render(jwt.get("issuer")));
            }
            List<String> audience = list(jwt.get("audience")).stream().map(TemplateChecks::render).toList();
            if (!audience.equals(List.of("${UserPoolClient}"))) {
                violations.add(name + ": JWT audience must be the app client, was " + audience);
            }
        });
        functions().forEach((name, function) -> {
            Set<String> routes = new TreeSet<>();
            map(map(function.get("Properties")).get("Events")).forEach((eventName, raw) -> {
                Map<String, Object> event = map(raw);
                Map<String, Object> props = map(event.get("Properties"));
                if ("Api".equals(event.get("Type"))) {
                    violations.add(name + "." + eventName + ": REST Api events are not behind the JWT authorizer");
                }
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                String route = props.get("Method") + " " + props.get("Path");
                routes.add(route);
                String apiId = render(props.get("ApiId"));
                if (!apis.containsKey(apiId.replace("${", "").replace("}", ""))) {
                    violations.add(name + "." + eventName + ": ApiId must !Ref the HttpApi (an implicit API has no "
                            + "authorizer), was " + apiId);
                }
                boolean isPublic = "NONE".equals(map(props.get("Auth")).get("Authorizer"));
                if (isPublic && !PUBLIC_ROUTE.equals(route)) {
                    violations.add(name + "." + eventName + ": route " + route + " must not be public");
                }
                if (!isPublic && PUBLIC_ROUTE.equals(route)) {
                    violations.add(name + "." + eventName + ": route " + route + " must be public (Authorizer NONE)");
                }
            });
            FunctionContract contract = CONTRACTS.get(name);
            if (contract != null && !routes.equals(new TreeSet<>(contract.routes()))) {
                violations.add(name + ": routes must be " + new TreeSet<>(contract.routes()) + ", were " + routes);
            }
        });
        return violations;
    }

    // ------------------------------------------------------------------ S3 events

    /**
     * Validation is triggered by every object created under uploads/ and inbox/ in the documents bucket, one S3
     * event per prefix, and by nothing else (its own writes under quarantine/ would re-trigger it).
     */
    List<String> documentEvents() {
        List<String> violations = new ArrayList<>();
        Map<String, Object> function = functions().get("ValidationFunction");
        if (function == null) {
            return List.of("ValidationFunction: missing from the template");
        }
        List<Map<String, Object>> s3Events = map(map(function.get("Properties")).get("Events")).values().stream()
                .map(TemplateChecks::map).filter(e -> "S3".equals(e.get("Type")))
                .map(e -> map(e.get("Properties"))).toList();
        if (s3Events.size() != VALIDATED_PREFIXES.size()) {
            violations.add("ValidationFunction: needs exactly " + VALIDATED_PREFIXES.size() + " S3 events (one per"
                    + " prefix " + new TreeSet<>(VALIDATED_PREFIXES) + "), has " + s3Events.size());
            return violations;
        }
        Set<String> prefixes = new TreeSet<>();
        for (Map<String, Object> event : s3Events) {
            if (!"${DocumentsBucket}".equals(render(event.get("Bucket")))) {
                violations.add("ValidationFunction: S3 event must !Ref DocumentsBucket, was "
                        + render(event.get("Bucket")));
            }
            if (!list(event.get("Events")).contains("s3:ObjectCreated:*")) {
                violations.add("ValidationFunction: S3 event must be s3:ObjectCreated:*, was "
                        + event.get("Events"));
            }
            List<Object> rules = list(map(map(event.get("Filter")).get("S3Key")).get("Rules"));
            rules.stream().map(TemplateChecks::map)
                    .filter(rule -> "prefix".equalsIgnoreCase(String.valueOf(rule.get("Name"))))
                    .map(rule -> String.valueOf(rule.get("Value"))).forEach(prefixes::add);
        }
        if (!prefixes.equals(new TreeSet<>(VALIDATED_PREFIXES))) {
            violations.add("ValidationFunction: S3 events must filter on prefixes " + new TreeSet<>(VALIDATED_PREFIXES)
                    + ", were " + prefixes + " (quarantine writes would re-trigger it)");
        }
        return violations;
    }

    /**
     * Ingestion is triggered by objects created under integrations/rates/*.xml and integrations/debts/*.csv only:
     * a filter without its suffix would let the function's own reports (…report.json) trigger it again.
     */
    List<String> integrationEvents() {
        List<String> violations = new ArrayList<>();
        Map<String, Object> function = functions().get("IntegrationsFunction");
        if (function == null) {
            return List.of("IntegrationsFunction: missing from the template");
        }
        Set<List<String>> filters = new LinkedHashSet<>();
        map(map(function.get("Properties")).get("Events")).forEach((eventName, raw) -> {
            Map<String, Object> event = map(raw);
            if (!"S3".equals(event.get("Type"))) {
                violations.add("IntegrationsFunction." + eventName + ": only S3 events may trigger ingestion");
                return;
            }
            Map<String, Object> props = map(event.get("Properties"));
            if (!"${DocumentsBucket}".equals(render(props.get("Bucket")))) {
                violations.add("IntegrationsFunction." + eventName + ": S3 event must !Ref DocumentsBucket");
            }
            if (!list(props.get("Events")).contains("s3:ObjectCreated:*")) {
                violations.add("IntegrationsFunction." + eventName + ": S3 event must be s3:ObjectCreated:*");
            }
            String prefix = null;
            String suffix = null;
            for (Object rule : list(map(map(props.get("Filter")).get("S3Key")).get("Rules"))) {
                String name = String.valueOf(map(rule).get("Name")).toLowerCase();
                if ("prefix".equals(name)) {
                    prefix = String.valueOf(map(rule).get("Value"));
                } else if ("suffix".equals(name)) {
                    suffix = String.valueOf(map(rule).get("Value"));
                }
            }
            filters.add(Arrays.asList(prefix, suffix));
        });
        if (!filters.equals(INTEGRATION_FILTERS)) {
            violations.add("IntegrationsFunction: S3 filters (prefix, suffix) must be exactly " + INTEGRATION_FILTERS
                    + " so its .report.json writes never trigger it, were " + filters);
        }
        return violations;
    }

    // ------------------------------------------------------------------ schedule

    /** A Europe/Istanbul schedule targets the reminders alias through a role that can do nothing else. */
    List<String> schedule() {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> schedules = resourcesOfType("AWS::Scheduler::Schedule");
        if (schedules.isEmpty()) {
            violations.add("template: no AWS::Scheduler::Schedule for reminders");
        }
        schedules.forEach((name, schedule) -> {
            Map<String, Object> props = map(schedule.get("Properties"));
            if (!TIMEZONE.equals(props.get("ScheduleExpressionTimezone"))) {
                violations.add(name + ": ScheduleExpressionTimezone must be " + TIMEZONE + ", was "
                        + props.get("ScheduleExpressionTimezone"));
            }
            Map<String, Object> target = map(props.get("Target"));
            if (!REMINDERS_ALIAS.equals(render(target.get("Arn")))) {
                violations.add(name + ": target must be " + REMINDERS_ALIAS + ", was " + render(target.get("Arn")));
            }
            String roleArn = render(target.get("RoleArn"));
            String roleName = roleArn.startsWith("${") && roleArn.endsWith(".Arn}")
                    ? roleArn.substring(2, roleArn.length() - 5) : roleArn;
            Map<String, Object> role = map(resources().get(roleName));
            if (!"AWS::IAM::Role".equals(role.get("Type"))) {
                violations.add(name + ": RoleArn must !GetAtt a role of this template, was " + roleArn);
                return;
            }
            Map<String, Object> roleProps = map(role.get("Properties"));
            if (roleProps.containsKey("ManagedPolicyArns")) {
                violations.add(roleName + ": must not have managed policies");
            }
            for (Object policy : list(roleProps.get("Policies"))) {
                List<Object> statements = list(map(map(policy).get("PolicyDocument")).get("Statement"));
                violations.addAll(statements(roleName, statements, SCHEDULER_ALLOWED));
            }
        });
        return violations;
    }

    // ------------------------------------------------------------------ template access

    private Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(name, map(resource));
            }
        });
        return found;
    }

    private Map<String, Map<String, Object>> functions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    /** A function property, falling back to Globals.Function as SAM does. */
    private Object effective(Map<String, Object> function, String property) {
        Map<String, Object> props = map(function.get("Properties"));
        if (props.containsKey(property)) {
            return props.get(property);
        }
        return map(map(template.get("Globals")).get("Function")).get(property);
    }

    /**
     * A value as one comparable string: plain strings as they are, {@code Ref X} as {@code ${X}},
     * {@code Fn::GetAtt [X, Arn]} as {@code ${X.Arn}}, {@code Fn::Sub} as its template string.
     */
    static String render(Object value) {
        if (value instanceof Map<?, ?> function && function.size() == 1) {
            Map.Entry<?, ?> entry = function.entrySet().iterator().next();
            Object argument = entry.getValue();
            switch (String.valueOf(entry.getKey())) {
                case "Ref":
                    return "${" + argument + "}";
                case "Fn::GetAtt":
                    return "${" + String.join(".", list(argument).stream().map(String::valueOf).toList()) + "}";
                case "Fn::Sub":
                    return argument instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(argument);
                default:
                    return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Collection<?> c ? new ArrayList<>((Collection<Object>) c) : List.of(value);
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(value) || "false".equals(value);
    }
}
