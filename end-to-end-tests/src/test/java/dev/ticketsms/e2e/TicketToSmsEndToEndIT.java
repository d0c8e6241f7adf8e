package dev.ticketsms.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product once, with real servers ({@link TicketSmsSystem}). A ticket created through the API must reach
 * every opted-in team member with a phone number as one SMS, and nobody else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketToSmsEndToEndIT {

    private static TicketSmsSystem system;
    private static ServiceProcess tickets;
    private static ServiceProcess profiles;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = TicketSmsSystem.start(TicketToSmsEndToEndIT.class.getSimpleName(), Map.of());
        tickets = system.tickets();
        profiles = system.profiles();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    /** Runs after the others: what they made the services log must not hold a whole phone number. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noLogLineOfTheRunHoldsAWholePhoneNumber() throws Exception {
        assertThat(system.logLinesWithAWholePhoneNumber()).isEmpty();
    }

    @Test
    void aNewTicketTextsEveryOptedInTeamMemberWithAPhoneAndNobodyElse() throws Exception {
        String admin = system.userToken("admin-1", "Ada Admin", "admin");
        String optedIn = system.userToken("alice", "Alice Agent");
        String alsoOptedIn = system.userToken("erin", "Erin Engineer");
        String optedOut = system.userToken("bob", "Bob Agent");
        String noPhone = system.userToken("carol", "Carol Agent");
        String creator = system.userToken("dave", "John Doe");

        system.saveVerifiedProfile(optedIn, """
                {"phoneNumber":"+1 (415) 555-0101","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(alsoOptedIn, """
                {"phoneNumber":"+49 151 23456789","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(optedOut, """
                {"phoneNumber":"+14155550102","smsNotificationsEnabled":false}""");
        system.call(profiles, "POST", "/api/user/profile", noPhone, """
                {"smsNotificationsEnabled":true}""", 200);
        String teamId = system.team(admin, "Database team", "alice", "erin", "bob", "carol", "dave");

        String ticketId = system.createTicketOnceMember(creator, """
                {"title":"Database Connection Issue","description":"Connection pool exhausted","severity":"HIGH",
                 "category":"Technical","teamId":"%s"}""".formatted(teamId));

        long number = system.call(tickets, "GET", "/api/tickets/" + ticketId, creator, null, 200).get("number").asLong();

        // everybody in the team is watched: only the two opted-in members with a phone may get anything
        String[] team = {"+14155550101", "+4915123456789", "+14155550102"};
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo(team).size() >= 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> system.messagesTo(team).size() == 2);

        List<JsonNode> sms = system.messagesTo(team);
        assertThat(sms).extracting(message -> message.get("to").asString())
                .containsExactlyInAnyOrder("+14155550101", "+4915123456789");
        assertThat(sms).allSatisfy(message -> {
            assertThat(message.get("from").asString()).isEqualTo(TicketSmsSystem.FROM);
            assertThat(message.get("body").asString()).isEqualTo("""
                    New Support Ticket Created (#%d)
                    Title: Database Connection Issue
                    Severity: High
                    Category: Technical
                    Created by: John Doe
                    Reply ACK %d or RESOLVE %d

                    View ticket: https://support.example.com/tickets/%s""".formatted(number, number, number, ticketId));
        });

        // the sandbox's signed status callbacks carry each row from SENT to DELIVERED
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(system.ledgerOf(ticketId, "TICKET_CREATED"))
                .as("one ledger row per opted-in member, with the sandbox's SID, delivered")
                .containsOnlyKeys("alice", "erin")
                .allSatisfy((user, row) -> assertThat(row.status()).isEqualTo("DELIVERED"))
                .extractingFromEntries(entry -> entry.getValue().sid())
                .containsExactlyInAnyOrder(sms.get(0).get("sid").asString(), sms.get(1).get("sid").asString()));

        system.call(tickets, "PATCH", "/api/tickets/" + ticketId + "/status", creator, """
                {"status":"RESOLVED"}""", 200);

        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo(team).size() >= 4);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> system.messagesTo(team).size() == 4);
        List<JsonNode> updates = system.messagesTo(team).stream()
                .filter(message -> message.get("body").asString().startsWith("Ticket Status Updated")).toList();
        assertThat(updates).extracting(message -> message.get("to").asString())
                .containsExactlyInAnyOrder("+14155550101", "+4915123456789");
        assertThat(updates.getFirst().get("body").asString()).isEqualTo("""
                Ticket Status Updated (#%d)
                Ticket: Database Connection Issue
                Status: Open -> Resolved
                Severity: High
                Reply CLOSE %d, or START %d to reopen

                View ticket: https://support.example.com/tickets/%s""".formatted(number, number, number, ticketId));
    }

    /**
     * A member texts "RESOLVE 1234" and the ticket is resolved as them, with the usual status SMS to the team; a
     * stranger's verified number texting the same changes nothing and learns nothing about the ticket.
     */
    @Test
    void aMembersResolveBySmsResolvesTheTicketAndAStrangersChangesNothing() throws Exception {
        String admin = system.userToken("admin-5", "Ada Admin", "admin");
        String quinn = system.userToken("quinn", "Quinn Oncall");
        String rosa = system.userToken("rosa", "Rosa Agent");
        String sven = system.userToken("sven", "Sven Stranger");
        String creator = system.userToken("tara", "Tara Lead");
        system.saveVerifiedProfile(quinn, """
                {"phoneNumber":"+14155550151","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(rosa, """
                {"phoneNumber":"+14155550152","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(sven, """
                {"phoneNumber":"+14155550153","smsNotificationsEnabled":true}""");
        String teamId = system.team(admin, "Network team", "quinn", "rosa", "tara");
        system.team(admin, "Other team", "sven");

        String ticketId = system.createTicketOnceMember(creator, """
                {"title":"Switch 4 flapping","severity":"HIGH","category":"Network","teamId":"%s"}""".formatted(teamId));
        long number = system.call(tickets, "GET", "/api/tickets/" + ticketId, creator, null, 200).get("number").asLong();
        String[] team = {"+14155550151", "+14155550152"};
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo(team).size() == 2);
        assertThat(system.messagesTo(team)).allSatisfy(message -> assertThat(message.get("body").asString())
                .startsWith("New Support Ticket Created (#" + number + ")").contains("Reply ACK " + number));

        JsonNode stranger = system.reply("+14155550153", "RESOLVE " + number);
        assertThat(stranger.get("webhookStatus").asInt()).isEqualTo(200);
        assertThat(stranger.get("webhookBody").asString()).contains("No ticket #" + number + " found for your team.");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> system.messagesTo(team).size() == 2 && system.messagesTo("+14155550153").isEmpty());
        assertThat(system.call(tickets, "GET", "/api/tickets/" + ticketId, creator, null, 200).get("status").asString())
                .isEqualTo("OPEN");

        JsonNode member = system.reply("+14155550151", "resolve #" + number);
        assertThat(member.get("webhookBody").asString()).contains("Ticket #" + number + " is now Resolved.");
        JsonNode resolved = system.call(tickets, "GET", "/api/tickets/" + ticketId, creator, null, 200);
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");

        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo(team).size() >= 4);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> system.messagesTo(team).size() == 4);
        List<JsonNode> updates = system.messagesTo(team).stream()
                .filter(message -> message.get("body").asString().startsWith("Ticket Status Updated")).toList();
        assertThat(updates).extracting(message -> message.get("to").asString())
                .containsExactlyInAnyOrder("+14155550151", "+14155550152");
        assertThat(updates).allSatisfy(message -> assertThat(message.get("body").asString())
                .startsWith("Ticket Status Updated (#" + number + ")").contains("Status: Open -> Resolved"));
        assertThat(system.messagesTo("+14155550153")).isEmpty();
    }

    /**
     * The caller's trace (a W3C traceparent, as a browser or gateway sends it) runs through ticket-service, the outbox,
     * the Kafka record and notification-service's recipient lookup in profile-service to each SMS sent and each of its
     * status callbacks, so ops find everything one ticket caused by one trace id.
     */
    @Test
    void oneTraceRunsFromTheTicketApiThroughKafkaToEverySmsAndItsStatusCallbacks() throws Exception {
        String admin = system.userToken("admin-4", "Ada Admin", "admin");
        String nina = system.userToken("nina", "Nina Agent");
        String oscar = system.userToken("oscar", "Oscar Agent");
        String creator = system.userToken("pat", "Pat Lead");
        system.saveVerifiedProfile(nina, """
                {"phoneNumber":"+14155550141","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(oscar, """
                {"phoneNumber":"+14155550142","smsNotificationsEnabled":true}""");
        String teamId = system.team(admin, "Storage team", "nina", "oscar", "pat");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceParent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        String ticketId = system.createTicketOnceMember(creator, """
                {"title":"Disk full","severity":"HIGH","category":"Storage","teamId":"%s"}""".formatted(teamId),
                Map.of("traceparent", traceParent));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(system.ledgerOf(ticketId, "TICKET_CREATED"))
                .containsOnlyKeys("nina", "oscar")
                .allSatisfy((user, row) -> assertThat(row.status()).isEqualTo("DELIVERED")));
        List<String> sids = system.ledgerOf(ticketId, "TICKET_CREATED").values().stream()
                .map(TicketSmsSystem.LedgerRow::sid).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpTraceReceiver.ReceivedSpan> trace = system.traces().ofTrace(traceId);
            assertThat(trace).as("ticket-service answered the POST in the caller's trace")
                    .anySatisfy(span -> assertThat(span).extracting("service", "kind")
                            .containsExactly("ticket-service", "SPAN_KIND_SERVER"));
            assertThat(trace).as("the outbox relay published the event in it")
                    .anySatisfy(span -> assertThat(span).extracting("service", "name", "kind")
                            .containsExactly("ticket-service", "outbox publish", "SPAN_KIND_PRODUCER"));
            assertThat(trace).as("notification-service consumed the record in it")
                    .anySatisfy(span -> assertThat(span).extracting("service", "kind")
                            .containsExactly("notification-service", "SPAN_KIND_CONSUMER"));
            assertThat(trace).as("profile-service answered the recipient lookup in it")
                    .anySatisfy(span -> assertThat(span).extracting("service", "kind")
                            .containsExactly("profile-service", "SPAN_KIND_SERVER"));
            assertThat(trace).filteredOn(span -> span.name().equals("sms send"))
                    .as("one send per recipient, each accepted with the SID the ledger holds")
                    .extracting(span -> span.attributes().get("twilio.sid"))
                    .containsExactlyInAnyOrderElementsOf(sids);
            assertThat(trace).filteredOn(span -> span.name().equals("sms status callback")
                            && span.attributes().get("twilio.status").equals("delivered"))
                    .as("each SMS's delivered callback joined the trace")
                    .extracting(span -> span.attributes().get("twilio.sid"))
                    .containsExactlyInAnyOrderElementsOf(sids);
        });
        // traced services must stay scrapable: Prometheus 2.x refuses a whole scrape over one misplaced exemplar
        for (ServiceProcess service : List.of(tickets, profiles, system.notifications())) {
            assertThat(system.scrape(service)).as("metrics of %s", service.baseUrl())
                    .contains("http_server_requests_seconds_count").doesNotContain(" # {");
        }
    }

    private static byte[] randomBytes(int length) {
        var bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Test
    void aMemberWhoRepliesStopGetsNothingUntilTheyReplyStart() throws Exception {
        String admin = system.userToken("admin-2", "Ada Admin", "admin");
        String grace = system.userToken("grace", "Grace Agent");
        String henry = system.userToken("henry", "Henry Agent");
        String creator = system.userToken("ivan", "Ivan Lead");
        system.saveVerifiedProfile(grace, """
                {"phoneNumber":"+14155550111","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(henry, """
                {"phoneNumber":"+14155550112","smsNotificationsEnabled":true}""");
        String teamId = system.team(admin, "Payments team", "grace", "henry", "ivan");

        JsonNode stop = system.reply("+14155550111", "stop");
        assertThat(stop.get("webhookStatus").asInt()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(system.call(profiles, "GET", "/api/user/profile", grace, null, 200).get("smsNotificationsEnabled").asBoolean())
                    .as("profile-service applied the STOP").isFalse();
            assertThat(system.call(profiles, "GET", "/api/user/profile/sms-consent-history", grace, null, 200).get(0).get("source").asString())
                    .isEqualTo("SMS");
        });

        String first = system.createTicketOnceMember(creator, """
                {"title":"Card payments declined","severity":"HIGH","category":"Payments","teamId":"%s"}""".formatted(teamId));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550112").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> system.messagesTo("+14155550111").isEmpty());
        assertThat(system.messagesTo("+14155550112").getFirst().get("body").asString()).contains("Card payments declined", first);

        JsonNode help = system.reply("+14155550111", "HELP");
        assertThat(help.get("webhookBody").asString()).contains("<Message>").containsIgnoringCase("STOP");

        system.reply("+14155550111", "START");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.call(profiles, "GET", "/api/user/profile", grace, null, 200).get("smsNotificationsEnabled").asBoolean());
        system.call(tickets, "PATCH", "/api/tickets/" + first + "/status", creator, """
                {"status":"IN_PROGRESS"}""", 200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(system.messagesTo("+14155550111"))
                .extracting(message -> message.get("body").asString())
                .anySatisfy(body -> assertThat(body).startsWith("Ticket Status Updated").contains("Open -> In Progress")));
    }

    @Test
    void aNumberNobodyConfirmedGetsItsCodeAndNothingElse() throws Exception {
        String admin = system.userToken("admin-3", "Ada Admin", "admin");
        String mallory = system.userToken("mallory", "Mallory Mischief");
        String kim = system.userToken("kim", "Kim Agent");
        String creator = system.userToken("leo", "Leo Lead");
        // Mallory types someone else's number; whoever owns it sees the code, which Mallory never learns
        JsonNode saved = system.call(profiles, "POST", "/api/user/profile", mallory, """
                {"phoneNumber":"+14155550131","smsNotificationsEnabled":true}""", 200);
        assertThat(saved.get("phoneNumberStatus").asString()).isEqualTo("UNVERIFIED");
        system.saveVerifiedProfile(kim, """
                {"phoneNumber":"+14155550132","smsNotificationsEnabled":true}""");
        String teamId = system.team(admin, "Network team", "mallory", "kim", "leo");

        String ticketId = system.createTicketOnceMember(creator, """
                {"title":"VPN down","severity":"CRITICAL","category":"Network","teamId":"%s"}""".formatted(teamId));

        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550132").size() == 1);
        assertThat(system.messagesTo("+14155550132").getFirst().get("body").asString()).contains("VPN down", ticketId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                system.messagesTo("+14155550131").size() == 1);
        assertThat(system.verificationCodesTo("+14155550131")).hasSize(1)
                .as("the one SMS to the unconfirmed number is its code").isEqualTo(system.messagesTo("+14155550131"));
        assertThat(system.ledgerOf(ticketId, "TICKET_CREATED")).containsOnlyKeys("kim");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWhenSignedWithTheRightKey() throws Exception {
        String foreign = system.identity().userTokenNamingIssuer("https://other-tenant.example.com", "mallory");

        system.call(tickets, "POST", "/api/tickets", foreign, """
                {"title":"t","severity":"LOW","category":"c","teamId":"%s"}""".formatted(UUID.randomUUID()), 401);
        system.call(profiles, "GET", "/api/user/profile", foreign, null, 401);
    }
}
