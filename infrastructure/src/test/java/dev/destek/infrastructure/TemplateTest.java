package dev.destek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards infrastructure/template.yaml. {@code AsWritten} runs every check on the real template and expects no
 * violation; the other nested classes load a fresh copy, break one thing, and expect the checker to say so.
 */
class TemplateTest {

    private static final Path TEMPLATE = Path.of(System.getProperty("template.path", "template.yaml"));

    private static Map<String, Object> template() {
        return CloudFormationYaml.load(TEMPLATE);
    }

    private static TemplateChecks checks(Map<String, Object> template) {
        return TemplateChecks.of(template);
    }

    @Nested
    class AsWritten {

        @Test
        void handlers_realTemplate_shouldLoadEveryHandlerClass() {
            // GIVEN the template and the four function modules on the test classpath
            // WHEN / THEN every Handler names a loadable class with a handleRequest method
            assertThat(checks(template()).handlers()).isEmpty();
        }

        @Test
        void runtime_realTemplate_shouldBeJava21Arm64WithSnapStart() {
            assertThat(checks(template()).runtime()).isEmpty();
        }

        @Test
        void logGroups_realTemplate_shouldGiveEachFunctionItsOwnRetainedGroup() {
            assertThat(checks(template()).logGroups()).isEmpty();
        }

        @Test
        void policies_realTemplate_shouldStayWithinAllowLists() {
            assertThat(checks(template()).policies()).isEmpty();
        }

        @Test
        void bucket_realTemplate_shouldBePrivateEncryptedAndTlsOnly() {
            assertThat(checks(template()).bucket()).isEmpty();
        }

        @Test
        void table_realTemplate_shouldBeProtected() {
            assertThat(checks(template()).table()).isEmpty();
        }

        @Test
        void api_realTemplate_shouldRequireJwtExceptOnCatalogue() {
            assertThat(checks(template()).api()).isEmpty();
        }

        @Test
        void documentEvents_realTemplate_shouldTriggerValidationOnUploadsOnly() {
            assertThat(checks(template()).documentEvents()).isEmpty();
        }

        @Test
        void integrationEvents_realTemplate_shouldTriggerIngestionOnRateAndDebtFilesOnly() {
            assertThat(checks(template()).integrationEvents()).isEmpty();
        }

        @Test
        void schedule_realTemplate_shouldRunInIstanbulWithNarrowRole() {
            assertThat(checks(template()).schedule()).isEmpty();
        }

        @Test
        void template_realTemplate_shouldDeclareOutputsForClients() {
            assertThat(TemplateChecks.map(template().get("Outputs")))
                    .containsKeys("ApiUrl", "UserPoolId", "UserPoolClientId", "DocumentsBucketName", "TableName");
        }

        @Test
        void identity_realTemplate_shouldDeclareReviewerAndAdminGroups() {
            List<Object> groups = new ArrayList<>();
            TemplateChecks.map(template().get("Resources")).values().stream().map(TemplateChecks::map)
                    .filter(r -> "AWS::Cognito::UserPoolGroup".equals(r.get("Type")))
                    .forEach(r -> groups.add(TemplateChecks.map(r.get("Properties")).get("GroupName")));
            assertThat(groups).containsExactlyInAnyOrder("REVIEWER", "ADMIN");
        }
    }

    @Nested
    class Handlers {

        @Test
        void handlers_classMissing_shouldReportNotOnClasspath() {
            // GIVEN a handler class that does not exist
            Map<String, Object> t = template();
            props(t, "UploadFunction").put("Handler", "dev.destek.upload.NoSuchHandler::handleRequest");
            // WHEN
            List<String> violations = checks(t).handlers();
            // THEN
            assertThat(violations).anyMatch(v -> v.startsWith("UploadFunction: handler class")
                    && v.contains("is not on the classpath"));
        }

        @Test
        void handlers_classWithoutHandleRequest_shouldReportMissingMethod() {
            Map<String, Object> t = template();
            props(t, "PayoutFunction").put("Handler", "java.lang.String::handleRequest");

            assertThat(checks(t).handlers()).anyMatch(v -> v.contains("has no public handleRequest method"));
        }

