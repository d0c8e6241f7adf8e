package dev.ticketsms.notification.sms;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured {@link SmsRoute}s: the primary ({@code twilio.*}, resilience4j instances named {@code twilio} in
 * application.yaml) and, when {@code twilio.failover.account-sid} is set, the failover route, whose breaker, retry and
 * bulkhead ({@code twilio-failover}) take the primary's settings unless application.yaml names them itself, and whose
 * rate limiter paces at its own sender's rate.
 */
@Component
public class TwilioRoutes implements DisposableBean {

    /** An account webhooks may be signed by. */
    public record Account(SmsRoute route, String accountSid, String authToken) {
    }

    private final TwilioRoute primary;
    private final TwilioRoute failover;

    TwilioRoutes(TwilioProperties primary, TwilioFailoverProperties failover, BulkheadRegistry bulkheads,
                 RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.primary = route(SmsRoute.PRIMARY, primary, bulkheads, rateLimiters, circuitBreakers, retries);
        this.failover = failover.enabled()
                ? route(SmsRoute.FAILOVER, failover.route(primary), bulkheads, rateLimiters, circuitBreakers, retries)
                : null;
    }

    private static TwilioRoute route(SmsRoute name, TwilioProperties account, BulkheadRegistry bulkheads,
                                     RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers,
                                     RetryRegistry retries) {
        String like = SmsRoute.PRIMARY.resilienceName();
        String named = name.resilienceName();
        return new TwilioRoute(name, account, new TwilioSmsGateway(account),
                bulkheads.bulkhead(named, bulkheads.bulkhead(like).getBulkheadConfig()),
                rateLimiters.rateLimiter(named, pace(account)),
                circuitBreakers.circuitBreaker(named, circuitBreakers.circuitBreaker(like).getCircuitBreakerConfig()),
                retries.retry(named, retries.retry(like).getRetryConfig()));
    }

    /** One permit per 1/rate seconds rather than "rate" permits per second: no burst at a period's start. */
    private static RateLimiterConfig pace(TwilioProperties account) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.round(1_000_000_000 / account.messagesPerSecond())))
                .timeoutDuration(account.sendSlotWait())
                .build();
    }

    TwilioRoute primary() {
        return primary;
    }

    Optional<TwilioRoute> failover() {
        return Optional.ofNullable(failover);
    }

    /** The gateway of {@code route}; empty when that route is not configured (any more). */
    public Optional<TwilioSmsGateway> gateway(SmsRoute route) {
        return route == SmsRoute.PRIMARY ? Optional.of(primary.gateway()) : failover().map(TwilioRoute::gateway);
    }

    /** The circuit breaker of every configured route, the primary's first. */
    public List<CircuitBreaker> circuitBreakers() {
        return routes().stream().map(TwilioRoute::circuitBreaker).toList();
    }

    /** The accounts of every configured route, the primary's first. */
    public List<Account> accounts() {
        return routes().stream().map(route -> new Account(route.name(), route.account().accountSid(), route.account().authToken()))
                .toList();
    }

    private List<TwilioRoute> routes() {
        var routes = new ArrayList<TwilioRoute>();
        routes.add(primary);
        failover().ifPresent(routes::add);
        return routes;
    }

    @Override
    public void destroy() throws IOException {
        for (TwilioRoute route : routes()) {
            route.gateway().close();
        }
    }
}
