package dev.ticketsms.ticket.tickets;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The wait a refused client is told is the real one: after it, the next action is allowed, and not before. */
class RateLimitTest {

    private final ManualTime time = new ManualTime();
    private final RateLimit<String> limit = new RateLimit<>("Tickets opened by one user",
            new TicketLimits.Limit(3, Duration.ofMinutes(1)), time);

    @Test
    void pastTheBudgetTheWaitIsUntilTheNextRefillAndAfterItTheNextActionIsAllowed() {
        for (int i = 0; i < 3; i++) {
            limit.take("alice");
        }

        var refused = catchThrowableOfType(TooManyRequestsException.class, () -> limit.take("alice"));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(refused).hasMessage("Tickets opened by one user are limited to 3 per 1m; try again in 20 s");

        time.advance(Duration.ofSeconds(19));
        assertThat(catchThrowableOfType(TooManyRequestsException.class, () -> limit.take("alice")).retryAfterSeconds())
                .isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        assertThatNoException().isThrownBy(() -> limit.take("alice"));
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            limit.take("alice");
        }

        assertThatNoException().isThrownBy(() -> limit.take("bob"));
    }

    @Test
    void aWaitBelowASecondIsAnnouncedAsOneSecond() {
        for (int i = 0; i < 3; i++) {
            limit.take("alice");
        }
        time.advance(Duration.ofMillis(19_500));

        assertThat(catchThrowableOfType(TooManyRequestsException.class, () -> limit.take("alice")).retryAfterSeconds())
                .isEqualTo(1);
    }

    private static final class ManualTime implements TimeMeter {

        private long nanos = 1_000_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
