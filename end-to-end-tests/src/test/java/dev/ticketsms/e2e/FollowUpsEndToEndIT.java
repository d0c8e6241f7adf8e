package dev.ticketsms.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tickets that must not be forgotten, on the whole system with the waits shortened to seconds: a quiet ticket reminds
 * its team and a status change cancels the reminder; a CRITICAL ticket nobody takes escalates along the team's
 * escalation list and stops once someone takes it (ACK by SMS).
 */
class FollowUpsEndToEndIT {

    /** The wait before a reminder of a LOW/MEDIUM/HIGH ticket, and before each escalation step. */
    private static final Duration WAIT = Duration.ofSeconds(8);

    private static TicketSmsSystem system;
    private static ServiceProcess tickets;

    @BeforeAll
    static void startTheSystem() throws Exception {
        String wait = WAIT.toSeconds() + "s";
        system = TicketSmsSystem.start(FollowUpsEndToEndIT.class.getSimpleName(), Map.of(
                "notifications.follow-ups.poll-interval", "1s",
                "notifications.follow-ups.reminders.after.LOW", wait,
                "notifications.follow-ups.reminders.after.MEDIUM", wait,
                "notifications.follow-ups.reminders.after.HIGH", wait,
                // CRITICAL tickets here are about escalation: no reminders in the way
                "notifications.follow-ups.reminders.after.CRITICAL", "1h",
                "notifications.follow-ups.reminders.max", "1",
                "notifications.follow-ups.escalation.after", wait));
        tickets = system.tickets();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aQuietTicketRemindsItsTeamOnceAndAStatusChangeCancelsTheReminderOfAnother() throws Exception {
        String admin = system.userToken("admin-r", "Ada Admin", "admin");
        String rita = system.userToken("rita", "Rita Agent");
        String creator = system.userToken("sam", "Sam Lead");
        system.saveVerifiedProfile(rita, """
                {"phoneNumber":"+14155550701","smsNotificationsEnabled":true}""");
        String teamId = system.team(admin, "Billing team", "rita", "sam");

        String forgotten = system.createTicketOnceMember(creator, ticket(teamId, "Invoices not sent", "HIGH"));
        String handled = system.createTicketOnceMember(creator, ticket(teamId, "Refund stuck", "HIGH"));
        system.call(tickets, "PATCH", "/api/tickets/" + handled + "/status", creator, """
                {"status":"RESOLVED"}""", 200);

        await().atMost(Duration.ofSeconds(90)).until(() -> !reminders("+14155550701", "Invoices not sent").isEmpty());
        assertThat(reminders("+14155550701", "Invoices not sent").getFirst().get("body").asString())
                .startsWith("Reminder (#").contains("): ticket Open for ").contains("without a change")
                .contains("Reply ACK ").endsWith(forgotten);
        // three more waits: the cancelled ticket stays quiet, and the forgotten one reminds once (max 1)
        await().during(WAIT.multipliedBy(3)).atMost(WAIT.multipliedBy(4)).until(() ->
                reminders("+14155550701", "Refund stuck").isEmpty() && reminders("+14155550701", "Invoices not sent").size() == 1);
        assertThat(system.ledgerOf(handled, "TICKET_REMINDER")).isEmpty();
        assertThat(system.ledgerOf(forgotten, "TICKET_REMINDER")).containsOnlyKeys("rita");
    }

    @Test
    void aCriticalTicketNobodyTakesEscalatesAlongTheListAndStopsOnceSomeoneTakesIt() throws Exception {
        String lead = system.userToken("lena", "Lena Lead", "admin");
        String first = system.userToken("finn", "Finn First");
        String second = system.userToken("sara", "Sara Second");
        String creator = system.userToken("carl", "Carl Customer");
        system.saveVerifiedProfile(lead, """
                {"phoneNumber":"+14155550711","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(first, """
                {"phoneNumber":"+14155550712","smsNotificationsEnabled":true}""");
        system.saveVerifiedProfile(second, """
                {"phoneNumber":"+14155550713","smsNotificationsEnabled":true}""");
        // lena created the team: she owns it and is its lead, texted after the list
        String teamId = system.team(lead, "Core network", "finn", "sara", "carl");
        system.call(system.profiles(), "PUT", "/api/teams/" + teamId + "/escalation", lead, """
                {"userIds":["finn","sara"]}""", 200);

        String ticketId = system.createTicketOnceMember(creator, ticket(teamId, "Core router down", "CRITICAL"));

        await().atMost(Duration.ofSeconds(90)).until(() -> !escalations("+14155550712").isEmpty());
        assertThat(escalations("+14155550712").getFirst().get("body").asString())
                .startsWith("Escalated to you (#").contains("): Critical ticket not picked up for ")
                .contains("Core router down").endsWith(ticketId);
        // Finn takes it by replying ACK <number>: the ticket is in progress, nobody after him on the list is texted
        long number = system.call(tickets, "GET", "/api/tickets/" + ticketId, first, null, 200).get("number").asLong();
        assertThat(escalations("+14155550712").getFirst().get("body").asString()).contains("Reply ACK " + number);
        JsonNode ack = system.reply("+14155550712", "ACK " + number);
        assertThat(ack.get("webhookBody").asString()).contains("In Progress");
        await().atMost(Duration.ofSeconds(30)).until(() -> system.call(tickets, "GET", "/api/tickets/" + ticketId, first,
                null, 200).get("status").asString().equals("IN_PROGRESS"));
        await().during(WAIT.multipliedBy(3)).atMost(WAIT.multipliedBy(4)).until(() ->
                escalations("+14155550713").isEmpty() && escalations("+14155550711").isEmpty()
                        && escalations("+14155550712").size() == 1);
        assertThat(system.ledgerOf(ticketId, "TICKET_ESCALATION")).containsOnlyKeys("finn");
    }

    private static String ticket(String teamId, String title, String severity) {
        return """
                {"title":"%s","description":"d","severity":"%s","category":"Ops","teamId":"%s"}"""
                .formatted(title, severity, teamId);
    }

    private static List<JsonNode> reminders(String phone, String title) throws Exception {
        return system.messagesTo(phone).stream()
                .filter(sms -> sms.get("body").asString().startsWith("Reminder (#") && sms.get("body").asString().contains(title))
                .toList();
    }

    private static List<JsonNode> escalations(String phone) throws Exception {
        return system.messagesTo(phone).stream()
                .filter(sms -> sms.get("body").asString().startsWith("Escalated to you (#"))
                .toList();
    }
}
