package dev.ticketsms.notification.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ticketsms.events.TicketCreated;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email channel against a real SMTP server in the test JVM (GreenMail): members who chose email for the
 * ticket's severity get one email per event, with the ledger's guarantees; while the server is down the email waits;
 * an SMS the team's daily budget does not allow goes by email to whoever has an address.
 */
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "notifications.email.from=ticket-sms <notifications@example.com>",
        "notifications.budget.teams=" + EmailChannelIntegrationTest.BROKE_TEAM + "=0"})
class EmailChannelIntegrationTest extends DeliveryIntegrationTest {

    static final String BROKE_TEAM = "5b7c2d9e-0000-4000-8000-0000000e4a11";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SMTP_PORT = freePort();
    private static volatile GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void membersWhoChoseEmailGetOneEmailPerEventAndTheOthersTheirSms() throws Exception {
        UUID team = UUID.randomUUID();
        upstreams.teamHas(team.toString(), """
                [{"userId":"kim","phoneNumber":"+14155550861","displayName":"Kim","channel":"EMAIL","email":"kim-861@example.com"},
                 {"userId":"leo","phoneNumber":"+14155550862","displayName":"Leo","channel":"SMS","email":null}]""");

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SENT"));
        assertThat(ledger(event)).extracting(row -> row.get("channel")).containsExactly("EMAIL", "SMS");
        List<MimeMessage> kims = mailTo("kim-861@example.com");
        assertThat(kims).hasSize(1);
        assertThat(kims.getFirst().getSubject()).isEqualTo("New Support Ticket Created");
        assertThat(kims.getFirst().getFrom()[0].toString()).isEqualTo("ticket-sms <notifications@example.com>");
        assertThat(GreenMailUtil.getBody(kims.getFirst())).contains("Title: Broken login", "View ticket: https://support.example.com/t/");
        assertThat(requestsFor("+14155550861")).isEmpty();
        assertThat(sentTo("+14155550862")).hasSize(1);

        publish(event);
        TicketCreated marker = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(marker)).containsExactly("SENT", "SENT"));
        assertThat(mailTo("kim-861@example.com")).hasSize(2);
    }

    @Test
    void whileTheMailServerIsDownTheEmailWaitsAndGoesOutOnceWhenItIsBack() throws Exception {
        UUID team = UUID.randomUUID();
        upstreams.teamHas(team.toString(), """
                [{"userId":"mia","phoneNumber":null,"displayName":"Mia","channel":"EMAIL","email":"mia-863@example.com"}]""");
        smtp.stop();
        TicketCreated event;
        try {
            event = publish(ticketCreated(team));
            await().atMost(WAIT).untilAsserted(() -> assertThat(ledger(event)).hasSize(1)
                    .allSatisfy(row -> assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 0)));
        } finally {
            smtp = startSmtp();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        assertThat(mailTo("mia-863@example.com")).hasSize(1);
        assertThat(ledger(event).getFirst()).containsEntry("attempts", 1).containsEntry("phone_number", null);
    }

    @Test
    void anSmsTheTeamsDailyBudgetDoesNotAllowGoesByEmailToWhoeverHasAnAddress() throws Exception {
        upstreams.teamHas(BROKE_TEAM, """
                [{"userId":"nia","phoneNumber":"+14155550864","displayName":"Nia","channel":"SMS","email":"nia-864@example.com"},
                 {"userId":"ola","phoneNumber":"+14155550865","displayName":"Ola","channel":"SMS"}]""");

        TicketCreated event = publish(ticketCreated(UUID.fromString(BROKE_TEAM)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SKIPPED"));
        assertThat(ledger(event)).extracting(row -> row.get("channel")).containsExactly("EMAIL", "SMS");
        assertThat((String) ledger(event).get(1).get("error_message")).startsWith("over the team's daily SMS budget: 0 USD");
        assertThat(mailTo("nia-864@example.com")).hasSize(1);
        assertThat(requestsFor("+14155550864")).isEmpty();
        assertThat(requestsFor("+14155550865")).isEmpty();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
