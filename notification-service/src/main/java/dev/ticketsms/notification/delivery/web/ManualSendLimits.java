package dev.ticketsms.notification.delivery.web;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * How many manual messages one admin may send: a slip of a script must not text a team a hundred times. The bucket
 * lives in PostgreSQL (bucket4j, a row lock per admin), so the limit holds across every replica behind a load
 * balancer, and a refused caller is told the real wait until the next message is allowed.
 */
@Component
class ManualSendLimits {

    /** @param perCaller messages one admin may send per {@code period}; they come back evenly over the period */
    @Validated
    @ConfigurationProperties("notifications.manual-send")
    record Limits(@Min(1) int perCaller, @NotNull Duration period) {
    }

    static final class TooManyMessagesException extends RuntimeException {
        private final int limit;
        private final Duration period;
        private final Duration retryAfter;

        TooManyMessagesException(int limit, Duration period, Duration retryAfter) {
            super("manual send limit reached");
            this.limit = limit;
            this.period = period;
            this.retryAfter = retryAfter;
        }

        int limit() {
            return limit;
        }

        Duration period() {
            return period;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Limits limits;
    private final BucketConfiguration perAdmin;
    private final ProxyManager<String> buckets;

    ManualSendLimits(Limits limits, DataSource dataSource) {
        this.limits = limits;
        this.perAdmin = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.perCaller()).refillGreedy(limits.perCaller(), limits.period()))
                .build();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .build();
    }

    void acquire(String caller) {
        ConsumptionProbe probe = buckets.builder().build("manual-send:" + caller, () -> perAdmin).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyMessagesException(limits.perCaller(), limits.period(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
