package dev.ticketsms.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user changes takes effect at once everywhere, across the real services: a member just added may create a
 * ticket for the team right away, a member just removed is not texted about the next ticket, and every member's
 * preferences and quiet hours are applied by notification-service asking the real profile-service.
 */
class ReadYourWritesAndPreferencesIT {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static TicketSmsSystem system;
    private static ServiceProcess tickets;
    private static ServiceProcess profiles;
    private static String admin;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = TicketSmsSystem.start(ReadYourWritesAndPreferencesIT.class.getSimpleName(), Map.of());
        tickets = system.tickets();
        profiles = system.profiles();
        admin = system.userToken("admin-ryw", "Ada Admin", "admin");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aMemberJustAddedCreatesATicketForTheTeamAtOnceTwentyTimesInARow() throws Exception {
        String teamId = system.team(admin, "Fresh members");
        for (int i = 0; i < 20; i++) {
            String member = "newcomer-" + i;
            system.call(profiles, "PUT", "/api/teams/" + teamId + "/members/" + member, admin, null, 204);

            system.call(tickets, "POST", "/api/tickets", system.userToken(member, "Newcomer " + i), """
                    {"title":"First day %d","description":"d","severity":"LOW","category":"Onboarding","teamId":"%s"}"""
                    .formatted(i, teamId), 201);
        }
    }

    @Test
    void aMemberJustRemovedIsNotTextedAboutTheNextTicket() throws Exception {
        String stays = system.userToken("ryw-stays", "Stays");
        String leaves = system.userToken("ryw-leaves", "Leaves");
        system.savePhone(stays, "+14155550601");
        system.savePhone(leaves, "+14155550602");
        String teamId = system.team(admin, "Shrinking team", "ryw-stays", "ryw-leaves");
        system.createTicketOnceMember(stays, ticket(teamId, "Before", "LOW", "General"));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550601", "+14155550602").size() == 2);

        system.call(profiles, "DELETE", "/api/teams/" + teamId + "/members/ryw-leaves", admin, null, 204);
        system.call(tickets, "POST", "/api/tickets", stays, ticket(teamId, "After", "LOW", "General"), 201);

        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550601").size() == 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> system.messagesTo("+14155550602").size() == 1);
        assertThat(system.messagesTo("+14155550602").getFirst().get("body").asString()).contains("Title: Before");
    }

