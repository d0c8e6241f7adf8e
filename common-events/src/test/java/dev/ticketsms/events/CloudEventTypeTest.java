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

    @Test
    void eachProfileEventNamesItsOwnVersionedCloudEventType() {
        var id = UUID.randomUUID();

        assertThat(new TeamMemberAdded(id, Instant.EPOCH, id, "u").cloudEventType()).isEqualTo("team.member-added.v1");
        assertThat(new TeamMemberRemoved(id, Instant.EPOCH, id, "u").cloudEventType()).isEqualTo("team.member-removed.v1");
        assertThat(new SmsOptOutReceived(id, Instant.EPOCH, "+14155550101", "STOP", "SM1").cloudEventType())
                .isEqualTo("sms.opt-out-received.v1");
        assertThat(new SmsOptInReceived(id, Instant.EPOCH, "+14155550101", "START", "SM2").cloudEventType())
                .isEqualTo("sms.opt-in-received.v1");
        assertThat(new SmsNumberUnusable(id, Instant.EPOCH, "+15005550009", "21614", "not mobile").cloudEventType())
                .isEqualTo("sms.number-unusable.v1");
        assertThat(new PhoneVerificationRequested(id, Instant.EPOCH, "u", "+14155550101", "123456", Instant.EPOCH)
                .cloudEventType()).isEqualTo("phone.verification-requested.v1");
    }
}
