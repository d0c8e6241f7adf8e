package dev.ticketsms.sandbox.faults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.ticketsms.sandbox.PhoneMask;
import dev.ticketsms.sandbox.stats.RequestOutcome;
import dev.ticketsms.sandbox.stats.SandboxStats;
import dev.ticketsms.sandbox.twilio.TwilioApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the faults in force to an authenticated message request before the Messages API sees it:
 * waits out the latencies, then answers 429 or 5xx, or has the connection dropped, in which case the
 * message is never kept; or lets the message be accepted and has {@link LostAnswers} replace the 201.
 * Only POSTs are faulted: a client settling an unknown outcome must be able to read the messages.
 */
class FaultInjection implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final Faults faults;
    private final SandboxStats stats;

    FaultInjection(Faults faults, SandboxStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        var to = request.getParameter("To");
        var applied = faults.forRequest(to);
        if (applied.latency().isPositive()) {
            stats.delayed();
            Thread.sleep(applied.latency());
        }
        var answer = applied.answer();
        if (answer == null) {
            return true;
        }
        log.info("Injecting {} into a message request to {}", answer.kind(), PhoneMask.of(to));
        return switch (answer.kind()) {
            case TOO_MANY_REQUESTS -> throw TwilioApiException.tooManyRequests();
            case SERVER_ERROR -> throw TwilioApiException.serverError(HttpStatus.valueOf(answer.status()));
            case DROP_CONNECTION -> {
                stats.request(RequestOutcome.CONNECTION_DROPPED);
                ConnectionDrops.drop(request);
                yield false;
            }
            case ACCEPT_THEN_SERVER_ERROR, ACCEPT_THEN_DROP_CONNECTION -> {
                LostAnswers.loseAnswerOf(request, answer);
                yield true;
            }
            default -> throw new IllegalStateException("not a fault that answers a request: " + answer.kind());
        };
    }
}