    @Test
    void preferencesAndQuietHoursAreAppliedByTheRealProfileService() throws Exception {
        String creator = system.userToken("pref-creator", "Pat Creator");
        String everything = system.userToken("pref-all", "Gets Everything");
        String highOnly = system.userToken("pref-high", "High Only");
        String noBilling = system.userToken("pref-nobilling", "No Billing");
        String createdOnly = system.userToken("pref-created", "Created Only");
        String sleeping = system.userToken("pref-quiet", "Quiet Now");
        system.savePhone(everything, "+14155550611");
        system.savePhone(highOnly, "+14155550612", """
                {"minimumSeverity":"HIGH"}""");
        system.savePhone(noBilling, "+14155550613", """
                {"mutedCategories":["billing"]}""");
        system.savePhone(createdOnly, "+14155550614", """
                {"eventTypes":["TICKET_CREATED"]}""");
        // a window around the present moment in Tokyo: quiet now, whatever the time of day the test runs
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalTime local = ZonedDateTime.now(tokyo).toLocalTime();
        system.savePhone(sleeping, "+14155550615", """
                {"quietHours":{"start":"%s","end":"%s","timeZone":"Asia/Tokyo"}}"""
                .formatted(local.minusHours(1).format(HH_MM), local.plusHours(2).format(HH_MM)));
        String teamId = system.team(admin, "Preferences team", "pref-creator", "pref-all", "pref-high",
                "pref-nobilling", "pref-created", "pref-quiet");
        String[] phones = {"+14155550611", "+14155550612", "+14155550613", "+14155550614", "+14155550615"};

        String low = system.createTicketOnceMember(creator, ticket(teamId, "Invoice typo", "LOW", "Billing"));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550611", "+14155550614").size() == 2);
        system.call(tickets, "PATCH", "/api/tickets/" + low + "/status", creator, """
                {"status":"IN_PROGRESS"}""", 200);
        String critical = system.createTicketOnceMember(creator, ticket(teamId, "Site down", "CRITICAL", "Ops"));

        // the CRITICAL ticket reaches all five, quiet hours or not; the LOW Billing one only those who take it
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo(phones).size() == 8);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> system.messagesTo(phones).size() == 8);
        assertThat(bodiesTo("+14155550611")).hasSize(3);
        assertThat(bodiesTo("+14155550612")).singleElement().asString().contains("Title: Site down");
        assertThat(bodiesTo("+14155550613")).singleElement().asString().contains("Title: Site down");
        assertThat(bodiesTo("+14155550614")).hasSize(2).noneMatch(body -> body.contains("Ticket Status Updated"));
        assertThat(bodiesTo("+14155550615")).singleElement().asString().contains("Title: Site down");
        // the quiet member's LOW ticket news is held for the end of their window, not dropped
        assertThat(system.ledgerOf(List.of(low))).filteredOn(row -> row.userId().equals("pref-quiet"))
                .extracting(TicketSmsSystem.LedgerRow::status).containsOnly("HELD").hasSize(2);
        assertThat(system.ledgerOf(List.of(critical))).filteredOn(row -> row.userId().equals("pref-quiet"))
                .extracting(TicketSmsSystem.LedgerRow::status).singleElement().isIn("SENT", "DELIVERED");
    }

    /**
     * A member who takes LOW tickets by email gets the LOW ticket as an email, at the sandbox's SMTP server, and no SMS;
     * the HIGH one still by SMS.
     */
    @Test
    void aMemberWhoTakesLowTicketsByEmailGetsThemByEmailAndTheHighOnesBySms() throws Exception {
        String creator = system.userToken("mail-creator", "Mia Creator");
        String byEmail = system.userToken("mail-low", "Lou Mail");
        system.saveVerifiedProfile(byEmail, """
                {"phoneNumber":"+14155550621","smsNotificationsEnabled":true,"email":"lou@example.com",
                 "preferences":{"channels":{"LOW":"EMAIL"}}}""");
        String teamId = system.team(admin, "Email team", "mail-creator", "mail-low");

        String low = system.createTicketOnceMember(creator, ticket(teamId, "Toner low", "LOW", "Hardware"));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.emailsTo("lou@example.com").size() == 1);
        String high = system.createTicketOnceMember(creator, ticket(teamId, "VPN down", "HIGH", "Network"));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.messagesTo("+14155550621").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> system.emailsTo("lou@example.com").size() == 1 && system.messagesTo("+14155550621").size() == 1);

        JsonNode email = system.emailsTo("lou@example.com").getFirst();
        assertThat(email.get("subject").asString()).startsWith("New Support Ticket Created (#");
        assertThat(email.get("body").asString()).contains("Title: Toner low").contains(low);
        assertThat(bodiesTo("+14155550621")).singleElement().asString().contains("Title: VPN down");
        assertThat(system.ledgerOf(List.of(low, high))).filteredOn(row -> row.userId().equals("mail-low"))
                .extracting(TicketSmsSystem.LedgerRow::status).containsOnly("SENT", "DELIVERED");
    }

    private static List<String> bodiesTo(String phone) throws Exception {
        return system.messagesTo(phone).stream().map(message -> message.get("body")).map(JsonNode::asString).toList();
    }

    private static String ticket(String teamId, String title, String severity, String category) {
        return """
                {"title":"%s","description":"d","severity":"%s","category":"%s","teamId":"%s"}"""
                .formatted(title, severity, category, teamId);
    }
}
