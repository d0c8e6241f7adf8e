package dev.ticketsms.notification.delivery;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stop wakes sends that wait for a permit (they send nothing) and leaves a request on the wire alone. */
class SendingShutdownTest {

    private final SendingShutdown shutdown = new SendingShutdown();

    @Test
    void aSendWaitingForARatePermitIsWokenAndNeverGoesOut() throws Exception {
        // one permit per minute, already used: the next caller would wait up to 30 s
        RateLimiter limiter = RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ofSeconds(30)).build());
        limiter.acquirePermission();
        shutdown.start();
        var waiting = CompletableFuture.supplyAsync(() -> {
            assertThat(shutdown.startWaiting()).isTrue();
            boolean permitted = limiter.acquirePermission();
            return permitted && shutdown.stopWaiting();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.getMetrics().getNumberOfWaitingThreads() == 1);

        shutdown.stop();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("went on the wire").isFalse();
        assertThat(shutdown.startWaiting()).as("a send that starts after the stop").isFalse();
    }

    @Test
    void aRequestOnTheWireIsNotInterrupted() throws Exception {
        shutdown.start();
        var onTheWire = new CountDownLatch(1);
        var answered = new CountDownLatch(1);
        var request = CompletableFuture.supplyAsync(() -> {
            shutdown.startWaiting();
            assertThat(shutdown.stopWaiting()).isTrue();
            onTheWire.countDown();
            try {
                return answered.await(5, TimeUnit.SECONDS) && !Thread.currentThread().isInterrupted();
            } catch (InterruptedException e) {
                return false;
            }
        });
        onTheWire.await(5, TimeUnit.SECONDS);

        shutdown.stop();
        answered.countDown();

        assertThat(request.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
