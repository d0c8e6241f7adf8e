package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several changes to one ticket inside the coalescing window become one SMS; a lone change goes out as it is. */
@TestPropertySource(properties = {"notifications.delivery.coalesce-window=3s", "notifications.delivery.held-release-interval=500ms"})
class CoalescingIntegrationTest extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void changesInsideTheWindowBecomeOneSmsSayingWhereTheTicketEnded() {
        UUID team = teamOf("+14155550931");
        // the coalesced SMS is sent like a summary, its recipient checked again by user id
        upstreams.userHas("user-%s-0".formatted(team), "+14155550931");
        TicketCreated ticket = publish(ticketCreated(team));
        await().atMost(WAIT).until(() -> sentTo("+14155550931").size() == 1);

        TicketStatusChanged started = publish(statusChanged(ticket, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
        TicketStatusChanged resolved = publish(statusChanged(ticket, 2, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED));
        await().atMost(WAIT).until(() -> statuses(started).equals(List.of("SKIPPED"))
                && statuses(resolved).equals(List.of("SKIPPED")));

        await().atMost(WAIT).until(() -> sentTo("+14155550931").size() == 2);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> sentTo("+14155550931").size() == 2);
        assertThat(sentTo("+14155550931").getLast().body()).isEqualTo("""
                Ticket updates in the last minutes
                - Broken login (High): Resolved""");
    }

    @Test
    void aLoneChangeGoesOutAsItIsOnceTheWindowIsOver() {
        UUID team = teamOf("+14155550941");
        TicketCreated ticket = publish(ticketCreated(team));
        TicketStatusChanged started = publish(statusChanged(ticket, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS));

        await().atMost(WAIT).until(() -> statuses(started).equals(List.of("HELD")) || statuses(started).equals(List.of("SENT")));
        await().atMost(WAIT).until(() -> sentTo("+14155550941").size() == 2);
        assertThat(sentTo("+14155550941").getLast().body()).startsWith("Ticket Status Updated\nTicket: Broken login\n"
                + "Status: Open -> In Progress");
        assertThat(statuses(started)).containsExactly("SENT");
    }
}
