package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.costs.SmsPrices;
import dev.ticketsms.notification.sms.SmsNotSentException;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.sms.SmsRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every delivery meter in one place, so names and tags stay consistent (the README lists them for ops).
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final SmsPrices prices;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unsettled = new AtomicInteger();
    private final DistributionSummary segments;
    private final Timer eventToSend;
    private final Timer eventToDelivered;

    DeliveryMetrics(MeterRegistry registry, Clock clock, SmsPrices prices) {
        this.registry = registry;
        this.clock = clock;
        this.prices = prices;
        Gauge.builder("notifications.deliveries.in.flight", inFlight, AtomicInteger::get)
                .description("SMS handed to the Twilio client and not yet answered")
                .register(registry);
        Gauge.builder("notifications.deliveries.unsettled", unsettled, AtomicInteger::get)
                .description("SMS whose outcome is unknown (UNKNOWN, or left SENDING by a dead process), as of the last reconciliation round")
                .register(registry);
        this.segments = DistributionSummary.builder("notifications.sms.segments")
                .description("Segments billed per SMS Twilio accepted")
                .register(registry);
        this.eventToSend = Timer.builder("notifications.event.to.send")
                .description("From the ticket event (or manual request) to Twilio accepting its SMS")
                .publishPercentileHistogram()
                .register(registry);
        this.eventToDelivered = Timer.builder("notifications.event.to.delivered")
                .description("From the ticket event (or manual request) to the carrier's delivered report for its SMS")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        // Alerts read these with increase(...) > 0. A counter first scraped at 1 shows no increase, so the first dead
        // letter (or refusal, or reconciliation) after a start would never alert: each series is scraped at 0 from
        // the start instead.
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            registry.counter("notifications.dead.letters", "reason", reason.tag());
        }
        for (Reconciled outcome : Reconciled.values()) {
            registry.counter("notifications.deliveries.reconciled", "outcome", outcome.tag());
        }
        registry.counter("notifications.sms.attempts", "outcome", "not_sent", "error_code", "sender_refused",
                "route", SmsRoute.PRIMARY.tag());
    }

    /** Why a ticket event went to the DLT; the {@code reason} tag of {@code notifications.dead.letters}. */
    enum DeadLetterReason {
        /** Not JSON, or not a ticket event's shape. */
        UNREADABLE,
        /** A rule of {@code TicketEventRules}. */
        INVALID,
        /** Anything else, after its retries. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the reconciliation did with an SMS of unknown outcome; the {@code outcome} tag of its counter. */
    enum Reconciled {
        /** Twilio had it: settled, not sent again. */
        FOUND,
        /** Twilio did not have it: sent again. */
        RESENT,
        /** Twilio did not have it and no attempts were left: FAILED. */
        GAVE_UP;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Rows claimed and queued in the sending lanes ({@link SendingLanes}), not yet sent or left PENDING. */
    void queuedSends(java.util.function.Supplier<Number> rows) {
        Gauge.builder("notifications.deliveries.queued", rows)
                .description("SMS claimed by the consumer and waiting in a ticket's sending lane, or being sent")
                .register(registry);
    }

    /**
     * Wraps one Twilio call; counts it by how it ended and on which route.
     *
     * @param route the route the call's last request went out on (or was about to), once it returned
     */
    SmsResult timeSend(java.util.function.Supplier<SmsResult> send, java.util.function.Supplier<SmsRoute> route) {
        inFlight.incrementAndGet();
        Timer.Sample sample = Timer.start(registry);
        String outcome = "not_sent";
        SmsRoute on = null;
        try {
            SmsResult result = send.get();
            outcome = outcome(result);
            on = route.get();
            return result;
        } catch (SmsNotSentException e) {
            on = e.route();
            throw e;
        } finally {
            inFlight.decrementAndGet();
            sample.stop(Timer.builder("notifications.sms.send.latency")
                    .description("Duration of one send through Twilio, retries, waits for rate-limit slots and a failover included")
                    .tag("outcome", outcome)
                    .tag("route", tag(on))
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    /**
     * @param teamId the team the SMS went to, for the cost per team; null for messages to chosen users and codes
     * @param route  the route (Twilio account) that took it, which bills it
     * @param cost   its estimated price ({@link SmsPrices}: segments x the destination country's price)
     */
    void accepted(SmsResult.Accepted accepted, Instant occurredAt, UUID teamId, SmsRoute route, BigDecimal cost) {
        attempt("sent", "none", route);
        segments.record(accepted.segments());
        Counter.builder("notifications.sms.cost.estimated")
                .description("Estimated Twilio charges of accepted SMS (segments x the destination country's price per segment), in the currency tag, by team and route")
                .tag("currency", prices.currency())
                .tag("team", teamId == null ? "none" : teamId.toString())
                .tag("route", tag(route))
                .register(registry)
                .increment(cost.doubleValue());
        eventToSend.record(Duration.between(occurredAt, clock.instant()));
    }

    void rejected(SmsResult.Rejected rejected, SmsRoute route) {
        attempt("rejected", String.valueOf(rejected.errorCode()), route);
    }

    void outcomeUnknown(SmsRoute route) {
        attempt("unknown", "none", route);
    }

    /** @param route the last route tried */
    void notSent(String reason, SmsRoute route) {
        attempt("not_sent", reason, route);
    }

    /** @param outcome how one Slack post ended: posted, rejected, unknown (not posted again), not_posted (later) */
    void slack(String outcome) {
        registry.counter("notifications.slack.posts", "outcome", outcome).increment();
    }

    /** An SMS row went by email instead; {@code reason} over_budget. */
    void byEmailInstead(String reason) {
        registry.counter("notifications.deliveries.by.email.instead", "reason", reason).increment();
    }

    /** @param outcome how one email ended: sent, rejected (the address), unknown (not sent again), not_sent (later) */
    void email(String outcome) {
        registry.counter("notifications.email.sends", "outcome", outcome).increment();
    }

    /**
     * A team's ticket SMS are checked against its budget: its withheld counter is scraped (at 0) from then on, so the
     * first message withheld shows as an increase and alerts.
     */
    void budgetWatched(UUID teamId) {
        registry.counter("notifications.sms.budget.withheld", "team", teamId.toString());
    }

    /** Ticket SMS of a team not sent because they would take the team's day over its SMS budget. */
    void overBudget(UUID teamId, int rows) {
        registry.counter("notifications.sms.budget.withheld", "team", teamId.toString()).increment(rows);
    }

    void skipped(String reason) {
        registry.counter("notifications.deliveries.skipped", "reason", reason).increment();
    }

    void eventSkipped(String reason) {
        registry.counter("notifications.events.skipped", "reason", reason).increment();
    }

    /** A row waits for the end of its recipient's quiet hours. */
    void held(HoldReason reason) {
        registry.counter("notifications.deliveries.held", "reason", reason.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** @param outcome released (sent as it was) or summarized (replaced by one summary SMS) */
    void heldReleased(String outcome, int rows) {
        registry.counter("notifications.deliveries.held.released", "outcome", outcome).increment(rows);
    }

    /** A ticket event was written to {@code tickets.events.v1-dlt}: the DLT's growth, by why. */
    void deadLettered(DeadLetterReason reason) {
        registry.counter("notifications.dead.letters", "reason", reason.tag()).increment();
    }

    /**
     * A follow-up step was taken: {@code kind} reminder or escalation; {@code outcome} sent, nobody (no member takes
     * it), passed_over (an escalation target who cannot be texted), exhausted (nobody left on the list).
     */
    void followUp(String kind, String outcome) {
        registry.counter("notifications.follow.ups", "kind", kind, "outcome", outcome).increment();
    }

    /** A row used up its attempts and is FAILED. */
    void gaveUp() {
        registry.counter("notifications.deliveries.gave.up").increment();
    }

    /** How many rows wait for the reconciliation, counted at the start of its round. */
    void unsettled(int rows) {
        unsettled.set(rows);
    }

    void reconciled(Reconciled outcome) {
        registry.counter("notifications.deliveries.reconciled", "outcome", outcome.tag()).increment();
    }

    /** A status callback moved a row to a final status: the delivery success rate and failure reasons. */
    void deliveryOutcome(DeliveryStatus status, Integer errorCode) {
        registry.counter("notifications.sms.delivery.outcomes", "status", status.name().toLowerCase(Locale.ROOT),
                "error_code", errorCode == null ? "none" : String.valueOf(errorCode)).increment();
    }

    /** Twilio reported an SMS delivered to the handset. */
    void delivered(Instant occurredAt) {
        eventToDelivered.record(Duration.between(occurredAt, clock.instant()));
    }

    /** @param outcome applied, confirmed, stale, duplicate or unknown_message */
    void statusCallback(String outcome) {
        registry.counter("notifications.webhooks.status.callbacks", "outcome", outcome).increment();
    }

    /** A webhook was refused (403): forged, unsigned, signed for another URL or account. */
    public void webhookRefused(String endpoint, String reason) {
        registry.counter("notifications.webhooks.refused", "endpoint", endpoint, "reason", reason).increment();
    }

    /** @param keyword opt_out, opt_in, help or other */
    public void inboundSms(String keyword) {
        registry.counter("notifications.sms.inbound", "keyword", keyword).increment();
    }

    /** What became of a ticket command by SMS: done, not_allowed, not_found, unknown_sender, too_often, unavailable. */
    public void smsCommand(String outcome) {
        registry.counter("notifications.sms.commands", "outcome", outcome).increment();
    }

    private void attempt(String outcome, String errorCode, SmsRoute route) {
        registry.counter("notifications.sms.attempts", "outcome", outcome, "error_code", errorCode, "route", tag(route)).increment();
    }

    private static String tag(SmsRoute route) {
        return route == null ? "none" : route.tag();
    }

    private static String outcome(SmsResult result) {
        return switch (result) {
            case SmsResult.Accepted ignored -> "sent";
            case SmsResult.Rejected ignored -> "rejected";
            case SmsResult.OutcomeUnknown ignored -> "unknown";
            case SmsResult.NotAttempted ignored -> "not_attempted";
        };
    }
}
