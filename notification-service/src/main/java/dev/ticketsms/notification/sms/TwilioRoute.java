package dev.ticketsms.notification.sms;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;

import java.net.URI;
import java.util.function.Supplier;

/**
 * One {@link SmsRoute}: its account's gateway within what that account and sender allow. From the outside in: a
 * retry that repeats only the calls that certainly sent nothing (429, 503, no connection) with exponential, jittered
 * back-off, a circuit breaker that stops calling while the account fails, a bulkhead that caps concurrent calls and,
 * innermost, a rate limiter that paces sends at the sender's messages per second. Each retry takes a new permit.
 */
final class TwilioRoute {

    private final SmsRoute name;
    private final TwilioProperties account;
    private final TwilioSmsGateway gateway;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    TwilioRoute(SmsRoute name, TwilioProperties account, TwilioSmsGateway gateway, Bulkhead bulkhead,
                RateLimiter rateLimiter, CircuitBreaker circuitBreaker, Retry retry) {
        this.name = name;
        this.account = account;
        this.gateway = gateway;
        this.bulkhead = bulkhead;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    SmsRoute name() {
        return name;
    }

    TwilioProperties account() {
        return account;
    }

    TwilioSmsGateway gateway() {
        return gateway;
    }

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** @see SmsSender#send */
    SmsResult send(String toE164, String body, URI statusCallback, WireGate gate) {
        Supplier<SmsResult> call = () -> {
            if (!gate.enter(name)) {
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
        } catch (SmsNotSentException e) {
            throw e.on(name);
        } catch (CallNotPermittedException e) {
            throw new SmsNotSentException(SmsNotSentException.Reason.CIRCUIT_OPEN,
                    "Twilio circuit breaker " + circuitBreaker.getName() + " is open", e).on(name);
        } catch (RequestNotPermitted | BulkheadFullException e) {
            throw new SmsNotSentException(SmsNotSentException.Reason.LOCAL_LIMIT,
                    "No send slot within the configured wait: " + e.getMessage(), e).on(name);
        }
    }
}
