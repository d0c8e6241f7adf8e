package dev.ticketsms.ticket.tickets;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * At most {@code count} actions per {@code period} for each key (a user, a ticket): a token bucket of
 * {@code count} that refills {@code count} per period, smoothly. Kept in this instance's memory, so with several
 * replicas each allows its own share.
 */
final class RateLimit<K> {

    private final String name;
    private final TicketLimits.Limit limit;
    private final TimeMeter time;
    private final Cache<K, Bucket> buckets;

    RateLimit(String name, TicketLimits.Limit limit, TimeMeter time) {
        this.name = name;
        this.limit = limit;
        this.time = time;
        // a bucket untouched for a whole period is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limit.period()).build();
    }

    /**
     * Counts one action for {@code key}.
     *
     * @throws TooManyRequestsException when the key has used its budget; it says how long until the next action is allowed
     */
    void take(K key) {
        ConsumptionProbe probe = buckets.get(key, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(name, limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