        @Test
        void handlers_handlerRenamed_shouldReportContractMismatch() {
            Map<String, Object> t = template();
            props(t, "RemindersFunction").put("Handler", "dev.destek.reminders.ReminderHandler::handleRequest");

            assertThat(checks(t).handlers())
                    .anyMatch(v -> v.startsWith(
                            "RemindersFunction: Handler must be dev.destek.reminders.RemindersHandler"));
        }

        @Test
        void handlers_functionRemoved_shouldReportMissingFunction() {
            Map<String, Object> t = template();
            resources(t).remove("ValidationFunction");

            assertThat(checks(t).handlers()).contains("ValidationFunction: missing from the template");
        }

        @Test
        void handlers_functionWithoutContract_shouldBeReported() {
            Map<String, Object> t = template();
            resources(t).put("ExtraFunction", resources(t).get("PayoutFunction"));

            assertThat(checks(t).handlers()).anyMatch(v -> v.startsWith("ExtraFunction: function has no"));
        }
    }

    @Nested
    class RuntimeSettings {

        @Test
        void runtime_globalJava17_shouldReportEveryFunction() {
            Map<String, Object> t = template();
            globals(t).put("Runtime", "java17");

            assertThat(checks(t).runtime()).filteredOn(v -> v.contains("Runtime must be java21"))
                    .hasSize(TemplateChecks.CONTRACTS.size());
        }

        @Test
        void runtime_functionOverridesRuntime_shouldReportThatFunction() {
            Map<String, Object> t = template();
            props(t, "ValidationFunction").put("Runtime", "java11");

            assertThat(checks(t).runtime()).containsExactly("ValidationFunction: Runtime must be java21, was java11");
        }

        @Test
        void runtime_x86Architecture_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "PayoutFunction").put("Architectures", new ArrayList<>(List.of("x86_64")));

