package dev.ticketsms.notification.delivery.web;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Two {@link ManualSendLimits} on one database, as two replicas would have, at 3 messages per hour. */
public final class ManualSendLimitsProbe {

    private final ManualSendLimits[] replicas;

    public ManualSendLimitsProbe(DataSource dataSource) {
        var limits = new ManualSendLimits.Limits(3, Duration.ofHours(1));
        this.replicas = new ManualSendLimits[]{new ManualSendLimits(limits, dataSource), new ManualSendLimits(limits, dataSource)};
    }

    public Replica replica(int index) {
        return new Replica(replicas[index]);
    }

    public record Replica(ManualSendLimits limits) {

        public void accept(String admin) {
            limits.acquire(admin);
        }

        /** @return the Retry-After the refusal gives, in seconds */
        public long refusedWithRetryAfter(String admin) {
            var refused = catchThrowableOfType(ManualSendLimits.TooManyMessagesException.class, () -> limits.acquire(admin));
            assertThat(refused).as("refused").isNotNull();
            return refused.retryAfter().toSeconds();
        }
    }
}
