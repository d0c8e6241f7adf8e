package dev.ticketsms.notification.sms;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends through {@link TwilioSmsGateway} within what Twilio and our sender allow, all named {@value #TWILIO} in
 * application.yaml: a bulkhead caps concurrent calls, a rate limiter (innermost) paces sends at the sender's messages per second
 * ({@code twilio.messages-per-second}), a circuit
 * breaker stops calling while Twilio fails, and a retry repeats only the calls that certainly sent nothing
 * (429, no connection) with exponential, jittered back-off. Each retry takes a new rate-limiter permit.
 */
@Component
public class SmsSender {

    public static final String TWILIO = "twilio";

    private final TwilioSmsGateway gateway;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    SmsSender(TwilioSmsGateway gateway, TwilioProperties properties, BulkheadRegistry bulkheads,
              RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.gateway = gateway;
        this.bulkhead = bulkheads.bulkhead(TWILIO);
        // one permit per 1/rate seconds rather than "rate" permits per second: no burst at a period's start
        this.rateLimiter = rateLimiters.rateLimiter(TWILIO, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.round(1_000_000_000 / properties.messagesPerSecond())))
                .timeoutDuration(properties.sendSlotWait())
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker(TWILIO);
        this.retry = retries.retry(TWILIO);
    }

    /**
     * @param gate checked at every attempt, before its rate permit and right before the request; a request that
     *             certainly did not reach Twilio is handed back through it before the retry waits
     * @return how Twilio answered, or {@link SmsResult.NotAttempted} when the gate kept the request from going out
     * @throws SmsNotSentException when nothing was sent: Twilio kept refusing for a reason worth retrying later,
     *                             the breaker is open, or no rate-limit or bulkhead slot came in time
     */
    public SmsResult send(String toE164, String body, URI statusCallback, WireGate gate) {
        Supplier<SmsResult> call = () -> {
            if (!gate.enter()) {
                return new SmsResult.NotAttempted();
            }
            try {
                return gateway.send(toE164, body, statusCallback);
            } catch (SmsNotSentException e) {
                gate.handBack();
                throw e;
            }
        };
        // the rate permit is taken last, right before the request: a call that waited for a bulkhead slot after
        // taking its permit would go out together with others and burst above the sender's rate
        Supplier<SmsResult> paced = RateLimiter.decorateSupplier(rateLimiter, call);
        call = () -> gate.ready() ? paced.get() : new SmsResult.NotAttempted();
        call = Bulkhead.decorateSupplier(bulkhead, call);
        call = CircuitBreaker.decorateSupplier(circuitBreaker, call);
        call = Retry.decorateSupplier(retry, call);
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new SmsNotSentException(SmsNotSentException.Reason.CIRCUIT_OPEN, "Twilio circuit breaker is open", e);
        } catch (RequestNotPermitted | BulkheadFullException e) {
            throw new SmsNotSentException(SmsNotSentException.Reason.LOCAL_LIMIT,
                    "No send slot within the configured wait: " + e.getMessage(), e);
        }
    }
}
