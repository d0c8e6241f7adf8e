package dev.ticketsms.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real browser against the real system: a person signs in with the dev issuer, creates a team,
 * types a phone number (a landline is refused as it is typed), confirms it with the code the phone got, opens a
 * ticket, moves it to In progress with the status selector, and sees both SMS arrive. The browser part is
 * {@code src/test/console/console-e2e.mjs} (see {@link ConsoleBrowser}); this test checks what the system did.
 * Screenshots go to {@code target/console-screenshots}, or to {@code -Dconsole.screenshots=<folder>}
 * ({@code ../docs/console} refreshes the README's).
 */
class WebConsoleEndToEndIT {

    private static final String USER = "erin";
    private static final String PHONE = "+14155550142";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why no browser can run here (the test is skipped then, and no system started), or null. */
    private static String noBrowser;
    private static ConsoleBrowser browser;
    private static TicketSmsSystem system;
    private static ServiceProcess console;

    @BeforeAll
    static void startTheSystemAndTheConsole() throws Exception {
        noBrowser = ConsoleBrowser.missing();
        if (noBrowser != null) {
            return;
        }
        browser = ConsoleBrowser.prepare();
        // a status change waits this long for further changes before its SMS; the default 10 s only slows the test
        system = TicketSmsSystem.start(WebConsoleEndToEndIT.class.getSimpleName(), Map.of(
                "notifications.delivery.coalesce-window", "1s"));
        console = system.startConsole();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPersonConfirmsTheirPhoneOpensATicketMovesItAndTheirPhoneGetsBothSms() throws Exception {
        Assumptions.assumeTrue(noBrowser == null, noBrowser);
        Path screenshots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots")).toAbsolutePath();
        Path log = Path.of("target", "e2e-logs", WebConsoleEndToEndIT.class.getSimpleName(), "console-e2e.log").toAbsolutePath();

        ConsoleBrowser.Run run = browser.run(Map.of(
                "CONSOLE_URL", console.baseUrl() + "/",
                "SCREENSHOTS", screenshots.toString(),
                "USER_ID", USER,
                "PHONE_NATIONAL", "(415) 555-0142",
                "PHONE_E164", PHONE), log, Duration.ofMinutes(4));

        assertThat(run.exitCode()).as("the browser script failed; its output:\n%s", run.output()).isZero();
        JsonNode result = JSON.readTree(run.lastLine());
        assertThat(result.get("problems")).as("errors in the page").isEmpty();
        // the one refusal on the way: profile-service's 400 for the landline, which the page showed as it was typed
        assertThat(result.get("refused")).extracting(JsonNode::asString).isNotEmpty()
                .containsOnly("400 POST /api/phone-numbers/check");
        assertThat(result.get("landlineAnswer").asString()).contains("is a landline, which cannot receive SMS");
        assertThat(result.get("numberAnswer").asString()).contains("+1 415-555-0142");
        // the selector offers exactly ticket-service's allowedStatuses: what the workflow allows from OPEN, then IN_PROGRESS
        assertThat(result.get("statusOptionsBefore")).extracting(JsonNode::asString)
                .containsExactly("IN_PROGRESS", "RESOLVED", "CLOSED");
        assertThat(result.get("statusOptionsAfter")).extracting(JsonNode::asString)
                .containsExactly("OPEN", "RESOLVED", "CLOSED");

        String ticketId = result.get("ticketId").asString();
        assertThat(result.get("afterSignIn").asString()).as("a ticket link opened before signing in")
                .isEqualTo("#/tickets/" + ticketId);
        String admin = system.userToken(USER, "Erin Example", "admin");
        JsonNode ticket = system.call(system.tickets(), "GET", "/api/tickets/" + ticketId, admin, null, 200);
        assertThat(ticket.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(ticket.get("teamId").asString()).isEqualTo(result.get("teamId").asString());
        JsonNode members = system.call(system.profiles(), "GET", "/api/teams/" + result.get("teamId").asString()
                + "/members", admin, null, 200);
        assertThat(members.findValuesAsString("userId")).containsExactlyInAnyOrder(USER, "frank");
        JsonNode escalation = system.call(system.profiles(), "GET", "/api/teams/" + result.get("teamId").asString()
                + "/escalation", admin, null, 200);
        assertThat(escalation.get("userIds").get(0).asString()).isEqualTo("frank");
        JsonNode profile = system.call(system.profiles(), "GET", "/api/user/profile", admin, null, 200);
        assertThat(profile.get("phoneNumber").asString()).isEqualTo(PHONE);
        assertThat(profile.get("phoneNumberStatus").asString()).isEqualTo("OK");

        List<String> bodies = system.messagesTo(PHONE).stream().map(message -> message.get("body").asString()).toList();
        assertThat(bodies).anySatisfy(body -> assertThat(body).startsWith("New Support Ticket Created")
                .contains("Title: Printer on fire"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).startsWith("Ticket Status Updated")
                .contains("Status: Open -> In Progress"));
        assertThat(result.get("phoneShows")).extracting(JsonNode::asString)
                .anySatisfy(shown -> assertThat(shown).startsWith("Ticket Status Updated"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(system.ledgerOf(List.of(ticketId)))
                .as("the ticket's SMS to the user, with the sandbox's SID")
                .filteredOn(row -> row.userId().equals(USER))
                .extracting(TicketSmsSystem.LedgerRow::kind)
                .containsExactlyInAnyOrder("TICKET_CREATED", "TICKET_STATUS_CHANGED"));
    }
}
