package dev.ticketsms.notification.delivery.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** How many manual messages one admin may send: a slip of a script must not text a team a hundred times. */
@Component
class ManualSendLimits {

    /** @param perCaller messages one admin may send per {@code period} */
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
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> perCaller;

    ManualSendLimits(Limits limits) {
        this.limits = limits;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limits.perCaller())
                .limitRefreshPeriod(limits.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.perCaller = Caffeine.newBuilder().expireAfterAccess(limits.period().multipliedBy(2)).build();
    }

    void acquire(String caller) {
        RateLimiter limiter = perCaller.get(caller, id -> RateLimiter.of("manual-send", config));
        if (!limiter.acquirePermission()) {
            throw new TooManyMessagesException(limits.perCaller(), limits.period(), limits.period());
        }
    }
}
