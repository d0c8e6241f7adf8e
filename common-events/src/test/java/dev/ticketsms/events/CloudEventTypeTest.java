package dev.ticketsms.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventTypeTest {

    @Test
    void eachTicketEventNamesItsOwnVersionedCloudEventType() {
        var id = UUID.randomUUID();
        var created = new TicketCreated(id, Instant.EPOCH, id, id, 1, "t", Severity.LOW, "c", "u", "U");
        var changed = new TicketStatusChanged(id, Instant.EPOCH, id, id, 2, "t", Severity.LOW, "c",
                TicketStatus.OPEN, TicketStatus.CLOSED, "u", "U");

        assertThat(created.cloudEventType()).isEqualTo("ticket.created.v1");
        assertThat(changed.cloudEventType()).isEqualTo("ticket.status-changed.v1");
    }
}
