package dev.ticketsms.notification.sms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures on the primary route may be sent on the failover route: only those that prove Twilio did not take
 * the SMS there. Anything that may have reached Twilio (5xx, a timeout) is a result, never an exception, so it can
 * never fail over; a duplicate across two accounts would be a second SMS on the recipient's phone.
 */
class FailoverClassificationTest {

    @ParameterizedTest
    @EnumSource(value = SmsNotSentException.Reason.class, names = {"CIRCUIT_OPEN", "UNREACHABLE", "RATE_LIMITED", "UNAVAILABLE", "SENDER_REFUSED"})
    void whatCertainlyDidNotReachTheRouteFailsOver(SmsNotSentException.Reason reason) {
        assertThat(reason.mayFailOver()).isTrue();
    }

    @Test
    void noSlotInOurOwnLimitsIsNoOutageAndStaysOnTheRoute() {
        // the primary is busy, not down: its pace is the sender's, and the row waits for its turn there
        assertThat(SmsNotSentException.Reason.LOCAL_LIMIT.mayFailOver()).isFalse();
    }
}
