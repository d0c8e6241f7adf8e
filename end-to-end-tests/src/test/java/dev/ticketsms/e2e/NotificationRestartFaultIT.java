package dev.ticketsms.e2e;

import dev.ticketsms.e2e.TicketSmsSystem.LedgerRow;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service stopped in the middle of a burst, gracefully (SIGTERM, as a deployment or a scale-down stops
 * it) or not at all gracefully (SIGKILL: a crash, the OOM killer, a lost node), then started again: every member of
 * the team still gets exactly one SMS per ticket, nobody else gets any, and the delivery ledger says so (one row per
 * member and event, SENT or DELIVERED, one SID per SMS the sandbox received).
 *
 * <p>The sender is paced at {@value #MESSAGES_PER_SECOND} SMS/s, so a round's burst (tickets × {@value #TEAM_SIZE}
 * members) takes several seconds and the fault lands in it. Each scenario runs {@code faults.rounds} rounds
 * (default 2; {@code -Dfaults.rounds=20} for a longer run), each with {@code faults.tickets-per-round} tickets
 * (default 2). Every round prints its audit line, e.g. {@code round 3 SIGKILL: expected 60, sent 60, lost 0,
 * duplicated 0, ...}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationRestartFaultIT {

    private static final int TEAM_SIZE = 30;
    private static final int MESSAGES_PER_SECOND = 5;
    private static final int ROUNDS = Integer.getInteger("faults.rounds", 2);
    private static final int TICKETS_PER_ROUND = Integer.getInteger("faults.tickets-per-round", 2);
    /** Long enough for a restart, the Kafka group to hand the partitions over, and the ledger's watchdogs to act. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(Long.getLong("faults.settle-timeout-seconds", 120));

    private static TicketSmsSystem system;
    private static String teamId;
    private static String creator;
    /** member user id by phone number */
    private static final Map<String, String> members = new LinkedHashMap<>();
    /** every ticket this class created: the final audit checks nothing else was texted */
    private static final List<String> allTickets = new ArrayList<>();

    enum Fault { SIGTERM, SIGKILL }

    @BeforeAll
    static void startTheSystemAndATeamOfThirty() throws Exception {
        system = TicketSmsSystem.start(NotificationRestartFaultIT.class.getSimpleName(), Map.of(
                "twilio.messages-per-second", String.valueOf(MESSAGES_PER_SECOND),
                // rows a stop left in SENDING are looked up at Twilio, rows left PENDING are sent, both within seconds
                "notifications.delivery.reconcile-after", "5s",
                "notifications.delivery.resend-pending-after", "5s",
                "notifications.delivery.watchdog-interval", "2s",
                "spring.lifecycle.timeout-per-shutdown-phase", "20s",
                // a killed consumer's partitions go to the restarted one after 6 s (the broker's minimum), not 45 s
                "spring.kafka.consumer.properties.session.timeout.ms", "6000",
                "spring.kafka.consumer.properties.heartbeat.interval.ms", "2000"));
        String admin = system.userToken("fault-admin", "Ada Admin", "admin");
        var memberIds = new ArrayList<String>();
        for (int i = 1; i <= TEAM_SIZE; i++) {
            String userId = "member-%02d".formatted(i);
            String phone = "+1415555%04d".formatted(149 + i);
            system.call(system.profiles(), "POST", "/api/user/profile", system.userToken(userId, "Member " + i), """
                    {"phoneNumber":"%s","smsNotificationsEnabled":true}""".formatted(phone), 200);
            members.put(phone, userId);
            memberIds.add(userId);
        }
        // each member types back the code texted to their number; only then does it get ticket SMS
        for (var member : members.entrySet()) {
            system.confirmNumber(system.userToken(member.getValue(), "Member"), member.getKey());
        }
        // the creator is a member without a profile: nobody texts them
        memberIds.add("fault-creator");
        creator = system.userToken("fault-creator", "Casey Creator");
        teamId = system.team(admin, "On-call team", memberIds.toArray(String[]::new));
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void stoppedWithSigtermMidBurstEveryMemberStillGetsExactlyOneSmsPerTicket() throws Exception {
        runRounds(Fault.SIGTERM);
    }

    @Test
    @Order(2)
    void killedWithSigkillMidBurstEveryMemberStillGetsExactlyOneSmsPerTicket() throws Exception {
        runRounds(Fault.SIGKILL);
    }

    /**
     * Twilio kept one member's SMS but its answer was a 500, and dropped another's connection without keeping it; no
     * status callback comes for either (the sandbox posts none), so only Twilio's Messages list can tell: the first is
     * settled with the SID the list shows, the second is sent again; each member still gets exactly one SMS.
     */
    @Test
    @Order(3)
    void lostAnswersAreSettledFromTwiliosMessagesListWithoutTextingAnyoneTwice() throws Exception {
        List<String> phones = List.copyOf(members.keySet());
        String kept = phones.get(0);
        String notKept = phones.get(1);
        system.sandbox("PUT", "/sandbox/callbacks", """
                {"order":"NONE"}""");
        try {
            system.sandbox("POST", "/sandbox/faults", """
                    {"to":"%s","kind":"ACCEPT_THEN_SERVER_ERROR","status":500,"remaining":1}""".formatted(kept));
            system.sandbox("POST", "/sandbox/faults", """
                    {"to":"%s","kind":"DROP_CONNECTION","remaining":1}""".formatted(notKept));
            String ticket = system.createTicketOnceMember(creator, """
                    {"title":"Lost answers","severity":"HIGH","category":"Technical","teamId":"%s"}""".formatted(teamId));
            allTickets.add(ticket);

            await("every row of the ticket SENT or DELIVERED, the lost answers reconciled").atMost(SETTLE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> system.ledgerOf(List.of(ticket)).stream()
                            .filter(row -> row.status().equals("SENT") || row.status().equals("DELIVERED")).count() == TEAM_SIZE);
            Audit audit = audit("lost answers", List.of(ticket), false);
            System.out.println(audit.line());
            assertThat(audit.problems()).as(audit.line()).isEmpty();
            assertThat(system.messagesTo(kept)).filteredOn(message -> ticketNamedBy(message, List.of(ticket)) != null)
                    .as("kept by Twilio despite the 500: not sent again").hasSize(1);
        } finally {
            system.sandbox("PUT", "/sandbox/callbacks", """
                    {"order":"TWILIO"}""");
        }
    }

    private static void runRounds(Fault fault) throws Exception {
        var tickets = new ArrayList<String>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> roundTickets = faultDuringBurst(round, fault);
            tickets.addAll(roundTickets);
            Audit audit = audit("round %d %s".formatted(round, fault), roundTickets, false);
            System.out.println(audit.line());
            assertThat(audit.problems()).as(audit.line()).isEmpty();
        }
        // late resends or callbacks from earlier rounds show here, as does any SMS naming no ticket of this test
        Audit total = audit("%s total over %d rounds".formatted(fault, ROUNDS), allTickets, true);
        System.out.println(total.line());
        assertThat(total.problems()).as(total.line()).isEmpty();
    }

    /** Creates the round's tickets, stops notification-service once some but not all SMS are out, starts it again. */
    private static List<String> faultDuringBurst(int round, Fault fault) throws Exception {
        var tickets = new ArrayList<String>();
        for (int t = 1; t <= TICKETS_PER_ROUND; t++) {
            tickets.add(system.createTicketOnceMember(creator, """
                    {"title":"%s round %d ticket %d","severity":"HIGH","category":"Technical","teamId":"%s"}"""
                    .formatted(fault, round, t, teamId)));
        }
        allTickets.addAll(tickets);
        int expected = tickets.size() * TEAM_SIZE;

        await("the first quarter of round " + round + "'s SMS").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messagesNaming(tickets).size() >= expected / 4);
        int before = messagesNaming(tickets).size();
        ServiceProcess notifications = system.notifications();
        String exit = switch (fault) {
            case SIGTERM -> "exit code " + notifications.stop(Duration.ofSeconds(60));
            case SIGKILL -> "exit code " + notifications.kill();
        };
        int atStop = messagesNaming(tickets).size();
        System.out.printf("round %d %s: notification-service stopped after %d of %d SMS (%d when the signal was sent), %s%n",
                round, fault, atStop, expected, before, exit);
        assertThat(before).as("the fault must land in the middle of the burst; lower twilio.messages-per-second")
                .isLessThan(expected);

        notifications.restart();
        notifications.awaitHealthy(system.http(), Duration.ofSeconds(120));
        try {
            await("round " + round + " settled: a ledger row per member and ticket, none PENDING or SENDING")
                    .atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> settled(tickets, expected));
            int settledAt = messagesNaming(tickets).size();
            // a late resend would come within a few seconds of the ledger settling
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
                    .until(() -> messagesNaming(tickets).size() == settledAt);
        } catch (ConditionTimeoutException e) {
            // the audit that follows says what did not settle
            System.out.println("round " + round + " " + fault + ": " + e.getMessage());
        }
        return tickets;
    }

    private static boolean settled(List<String> tickets, int expected) throws Exception {
        List<LedgerRow> rows = system.ledgerOf(tickets);
        return rows.size() >= expected
                && rows.stream().noneMatch(row -> row.status().equals("PENDING") || row.status().equals("SENDING"));
    }

    /** The SMS whose link names one of these tickets. */
    private static List<JsonNode> messagesNaming(Collection<String> tickets) throws Exception {
        return system.outboundMessages().stream().filter(message -> ticketNamedBy(message, tickets) != null).toList();
    }

    private static String ticketNamedBy(JsonNode message, Collection<String> tickets) {
        String body = message.get("body").asString();
        return tickets.stream().filter(ticket -> body.contains(TicketSmsSystem.TICKET_URL + ticket)).findFirst().orElse(null);
    }

    /**
     * Compares what the sandbox received with what the ledger says for these tickets.
     *
     * @param everything whether every SMS in the sandbox must belong to one of these tickets
     */
    private static Audit audit(String label, List<String> tickets, boolean everything) throws Exception {
        List<JsonNode> outbound = system.outboundMessages();
        var perPair = new HashMap<String, Integer>();
        int sent = 0;
        int strays = 0;
        var sandboxSids = new ArrayList<String>();
        for (JsonNode message : outbound) {
            String ticket = ticketNamedBy(message, tickets);
            String phone = message.get("to").asString();
            if (ticket == null) {
                strays += everything ? 1 : 0;
                continue;
            }
            sent++;
            sandboxSids.add(message.get("sid").asString());
            if (members.containsKey(phone)) {
                perPair.merge(ticket + " " + phone, 1, Integer::sum);
            } else {
                strays++;
            }
        }
        int expected = tickets.size() * TEAM_SIZE;
        int lost = expected - perPair.size();
        int duplicated = perPair.values().stream().mapToInt(count -> count - 1).sum();

        List<LedgerRow> rows = system.ledgerOf(tickets);
        Map<String, Long> statuses = rows.stream()
                .collect(Collectors.groupingBy(LedgerRow::status, TreeMap::new, Collectors.counting()));
        long rowsPerPair = rows.stream().map(row -> row.eventId() + " " + row.userId()).distinct().count();
        long ticketsInLedger = rows.stream().map(LedgerRow::ticketId).distinct().count();
        long foreignRows = rows.stream().filter(row -> !members.containsValue(row.userId())).count();
        Set<String> ledgerSids = rows.stream().map(LedgerRow::sid).filter(sid -> sid != null).collect(Collectors.toSet());
        long sandboxSidsNotInLedger = sandboxSids.stream().filter(sid -> !ledgerSids.contains(sid)).count();
        long unfinished = rows.stream().filter(row -> !row.status().equals("SENT") && !row.status().equals("DELIVERED")).count();

        var problems = new ArrayList<String>();
        if (lost > 0) {
            problems.add(lost + " member/ticket pairs got no SMS");
        }
        if (duplicated > 0) {
            problems.add(duplicated + " SMS more than one per member and ticket");
        }
        if (strays > 0) {
            problems.add(strays + " SMS to someone who is not a member or naming no ticket of this test");
        }
        if (rows.size() != expected || rowsPerPair != expected || ticketsInLedger != tickets.size() || foreignRows > 0) {
            problems.add("the ledger holds " + rows.size() + " rows for " + rowsPerPair + " (event, user) pairs of "
                    + ticketsInLedger + " tickets (" + foreignRows + " for non-members), expected one per member and ticket: " + expected);
        }
        if (unfinished > 0) {
            problems.add(unfinished + " ledger rows neither SENT nor DELIVERED");
        }
        if (sent != ledgerSids.size() || sandboxSidsNotInLedger > 0) {
            problems.add("the sandbox received " + sent + " SMS, the ledger knows " + ledgerSids.size() + " SIDs ("
                    + sandboxSidsNotInLedger + " of the sandbox's SIDs missing from it)");
        }
        String line = "%s: expected %d, sent %d, lost %d, duplicated %d, strays %d; ledger %d rows %s, %d with a SID, %d sandbox SIDs not in it"
                .formatted(label, expected, sent, lost, duplicated, strays, rows.size(), statuses, ledgerSids.size(),
                        sandboxSidsNotInLedger);
        return new Audit(line, problems);
    }

    private record Audit(String line, List<String> problems) {
    }
}
