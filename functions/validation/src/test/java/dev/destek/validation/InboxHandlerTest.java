package dev.destek.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.application.Application;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.dynamo.DynamoIntakeErrorLog;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.Document;
import dev.destek.document.DocumentStatus;
import dev.destek.intake.IntakeError;
import dev.destek.rules.Rules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Integrators' inbox drops through the real handler, S3's event JSON and the emulators. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class InboxHandlerTest {
    private static final byte[] PDF = Corpus.pdf(1);
    private static final String APP = "app-inbox";

    @Test
    void inboxDrop_pdfWithAnIntegratorsFileName_shouldBecomeAnAcceptedDocumentOnce(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN a PDF dropped under a key with spaces and Turkish letters (S3 form-encodes it in the event)
        HandlerFixture fixture = fixture(table, bucket);
        String key = "inbox/" + HandlerFixture.COMPANY + "/" + APP + "/INVOICE/fatura ödeme 17.pdf";
        fixture.store(key, PDF);
        ValidationHandler handler = fixture.handler();

        // WHEN the event arrives twice
        List<String> first = HandlerFixture.invoke(handler, URLEncoder.encode(key, StandardCharsets.UTF_8));
        List<String> second = HandlerFixture.invoke(handler, URLEncoder.encode(key, StandardCharsets.UTF_8));

        // THEN one accepted document with the file's name, its bytes moved under uploads/
        assertThat(first).containsExactly("Adopted");
        assertThat(second).containsExactly("Ignored");
        Document document = fixture.repository.documents(HandlerFixture.COMPANY, APP).get(0);
        assertThat(fixture.repository.documents(HandlerFixture.COMPANY, APP)).hasSize(1);
        assertThat(document.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(document.fileName()).isEqualTo("fatura ödeme 17.pdf");
        assertThat(fixture.bytes(document.objectKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(PDF));
        assertThat(fixture.bytes(key)).isEmpty();
    }

    @Test
    void inboxDrop_unknownApplication_shouldBeQuarantinedAndRecordedForAdministrators(DynamoTable table,
                                                                                     S3Bucket bucket)
            throws Exception {
        // GIVEN
        HandlerFixture fixture = fixture(table, bucket);
        String key = "inbox/" + HandlerFixture.COMPANY + "/no-such-app/INVOICE/f.pdf";
        fixture.store(key, PDF);

        // WHEN
        List<String> outcome = HandlerFixture.invoke(fixture.handler(), key);

        // THEN
        assertThat(outcome).containsExactly("Refused");
        assertThat(fixture.bytes("quarantine/" + key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(PDF));
        assertThat(new DynamoIntakeErrorLog(table::client, table.tableName()).recent(10)).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(IntakeError.UNKNOWN_APPLICATION));
    }

    private static HandlerFixture fixture(DynamoTable table, S3Bucket bucket) {
        HandlerFixture fixture = new HandlerFixture(table, bucket, Map.of());
        fixture.repository.create(new Application(APP, HandlerFixture.COMPANY, "ADVERTISING",
                ApplicationStatus.DRAFT, Rules.load(Map.of()).checklist("ADVERTISING", LocalDate.of(2026, 1, 1)),
                "user-1", Instant.parse("2026-01-01T00:00:00Z")));
        return fixture;
    }
}