            assertThat(checks(t).runtime()).anyMatch(v -> v.startsWith("PayoutFunction: Architectures"));
        }

        @Test
        void runtime_snapStartRemovedFromGlobals_shouldReportEveryFunction() {
            Map<String, Object> t = template();
            globals(t).remove("SnapStart");

            assertThat(checks(t).runtime()).filteredOn(v -> v.contains("SnapStart"))
                    .hasSize(TemplateChecks.CONTRACTS.size());
        }

        @Test
        void runtime_snapStartNone_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "UploadFunction").put("SnapStart", mapOf("ApplyOn", "None"));

            assertThat(checks(t).runtime()).anyMatch(v -> v.startsWith("UploadFunction: SnapStart"));
        }

        @Test
        void runtime_noAlias_shouldBeReported() {
            Map<String, Object> t = template();
            globals(t).remove("AutoPublishAlias");

            assertThat(checks(t).runtime()).filteredOn(v -> v.contains("AutoPublishAlias"))
                    .hasSize(TemplateChecks.CONTRACTS.size());
        }
    }

    @Nested
    class LogGroups {

        @Test
        void logGroups_noRetention_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "PayoutLogGroup").remove("RetentionInDays");

            assertThat(checks(t).logGroups()).containsExactly("PayoutLogGroup: RetentionInDays must be set");
        }

        @Test
        void logGroups_noLoggingConfig_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "UploadFunction").remove("LoggingConfig");

            assertThat(checks(t).logGroups()).singleElement().asString()
                    .startsWith("UploadFunction: LoggingConfig.LogGroup must !Ref a log group");
        }

        @Test
        void logGroups_sharedGroup_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "ValidationFunction"), "LoggingConfig").put("LogGroup", mapOf("Ref", "UploadLogGroup"));

            assertThat(checks(t).logGroups()).singleElement().asString().contains("is shared with another function");
        }
    }

    @Nested
    class Policies {

        @Test
        void policies_payoutGetsS3Wildcard_shouldReportWildcardAction() {
            // GIVEN s3:* added to the payout function
            Map<String, Object> t = template();
            addStatement(t, "PayoutFunction", "s3:*", TemplateChecks.RULES_CONFIG);
            // WHEN
            List<String> violations = checks(t).policies();
            // THEN
            assertThat(violations).contains("PayoutFunction: wildcard action s3:* is not allowed");
        }

        @Test
        void policies_payoutGetsDynamoDbRead_shouldReportDynamoDbAccess() {
            Map<String, Object> t = template();
            addStatement(t, "PayoutFunction", "dynamodb:GetItem", TemplateChecks.TABLE);

            assertThat(checks(t).policies())
                    .contains("PayoutFunction: must not have any DynamoDB action, has dynamodb:GetItem")
                    .contains("PayoutFunction: action dynamodb:GetItem is not in its allow-list");
        }

        @Test
        void policies_uploadGetsUnneededAction_shouldReportIt() {
            Map<String, Object> t = template();
            addStatement(t, "UploadFunction", "s3:DeleteObject", TemplateChecks.UPLOADS);

            assertThat(checks(t).policies())
                    .containsExactly("UploadFunction: action s3:DeleteObject is not in its allow-list");
        }

        @Test
        void policies_uploadGetsDeleteItem_shouldReportIt() {
            Map<String, Object> t = template();
            addStatement(t, "UploadFunction", "dynamodb:DeleteItem", TemplateChecks.TABLE);

            assertThat(checks(t).policies())
                    .containsExactly("UploadFunction: action dynamodb:DeleteItem is not in its allow-list");
        }

        @Test
        void policies_claimsMayRewriteOrDeleteAuditEvents_shouldReportIt() {
            // the audit trail is append-only: the claims function may put events, never change or remove them
            Map<String, Object> t = template();
            addStatement(t, "ClaimsFunction", "dynamodb:DeleteItem", TemplateChecks.TABLE);
            addStatement(t, "ClaimsFunction", "dynamodb:UpdateItem", TemplateChecks.TABLE);

            assertThat(checks(t).policies()).containsExactlyInAnyOrder(
                    "ClaimsFunction: action dynamodb:DeleteItem is not in its allow-list",
                    "ClaimsFunction: action dynamodb:UpdateItem is not in its allow-list");
        }

        @Test
        void policies_payoutReadsWholeBucket_shouldReportResource() {
            Map<String, Object> t = template();
            addStatement(t, "PayoutFunction", "s3:GetObject", TemplateChecks.BUCKET_ARN + "/*");

            assertThat(checks(t).policies()).singleElement().asString()
                    .startsWith("PayoutFunction: action s3:GetObject on " + TemplateChecks.BUCKET_ARN
                            + "/* is not allowed");
        }

        @Test
        void policies_remindersQueriesBaseTable_shouldReportResource() {
            Map<String, Object> t = template();
            addStatement(t, "RemindersFunction", "dynamodb:Query", TemplateChecks.TABLE);

            assertThat(checks(t).policies()).singleElement().asString()
                    .startsWith("RemindersFunction: action dynamodb:Query on ${DestekTable.Arn} is not allowed");
        }

        @Test
        void policies_uploadSendsEmail_shouldBeReported() {
            // GIVEN only the reminders function may send e-mail
            Map<String, Object> t = template();
            addStatement(t, "UploadFunction", "ses:SendEmail", TemplateChecks.SES_IDENTITY);

            assertThat(checks(t).policies())
                    .containsExactly("UploadFunction: action ses:SendEmail is not in its allow-list");
        }

        @Test
        void policies_remindersScansTheIndex_shouldBeReported() {
            // GIVEN the daily run reads by Query only: a Scan grant is a design regression
            Map<String, Object> t = template();
            addStatement(t, "RemindersFunction", "dynamodb:Scan", TemplateChecks.GSI1);

            assertThat(checks(t).policies())
                    .containsExactly("RemindersFunction: action dynamodb:Scan is not in its allow-list");
        }

        @Test
        void policies_remindersSendsTemplatedEmail_shouldBeReported() {
            Map<String, Object> t = template();
            addStatement(t, "RemindersFunction", "ses:SendTemplatedEmail", TemplateChecks.SES_IDENTITY);

            assertThat(checks(t).policies())
                    .containsExactly("RemindersFunction: action ses:SendTemplatedEmail is not in its allow-list");
        }

        @Test
        void policies_wildcardResource_shouldBeReported() {
            Map<String, Object> t = template();
            addStatement(t, "RemindersFunction", "ses:SendEmail", "*");

            assertThat(checks(t).policies()).containsExactly("RemindersFunction: Resource '*' is not allowed");
        }

        @Test
        void policies_validationWritesInbox_shouldReportResource() {
            // validation writes uploads/ (adopting inbox drops) but never inbox/, which would re-trigger it
            Map<String, Object> t = template();
            addStatement(t, "ValidationFunction", "s3:PutObject", TemplateChecks.INBOX);

            assertThat(checks(t).policies()).singleElement().asString()
                    .startsWith("ValidationFunction: action s3:PutObject on " + TemplateChecks.INBOX);
        }

        @Test
        void policies_samPolicyTemplate_shouldBeReported() {
            Map<String, Object> t = template();
            policies(t, "UploadFunction")
                    .add(mapOf("DynamoDBCrudPolicy", mapOf("TableName", mapOf("Ref", "DestekTable"))));

            assertThat(checks(t).policies()).anyMatch(v -> v.contains("SAM policy template"));
        }

        @Test
        void policies_managedPolicy_shouldBeReported() {
            Map<String, Object> t = template();
            policies(t, "PayoutFunction").add("AmazonDynamoDBFullAccess");

            assertThat(checks(t).policies())
                    .anyMatch(v -> v.startsWith("PayoutFunction: policy AmazonDynamoDBFullAccess is a managed policy"));
        }

        @Test
        void policies_explicitRole_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "ValidationFunction").put("Role", "arn:aws:iam::123456789012:role/anything");

            assertThat(checks(t).policies()).anyMatch(v -> v.startsWith("ValidationFunction: an explicit Role"));
        }

        @Test
        void policies_notAction_shouldBeReported() {
            Map<String, Object> t = template();
            Map<String, Object> statement = mapOf("Effect", "Allow");
            statement.put("NotAction", "s3:DeleteBucket");
            statement.put("Resource", TemplateChecks.UPLOADS);
            statements(t, "UploadFunction").add(statement);

            assertThat(checks(t).policies()).anyMatch(v -> v.contains("NotAction"));
        }
    }

    @Nested
    class Bucket {

        @ParameterizedTest
        @ValueSource(strings = {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        void bucket_publicAccessFlagFlipped_shouldReportIt(String flag) {
            Map<String, Object> t = template();
            at(props(t, "DocumentsBucket"), "PublicAccessBlockConfiguration").put(flag, false);

            assertThat(checks(t).bucket())
                    .containsExactly("DocumentsBucket: PublicAccessBlockConfiguration." + flag + " must be true");
        }

        @Test
        void bucket_noEncryption_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "DocumentsBucket").remove("BucketEncryption");

            assertThat(checks(t).bucket()).containsExactly(
                    "DocumentsBucket: BucketEncryption must set SSEAlgorithm AES256 or aws:kms");
        }

        @Test
        void bucket_noPolicy_shouldReportMissingTlsDeny() {
            Map<String, Object> t = template();
            resources(t).remove("DocumentsBucketPolicy");

            assertThat(checks(t).bucket()).containsExactly(
                    "DocumentsBucket: needs a BucketPolicy denying requests where aws:SecureTransport is false");
        }

        @Test
        void bucket_tlsConditionInverted_shouldReportMissingTlsDeny() {
            Map<String, Object> t = template();
            Map<String, Object> statement = tlsStatement(t);
            at(statement, "Condition", "Bool").put("aws:SecureTransport", "true");

            assertThat(checks(t).bucket()).anyMatch(v -> v.contains("aws:SecureTransport is false"));
        }

        @Test
        void bucket_tlsStatementAllows_shouldReportMissingTlsDeny() {
            Map<String, Object> t = template();
            tlsStatement(t).put("Effect", "Allow");

            assertThat(checks(t).bucket()).anyMatch(v -> v.contains("aws:SecureTransport is false"));
        }

        @Test
        void bucket_versioningSuspended_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "DocumentsBucket"), "VersioningConfiguration").put("Status", "Suspended");

            assertThat(checks(t).bucket()).containsExactly("DocumentsBucket: VersioningConfiguration must be Enabled");
        }

        @Test
        void bucket_deletionPolicyDelete_shouldBeReported() {
            Map<String, Object> t = template();
            TemplateChecks.map(resources(t).get("DocumentsBucket")).put("DeletionPolicy", "Delete");

            assertThat(checks(t).bucket()).containsExactly("DocumentsBucket: DeletionPolicy must be Retain");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "quarantine/", "quarantine/uploads/"})
        void bucket_lifecycleExpiresQuarantine_shouldBeReported(String prefix) {
            Map<String, Object> t = template();
            Map<String, Object> rule = mapOf("Id", "expire");
            rule.put("Status", "Enabled");
            rule.put("ExpirationInDays", 30);
            if (!prefix.isEmpty()) {
                rule.put("Prefix", prefix);
            }
            rules(t).add(rule);

            assertThat(checks(t).bucket())
                    .containsExactly("DocumentsBucket: lifecycle rule expire expires objects under quarantine/");
        }

        @Test
        void bucket_lifecycleExpiresOnlyOtherPrefix_shouldPass() {
            Map<String, Object> t = template();
            Map<String, Object> rule = mapOf("Id", "expire-tmp");
            rule.put("Status", "Enabled");
            rule.put("Prefix", "tmp/");
            rule.put("ExpirationInDays", 1);
            rules(t).add(rule);

            assertThat(checks(t).bucket()).isEmpty();
        }

        @Test
        void bucket_nameChanged_shouldReportPoliciesPointingElsewhere() {
            Map<String, Object> t = template();
            props(t, "DocumentsBucket").put("BucketName", mapOf("Fn::Sub", "${AWS::StackName}-docs"));

            assertThat(checks(t).bucket()).anyMatch(v -> v.startsWith("DocumentsBucket: BucketName must be"));
        }

        private Map<String, Object> tlsStatement(Map<String, Object> t) {
            return TemplateChecks.map(TemplateChecks.list(at(props(t, "DocumentsBucketPolicy"), "PolicyDocument")
                    .get("Statement")).get(0));
        }

        @SuppressWarnings("unchecked")
        private List<Object> rules(Map<String, Object> t) {
            return (List<Object>) at(props(t, "DocumentsBucket"), "LifecycleConfiguration").get("Rules");
        }
    }

    @Nested
    class Table {

        @Test
        void table_noPointInTimeRecovery_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "DestekTable").remove("PointInTimeRecoverySpecification");

            assertThat(checks(t).table()).containsExactly("DestekTable: point-in-time recovery must be enabled");
        }

        @Test
        void table_sseDisabled_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "DestekTable"), "SSESpecification").put("SSEEnabled", false);

            assertThat(checks(t).table()).containsExactly("DestekTable: SSESpecification.SSEEnabled must be true");
        }

        @Test
        void table_provisioned_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "DestekTable").put("BillingMode", "PROVISIONED");

            assertThat(checks(t).table())
                    .containsExactly("DestekTable: BillingMode must be PAY_PER_REQUEST, was PROVISIONED");
        }

        @Test
        void table_noGsi1_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "DestekTable").remove("GlobalSecondaryIndexes");

            assertThat(checks(t).table()).singleElement().asString()
                    .startsWith("DestekTable: needs global secondary index GSI1");
        }

        @Test
        void table_deletionPolicyDelete_shouldBeReported() {
            Map<String, Object> t = template();
            TemplateChecks.map(resources(t).get("DestekTable")).remove("DeletionPolicy");

            assertThat(checks(t).table()).containsExactly("DestekTable: DeletionPolicy must be Retain");
        }
    }

    @Nested
    class Api {

        @Test
        void api_noDefaultAuthorizer_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "HttpApi"), "Auth").remove("DefaultAuthorizer");

            assertThat(checks(t).api())
                    .containsExactly("HttpApi: DefaultAuthorizer must name a JWT authorizer, was null");
        }

        @Test
        void api_defaultAuthorizerNotJwt_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "HttpApi"), "Auth", "Authorizers", "CognitoJwt").remove("JwtConfiguration");

            assertThat(checks(t).api()).anyMatch(v -> v.startsWith("HttpApi: DefaultAuthorizer must name a JWT"));
        }

        @Test
        void api_wrongAudience_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "HttpApi"), "Auth", "Authorizers", "CognitoJwt", "JwtConfiguration")
                    .put("audience", new ArrayList<>(List.of("some-other-client")));

            assertThat(checks(t).api()).anyMatch(v -> v.startsWith("HttpApi: JWT audience must be the app client"));
        }

        @Test
        void api_quotesMadePublic_shouldBeReported() {
            Map<String, Object> t = template();
            event(t, "PayoutFunction", "Quotes").put("Auth", mapOf("Authorizer", "NONE"));

            assertThat(checks(t).api())
                    .containsExactly("PayoutFunction.Quotes: route POST /v1/quotes must not be public");
        }

        @Test
        void api_uploadRouteMadePublic_shouldBeReported() {
            Map<String, Object> t = template();
            event(t, "UploadFunction", "GetApplication").put("Auth", mapOf("Authorizer", "NONE"));

            assertThat(checks(t).api())
                    .containsExactly(
                            "UploadFunction.GetApplication: route GET /v1/applications/{id} must not be public");
        }

        @Test
        void api_catalogueBehindAuthorizer_shouldBeReported() {
            Map<String, Object> t = template();
            event(t, "PayoutFunction", "Catalogue").remove("Auth");

            assertThat(checks(t).api())
                    .containsExactly(
                            "PayoutFunction.Catalogue: route GET /v1/catalogue must be public (Authorizer NONE)");
        }

        @Test
        void api_routeOnImplicitApi_shouldBeReported() {
            Map<String, Object> t = template();
            event(t, "UploadFunction", "CreateApplication").remove("ApiId");

            assertThat(checks(t).api()).anyMatch(v -> v.startsWith("UploadFunction.CreateApplication: ApiId must"));
        }

        @Test
        void api_calendarRouteMissing_shouldBeReported() {
            Map<String, Object> t = template();
            TemplateChecks.map(props(t, "UploadFunction").get("Events")).remove("GetDeadlineCalendar");

            assertThat(checks(t).api()).anyMatch(v -> v.startsWith("UploadFunction: routes must be"));
        }

        @Test
        void api_routeMissing_shouldBeReported() {
            Map<String, Object> t = template();
            TemplateChecks.map(props(t, "PayoutFunction").get("Events")).remove("Offsets");

            assertThat(checks(t).api()).anyMatch(v -> v.startsWith("PayoutFunction: routes must be"));
        }
    }

    @Nested
    class DocumentEvents {

        @Test
        void documentEvents_noPrefixFilter_shouldBeReported() {
            Map<String, Object> t = template();
            s3Event(t).remove("Filter");

            assertThat(checks(t).documentEvents()).singleElement().asString()
                    .startsWith("ValidationFunction: S3 events must filter on prefixes [inbox/, uploads/]");
        }

        @Test
        void documentEvents_inboxEventRemoved_shouldBeReported() {
            Map<String, Object> t = template();
            TemplateChecks.map(props(t, "ValidationFunction").get("Events")).remove("InboxDropped");

            assertThat(checks(t).documentEvents()).singleElement().asString()
                    .startsWith("ValidationFunction: needs exactly 2 S3 events");
        }

        @Test
        void documentEvents_inboxFilterWidenedToTheWholeBucket_shouldBeReported() {
            Map<String, Object> t = template();
            Map<String, Object> rule = TemplateChecks.map(TemplateChecks.list(TemplateChecks.map(TemplateChecks.map(
                    event(t, "ValidationFunction", "InboxDropped").get("Filter")).get("S3Key")).get("Rules")).get(0));
            rule.put("Value", "");

            assertThat(checks(t).documentEvents()).singleElement().asString()
                    .contains("were [, uploads/]");
        }

        @Test
        void documentEvents_wrongEvent_shouldBeReported() {
            Map<String, Object> t = template();
            s3Event(t).put("Events", "s3:ObjectRemoved:*");

            assertThat(checks(t).documentEvents()).singleElement().asString()
                    .startsWith("ValidationFunction: S3 event must be s3:ObjectCreated:*");
        }

        private Map<String, Object> s3Event(Map<String, Object> t) {
            return event(t, "ValidationFunction", "DocumentUploaded");
        }
    }

    @Nested
    class IntegrationEvents {

        @Test
        void integrationEvents_suffixFilterRemoved_shouldReportReportsRetriggering() {
            // GIVEN the rates event filtered on its prefix only: the function's own .report.json would match
            Map<String, Object> t = template();
            rulesOf(event(t, "IntegrationsFunction", "RatesDropped"))
                    .removeIf(rule -> "suffix".equals(TemplateChecks.map(rule).get("Name")));
            // WHEN / THEN
            assertThat(checks(t).integrationEvents()).singleElement().asString()
                    .startsWith("IntegrationsFunction: S3 filters (prefix, suffix) must be exactly");
        }

        @SuppressWarnings("unchecked")
        private List<Object> rulesOf(Map<String, Object> event) {
            return (List<Object>) at(event, "Filter", "S3Key").get("Rules");
        }

        @Test
        void integrationEvents_wrongEvent_shouldBeReported() {
            Map<String, Object> t = template();
            event(t, "IntegrationsFunction", "DebtsDropped").put("Events", "s3:ObjectRemoved:*");

            assertThat(checks(t).integrationEvents())
                    .containsExactly("IntegrationsFunction.DebtsDropped: S3 event must be s3:ObjectCreated:*");
        }

        @Test
        void policies_integrationsWritesTheFilesItIngests_shouldReportResource() {
            Map<String, Object> t = template();
            addStatement(t, "IntegrationsFunction", "s3:PutObject", TemplateChecks.DEBT_FILES);

            assertThat(checks(t).policies()).singleElement().asString()
                    .startsWith("IntegrationsFunction: action s3:PutObject on " + TemplateChecks.DEBT_FILES);
        }

        @Test
        void policies_integrationsGetsUpdateItem_shouldReportIt() {
            Map<String, Object> t = template();
            addStatement(t, "IntegrationsFunction", "dynamodb:UpdateItem", TemplateChecks.TABLE);

            assertThat(checks(t).policies())
                    .containsExactly("IntegrationsFunction: action dynamodb:UpdateItem is not in its allow-list");
        }
    }

    @Nested
    class Schedule {

        @Test
        void schedule_utc_shouldBeReported() {
            Map<String, Object> t = template();
            props(t, "RemindersSchedule").put("ScheduleExpressionTimezone", "UTC");

            assertThat(checks(t).schedule())
                    .containsExactly("RemindersSchedule: ScheduleExpressionTimezone must be Europe/Istanbul, was UTC");
        }

        @Test
        void schedule_targetsUnpublishedFunction_shouldBeReported() {
            Map<String, Object> t = template();
            at(props(t, "RemindersSchedule"), "Target")
                    .put("Arn", mapOf("Fn::GetAtt", List.of("RemindersFunction", "Arn")));

            assertThat(checks(t).schedule()).singleElement().asString().startsWith("RemindersSchedule: target must be");
        }

        @Test
        void schedule_roleMayInvokeAnyFunction_shouldBeReported() {
            Map<String, Object> t = template();
            Map<String, Object> statement = TemplateChecks.map(TemplateChecks.list(at(TemplateChecks.map(
                    TemplateChecks.list(props(t, "RemindersSchedulerRole").get("Policies")).get(0)), "PolicyDocument")
                    .get("Statement")).get(0));
            statement.put("Resource", "*");

            assertThat(checks(t).schedule()).containsExactly("RemindersSchedulerRole: Resource '*' is not allowed");
        }

        @Test
        void schedule_roleGetsExtraAction_shouldBeReported() {
            Map<String, Object> t = template();
            Map<String, Object> document = at(TemplateChecks.map(
                    TemplateChecks.list(props(t, "RemindersSchedulerRole").get("Policies")).get(0)), "PolicyDocument");
            statementList(document).add(statement("lambda:UpdateFunctionCode", TemplateChecks.REMINDERS_ALIAS));

            assertThat(checks(t).schedule())
                    .containsExactly(
                            "RemindersSchedulerRole: action lambda:UpdateFunctionCode is not in its allow-list");
        }
    }

    @Nested
    class Loader {

        @Test
        void load_shortFormTags_shouldBecomeLongFormIntrinsics() {
            // GIVEN a snippet using the short forms
            String yaml = String.join("\n",
                    "A: !Ref Bucket",
                    "B: !GetAtt Table.Arn",
                    "C: !Sub '${DestekTable.Arn}/index/GSI1'",
                    "D: !If [IsProd, !Ref X, !Ref AWS::NoValue]",
                    "E: !Join ['', [a, !Ref B]]",
                    "F: !Ref Fn.Alias");
            // WHEN
            Map<String, Object> parsed = CloudFormationYaml.parse(yaml);
            // THEN
            assertThat(parsed.get("A")).isEqualTo(Map.of("Ref", "Bucket"));
            assertThat(parsed.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
            assertThat(TemplateChecks.render(parsed.get("C"))).isEqualTo(TemplateChecks.GSI1);
            assertThat(parsed.get("D")).isEqualTo(Map.of("Fn::If",
                    List.of("IsProd", Map.of("Ref", "X"), Map.of("Ref", "AWS::NoValue"))));
            assertThat(parsed.get("E")).isEqualTo(Map.of("Fn::Join", List.of("", List.of("a", Map.of("Ref", "B")))));
            assertThat(TemplateChecks.render(parsed.get("F"))).isEqualTo(TemplateChecks.REMINDERS_ALIAS.replace(
                    "RemindersFunction", "Fn"));
        }
    }

    // ------------------------------------------------------------------ mutation helpers

    private static Map<String, Object> resources(Map<String, Object> t) {
        return TemplateChecks.map(t.get("Resources"));
    }

    private static Map<String, Object> props(Map<String, Object> t, String resource) {
        return at(TemplateChecks.map(resources(t).get(resource)), "Properties");
    }

    private static Map<String, Object> globals(Map<String, Object> t) {
        return at(t, "Globals", "Function");
    }

    private static Map<String, Object> event(Map<String, Object> t, String function, String event) {
        return at(props(t, function), "Events", event, "Properties");
    }

    /** The mutable map at a path of keys; fails the test if any step is missing. */
    private static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Map<String, Object> current = root;
        for (String key : keys) {
            Object next = current.get(key);
            assertThat(next).as("template path element %s", key).isInstanceOf(Map.class);
            current = TemplateChecks.map(next);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> policies(Map<String, Object> t, String function) {
        return (List<Object>) props(t, function).get("Policies");
    }

    private static List<Object> statements(Map<String, Object> t, String function) {
        return statementList(TemplateChecks.map(policies(t, function).get(0)));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> statementList(Map<String, Object> document) {
        return (List<Object>) document.get("Statement");
    }

    private static void addStatement(Map<String, Object> t, String function, String action, String resource) {
        statements(t, function).add(statement(action, resource));
    }

    private static Map<String, Object> statement(String action, String resource) {
        Map<String, Object> statement = mapOf("Effect", "Allow");
        statement.put("Action", new ArrayList<>(List.of(action)));
        statement.put("Resource", "*".equals(resource) ? resource : mapOf("Fn::Sub", resource));
        return statement;
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
