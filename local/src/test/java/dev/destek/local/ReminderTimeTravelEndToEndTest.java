package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application's life with its reminders, over HTTP against the local runner, travelling in time through the
 * scheduler's {@code POST /_local/schedules/reminders}: facts declared, the 30-day reminder, a corrected fact that
 * moves the deadline, a muted kind, missed days caught up, a repeated run that sends nothing, the e-mails in the
 * local SES outbox, the in-app list and the calendar feed, each for its own company only.
 */
class ReminderTimeTravelEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSystem system;
    private static LocalApi api;
    private static String alice;
    private static String bora;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(0, 0, null, Clock.systemUTC());
        api = new LocalApi(system);
        alice = token("alice", "COMPANY_A");
        bora = token("bora", "COMPANY_B");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void applicationLife_remindersThroughTimeTravel_shouldArriveOnceEachInTheCompanysLanguage() throws Exception {
        // GIVEN company A wants English reminders by e-mail, without the 7-day one; B has an application too
        assertThat(send("PUT", "/v1/notification-preferences", alice,
                "{\"language\":\"en\",\"email\":\"ops@a.example\",\"mutedKinds\":[\"BEFORE_7\"]}").statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/v1/notification-preferences", alice, "{\"mutedKinds\":[\"MISSED\"]}").statusCode())
                .isEqualTo(422);
        String app = open(alice);
        open(bora);

        // WHEN A declares an advertising payment made ten months ago: Art. 34(1) claim within a year of it
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Istanbul"));
        LocalDate paid = today.minusMonths(10);
        HttpResponse<String> declared = send("PUT", "/v1/applications/" + app + "/facts", alice, facts(paid));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        LocalDate deadline = t42(JSON.readTree(declared.body()));
        assertThat(deadline).isEqualTo(paid.plusYears(1));
        assertThat(send("PUT", "/v1/applications/" + app + "/facts", bora, facts(paid)).statusCode()).isEqualTo(404);

        // THEN the run on the 30th day before sends the 30-day reminder
        JsonNode first = run(deadline.minusDays(30));
        assertThat(first.get("sent").asInt()).isPositive();
        assertThat(outboxKinds()).contains("T42:BEFORE_30");

        // WHEN the payment date is corrected by three days, the pending reminders move with the deadline
        LocalDate corrected = paid.plusDays(3);
        JsonNode moved = JSON.readTree(send("PUT", "/v1/applications/" + app + "/facts", alice, facts(corrected))
                .body());
        assertThat(moved.at("/reminders/cancelled").asInt()).isPositive();
        LocalDate newDeadline = t42(moved);
        assertThat(newDeadline).isEqualTo(corrected.plusYears(1));

        // AND the schedule misses every day until the day after the new deadline: that run catches them all up
        JsonNode late = run(newDeadline.plusDays(1));
        assertThat(late.get("from").asText()).isEqualTo(deadline.minusDays(29).toString());
        assertThat(late.get("muted").asInt()).isPositive();
        JsonNode again = run(newDeadline.plusDays(1));
        assertThat(again.get("sent").asInt()).isZero();

        // THEN each T42 reminder was e-mailed once, in English; the muted 7-day one never. The correction was
        // made (in real time) before the new deadline's 30th day, so that deadline has its own 30-day reminder
        List<String> kinds = outboxKinds();
        assertThat(kinds).filteredOn(k -> k.startsWith("T42:"))
                .containsExactlyInAnyOrder("T42:BEFORE_30", "T42:BEFORE_30", "T42:BEFORE_1", "T42:MISSED");
        JsonNode outbox = JSON.readTree(send("GET", "/_local/outbox", null, null).body()).get("items");
        for (JsonNode mail : outbox) {
            assertThat(mail.get("to").asText()).isEqualTo("ops@a.example");
            assertThat(mail.get("from").asText()).isEqualTo(LocalSystem.SENDER);
        }
        assertThat(outbox.toString()).contains("Deadline " + newDeadline).contains("Legal basis: Art. 34(1)");

        // AND the in-app list shows them to A only; B has none
        JsonNode notifications = JSON.readTree(send("GET", "/v1/notifications", alice, null).body()).get("items");
        assertThat(notifications.findValuesAsText("ruleId")).contains("T42");
        assertThat(notifications.findValuesAsText("status")).containsOnly("SENT");
        assertThat(JSON.readTree(send("GET", "/v1/notifications", bora, null).body()).get("items")).isEmpty();

        // AND the calendar feed carries A's deadline, and nothing for B
        HttpResponse<String> ics = send("GET", "/v1/deadlines.ics", alice, null);
        assertThat(ics.headers().firstValue("content-type")).hasValue("text/calendar; charset=utf-8");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:" + newDeadline.toString().replace("-", ""));
        assertThat(send("GET", "/v1/deadlines.ics", bora, null).body()).doesNotContain("BEGIN:VEVENT");
    }

    private static LocalDate t42(JsonNode answer) {
        for (JsonNode d : answer.get("deadlines")) {
            if (d.get("ruleId").asText().equals("T42")) {
                return LocalDate.parse(d.get("date").asText());
            }
        }
        throw new AssertionError("no T42 deadline in " + answer);
    }

    private static String facts(LocalDate paid) {
        return "{\"programme\":\"DECREE_2015_8\",\"applicant\":{\"role\":\"BENEFICIARY\",\"type\":\"IT_COMPANY\","
                + "\"sector\":\"IT\",\"hqProvince\":\"PROV_A\"},\"activity\":{\"countries\":[\"XA\"],\"start\":\""
                + paid.minusDays(20) + "\",\"end\":\"" + paid.minusDays(10) + "\"},\"expenses\":[{\"id\":\"E1\","
                + "\"kind\":\"ADVERTISING\",\"amount\":\"10000.00\",\"currency\":\"USD\",\"paymentDate\":\"" + paid
                + "\"}]}";
    }

    private static JsonNode run(LocalDate day) throws Exception {
        HttpResponse<String> r = send("POST", "/_local/schedules/reminders", null,
                "{\"now\":\"" + day + "T06:00:00Z\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> outboxKinds() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode mail : JSON.readTree(send("GET", "/_local/outbox", null, null).body()).get("items")) {
            String rule = "";
            String kind = "";
            for (JsonNode tag : mail.get("tags")) {
                if (tag.get("Name").asText().equals("ruleId")) {
                    rule = tag.get("Value").asText();
                } else if (tag.get("Name").asText().equals("reminderKind")) {
                    kind = tag.get("Value").asText();
                }
            }
            kinds.add(rule + ":" + kind);
        }
        return kinds;
    }

    private static String open(String token) throws Exception {
        return JSON.readTree(send("POST", "/v1/applications", token, "{\"supportItem\":\"ADVERTISING\"}").body())
                .get("id").asText();
    }

    private static String token(String sub, String company) throws Exception {
        return api.token(sub, company, "APPLICANT");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return api.send(method, path, token, body);
    }
}
