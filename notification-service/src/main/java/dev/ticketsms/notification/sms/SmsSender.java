package dev.ticketsms.notification.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends through the primary {@link SmsRoute} and, when one is configured, fails over to the second: an SMS goes to the
 * failover route only when the primary certainly did not take it ({@link SmsNotSentException.Reason#mayFailOver}: its
 * breaker is open, it could not be reached, it answered 429 or 503 through all retries, it refused our credentials or
 * sender). An SMS whose outcome on the primary is unknown (5xx, a timeout) is a result, recorded UNKNOWN and
 * reconciled against the primary's account; it never goes out on the failover route, which would text the recipient
 * twice. Each route paces, limits and breaks on its own (see {@link TwilioRoute}); failovers are counted in
 * {@code notifications.sms.failovers}.
 */
@Component
public class SmsSender {

    private final TwilioRoutes routes;
    private final MeterRegistry meters;

    SmsSender(TwilioRoutes routes, MeterRegistry meters) {
        this.routes = routes;
        this.meters = meters;
        // scraped at 0 from the start: an alert reads increase(...) > 0, which a counter born at 1 would not show
        routes.failover().ifPresent(failover -> {
            for (SmsNotSentException.Reason reason : SmsNotSentException.Reason.values()) {
                if (reason.mayFailOver()) {
                    failovers(SmsRoute.PRIMARY, failover, reason);
                }
            }
        });
    }

    private Counter failovers(SmsRoute from, TwilioRoute to, SmsNotSentException.Reason reason) {
        return meters.counter("notifications.sms.failovers", "from", from.tag(), "to", to.name().tag(),
                "reason", reason.name().toLowerCase(Locale.ROOT));
    }

    /**
     * @param gate checked at every attempt on each route, before its rate permit and right before the request, which
     *             it is told the route of; a request that certainly did not reach Twilio is handed back through it
     *             before the retry waits or the failover route is tried
     * @return how Twilio answered, or {@link SmsResult.NotAttempted} when the gate kept the request from going out
     * @throws SmsNotSentException when nothing was sent on any route: Twilio kept refusing for a reason worth retrying
     *                             later, the breakers are open, or no rate-limit or bulkhead slot came in time; its
     *                             {@link SmsNotSentException#route} is the last route tried
     */
    public SmsResult send(String toE164, String body, URI statusCallback, WireGate gate) {
        try {
            return routes.primary().send(toE164, body, statusCallback, gate);
        } catch (SmsNotSentException refused) {
            Optional<TwilioRoute> failover = routes.failover();
            if (failover.isEmpty() || !refused.reason().mayFailOver()) {
                throw refused;
            }
            failovers(refused.route(), failover.get(), refused.reason()).increment();
            return failover.get().send(toE164, body, statusCallback, gate);
        }
    }
}
