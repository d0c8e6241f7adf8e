package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Quiet hours defer an SMS instead of dropping it, a ticket flipped back and forth texts each member a bounded number
 * of times; several held updates become one summary.
 */
class HeldDeliveriesIntegrationTest extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    HeldDeliveries release;

    @Test
    void aMemberInQuietHoursGetsTheSmsWhenTheWindowEndsOthersAtOnce() {
        UUID team = UUID.randomUUID();
        Instant quietUntil = Instant.now().plus(Duration.ofHours(7));
        upstreams.teamHas(team.toString(), members(team, "+1415555090", null, quietUntil));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(ledger(event))
                .extracting(row -> row.get("phone_number"), row -> row.get("status"))
                .containsExactly(tuple("+14155550901", "SENT"), tuple("+14155550902", "HELD")));
        assertThat(requestsFor("+14155550902")).isEmpty();
        release.releaseDue();
        assertThat(requestsFor("+14155550902")).as("still quiet").isEmpty();

        // 07:00 in their time zone: the window is over and profile-service no longer says they are quiet
        upstreams.teamHas(team.toString(), members(team, "+1415555090", null, null));
        endQuietHours(event.eventId());
        release.releaseDue();

        assertThat(statuses(event)).containsExactly("SENT", "SENT");
        assertThat(sentTo("+14155550902")).singleElement()
                .satisfies(sms -> assertThat(sms.body()).startsWith("New Support Ticket Created\nTitle: Broken login"));
        release.releaseDue();
        assertThat(requestsFor("+14155550902")).hasSize(1);
    }

    @Test
    void severalHeldUpdatesBecomeOneSummaryAndATicketClosedMeanwhileIsAnnouncedOnceAsClosed() {
        UUID team = UUID.randomUUID();
        Instant quietUntil = Instant.now().plus(Duration.ofHours(7));
        upstreams.teamHas(team.toString(), members(team, "+1415555091", quietUntil, quietUntil));
        TicketCreated outage = publish(new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Checkout down", dev.ticketsms.events.Severity.HIGH, "Payments", "user-1", "Jane Roe"));
        TicketStatusChanged started = publish(statusChanged(outage, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
        TicketStatusChanged closed = publish(statusChanged(outage, 2, TicketStatus.IN_PROGRESS, TicketStatus.CLOSED));
        TicketCreated other = publish(new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Slow search", dev.ticketsms.events.Severity.LOW, "Search", "user-1", "Jane Roe"));
        await().atMost(WAIT).until(() -> List.of(outage, started, closed, other).stream()
                .allMatch(event -> statuses(event).equals(List.of("HELD", "HELD"))));

        upstreams.teamHas(team.toString(), members(team, "+1415555091", null, null));
        String member0 = "user-%s-0".formatted(team);
        upstreams.userHas(member0, "+14155550911");
        upstreams.userHas("user-%s-1".formatted(team), "+14155550912");
        for (var event : List.of(outage, started, closed, other)) {
            endQuietHours(event.eventId());
        }
        release.releaseDue();
        release.releaseDue();

        assertThat(sentTo("+14155550911")).singleElement().extracting(FakeUpstreams.SentSms::body).isEqualTo("""
                Ticket updates from your quiet hours
                - Checkout down (High): Closed
                - Slow search (Low): Open""");
        assertThat(sentTo("+14155550912")).hasSize(1);
        assertThat(statuses(outage)).containsExactly("SKIPPED", "SKIPPED");
        assertThat(jdbc.sql("SELECT status FROM deliveries WHERE kind = 'HELD_SUMMARY' AND user_id = ?")
                .param(member0).query(String.class).list()).containsExactly("SENT");
    }

    @Test
    void aTicketFlippedBackAndForthTextsEachMemberThreeTimesAndTheRestIsOneMessageLater() {
        UUID team = teamOf("+14155550921");
        TicketCreated ticket = publish(ticketCreated(team));
        var changes = new java.util.ArrayList<TicketStatusChanged>();
        TicketStatus from = TicketStatus.OPEN;
        for (int version = 1; version <= 6; version++) {
            TicketStatus to = from == TicketStatus.OPEN ? TicketStatus.IN_PROGRESS : TicketStatus.OPEN;
            changes.add(publish(statusChanged(ticket, version, from, to)));
            from = to;
        }
        await().atMost(WAIT).until(() -> changes.stream().allMatch(change -> !statuses(change).equals(List.of("PENDING"))
                && !statuses(change).isEmpty()));
        assertThat(sentTo("+14155550921")).as("creation and the first two changes").hasSize(3);
        assertThat(changes.subList(2, 6)).allSatisfy(change -> assertThat(statuses(change)).containsExactly("HELD"));

        upstreams.userHas("user-%s-0".formatted(team), "+14155550921");
        for (var change : changes) {
            endQuietHours(change.eventId());
        }
        // the window has passed for the SMS before: the coalesced message may go
        jdbc.sql("UPDATE deliveries SET created_at = created_at - interval '11 minutes' WHERE ticket_id = ? AND status IN ('SENT', 'DELIVERED')")
                .param(ticket.ticketId()).update();
        release.releaseDue();

        assertThat(sentTo("+14155550921")).hasSize(4).last().extracting(FakeUpstreams.SentSms::body).isEqualTo("""
                Ticket updates in the last minutes
                - Broken login (High): Open""");
    }

    private void endQuietHours(UUID eventId) {
        jdbc.sql("UPDATE deliveries SET hold_until = now() - interval '1 second' WHERE event_id = ? AND status = 'HELD'")
                .param(eventId).update();
    }

    /** Two members, numbers {@code phonePrefix}1 and {@code phonePrefix}2. */
    private static String members(UUID team, String phonePrefix, Instant firstQuietUntil, Instant secondQuietUntil) {
        return """
                [{"userId":"user-%1$s-0","phoneNumber":"%2$s1","displayName":"Member 0","quietUntil":%3$s},
                 {"userId":"user-%1$s-1","phoneNumber":"%2$s2","displayName":"Member 1","quietUntil":%4$s}]"""
                .formatted(team, phonePrefix, json(firstQuietUntil), json(secondQuietUntil));
    }

    private static String json(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }
}
