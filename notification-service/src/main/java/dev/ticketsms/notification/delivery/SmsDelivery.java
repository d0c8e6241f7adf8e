package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.costs.SmsPrices;
import dev.ticketsms.notification.email.EmailSender;
import dev.ticketsms.notification.numbers.NumberHealth;
import dev.ticketsms.notification.numbers.SmsSuppressions;
import dev.ticketsms.notification.recipients.Channel;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.DestinationCountries;
import dev.ticketsms.notification.sms.SmsNotSentException;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.sms.SmsRoute;
import dev.ticketsms.notification.sms.SmsSender;
import dev.ticketsms.notification.sms.WireGate;
import dev.ticketsms.outbox.StoredTraces;
import io.micrometer.tracing.Span;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends one message to its recipients: claims a ledger row per recipient, then sends every PENDING row of the message
 * at once on virtual threads (the Twilio bulkhead and rate limiter bound how many requests really run). Ticket events
 * claim on the consumer thread and send in their ticket's lane ({@link SendingLanes}); manual messages and codes
 * claim and send on the caller's thread, which gets the outcome. Each row is
 * checked again right before its request goes out (STOP, an unusable number, its attempts, shutdown) and is SENDING
 * only while that request is on the wire. Rows that could not go out now stay PENDING and are reported together,
 * after every other recipient has had their SMS, so a redelivery of the event sends only to them. Each send is an
 * {@code sms send} span in the trace its row was claimed in.
 */
@Component
class SmsDelivery {

    /**
     * @param maxAttempts   requests one row may make that Twilio may have seen (5xx, timeouts); then it is FAILED
     * @param eventDeadline how long one attempt at a message's rows may wait for send slots; rows still waiting then
     *                      stay PENDING for the next attempt
     * @param perTicketLimit  SMS one member may get about one ticket within {@code perTicketWindow}; more are held
     *                        and coalesced into one message when the window allows again
     * @param coalesceWindow  how long a status change waits for the ticket's next changes, so several inside it
     *                        become one SMS; zero sends each at once
     */
    @Validated
    @ConfigurationProperties("notifications.delivery")
    record Rules(@Min(1) int maxAttempts, @NotNull Duration eventDeadline, @Min(1) int perTicketLimit,
                 @NotNull Duration perTicketWindow, @NotNull Duration coalesceWindow) {
    }

    private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

    private final DeliveryLedger ledger;
    private final SmsSender sender;
    private final DeliveryMetrics metrics;
    private final SmsSuppressions suppressions;
    private final NumberHealth numbers;
    private final SendingShutdown shutdown;
    private final DestinationCountries destinations;
    private final Clock clock;
    private final Rules rules;
    private final String statusCallbackBase;
    private final StoredTraces traces;
    private final SmsBudgetCheck budget;
    private final SmsPrices prices;
    private final EmailDelivery emails;
    private final EmailSender email;
    private final SlackDelivery slack;

    SmsDelivery(DeliveryLedger ledger, SmsSender sender, DeliveryMetrics metrics, SmsSuppressions suppressions,
                NumberHealth numbers, SendingShutdown shutdown, DestinationCountries destinations, Clock clock, Rules rules,
                @Value("${notifications.webhooks.public-base-url:}") String publicBaseUrl, StoredTraces traces,
                SmsBudgetCheck budget, SmsPrices prices, EmailDelivery emails, EmailSender email, SlackDelivery slack) {
        this.slack = slack;
        this.traces = traces;
        this.budget = budget;
        this.prices = prices;
        this.emails = emails;
        this.email = email;
        this.ledger = ledger;
        this.sender = sender;
        this.metrics = metrics;
        this.suppressions = suppressions;
        this.numbers = numbers;
        this.shutdown = shutdown;
        this.destinations = destinations;
        this.clock = clock;
        this.rules = rules;
        this.statusCallbackBase = publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "") + "/webhooks/twilio/status?delivery=";
    }

    /**
     * Claims a row for each recipient (a row claimed earlier stays as it is), then sends what is PENDING.
     *
     * @throws DeliveryIncompleteException when some rows could not go out now; they are PENDING
     */
    void deliver(OutgoingSms sms, List<Recipient> recipients) {
        send(sms, claim(sms, recipients));
    }

    /**
     * Claims a row for each recipient (a row claimed earlier stays as it is) and decides for the message's PENDING
     * rows what can be decided before sending (see {@link #sendable}); sends nothing.
     *
     * @return the rows to send, PENDING
     */
    List<DeliveryLedger.PendingRow> claim(OutgoingSms sms, List<Recipient> recipients) {
        ledger.claim(sms, recipients);
        return sendable(sms, recipients);
    }

    /**
     * Sends the message's PENDING rows (see {@link #sendable}). Claims nothing new.
     *
     * @throws DeliveryIncompleteException when some rows could not go out now; they are PENDING
     */
    void resume(OutgoingSms sms, List<Recipient> current) {
        send(sms, sendable(sms, current));
    }

    /**
     * The message's PENDING rows that may be sent, each to the number it was claimed for, to whoever of
     * {@code current} (the recipients as profile-service answers now) is still a recipient with that number; the other
     * rows are SKIPPED, and rows of a recipient in quiet hours or over the per-ticket limit are HELD. A ticket message
     * that would take its team over the day's SMS budget is not texted to any of them ({@link SmsBudgetCheck}): it
     * goes by email to whoever has an address (when email is on), and is SKIPPED for the others. An EMAIL row goes to
     * the address it was claimed for, and a SLACK row (the team's channel) to its webhook, at once: quiet hours,
     * coalescing and the per-ticket limit hold SMS only.
     */
    private List<DeliveryLedger.PendingRow> sendable(OutgoingSms sms, List<Recipient> current) {
        Map<String, Recipient> byUser = current.stream()
                .collect(Collectors.toMap(Recipient::userId, Function.identity(), (first, second) -> first));
        var toSend = new ArrayList<DeliveryLedger.PendingRow>();
        Instant now = clock.instant();
        List<DeliveryLedger.PendingRow> pending = ledger.pendingRows(sms.eventId());
        Map<String, Instant> limited = sms.kind().isTicketEvent() && !coalescing(sms, now)
                ? ledger.ticketLimitsReachedUntil(sms.ticketId(), pending.stream().map(DeliveryLedger.PendingRow::userId).toList(),
                        now.minus(rules.perTicketWindow()), rules.perTicketLimit(), rules.perTicketWindow())
                : Map.of();
        for (DeliveryLedger.PendingRow row : pending) {
            Recipient recipient = byUser.get(row.userId());
            if (recipient == null) {
                skip(row, sms, "no_longer_recipient",
                        "no longer a recipient (opted out, preferences, quiet hours or team changed since it was claimed)");
            } else if (recipient.channel() != row.channel()) {
                skip(row, sms, "channel_changed", "the recipient chose another channel since it was claimed");
            } else if (row.channel() == Channel.SLACK) {
                toSend.add(row);
            } else if (row.channel() == Channel.EMAIL) {
                if (Objects.equals(recipient.email(), row.email())) {
                    toSend.add(row);
                } else {
                    skip(row, sms, "email_changed", "the recipient's email address changed since it was claimed");
                }
            } else if (!row.phoneNumber().equals(recipient.phoneNumber())) {
                skip(row, sms, "number_changed", "the recipient's number changed since the SMS was claimed");
            } else if (recipient.isQuietAt(now)) {
                hold(row, sms, recipient.quietUntil(), HoldReason.QUIET_HOURS);
            } else if (coalescing(sms, now)) {
                hold(row, sms, sms.occurredAt().plus(rules.coalesceWindow()), HoldReason.COALESCING);
            } else if (limited.containsKey(row.userId())) {
                hold(row, sms, limited.get(row.userId()), HoldReason.TICKET_LIMIT);
            } else {
                toSend.add(row);
            }
        }
        List<DeliveryLedger.PendingRow> texts = toSend.stream().filter(row -> row.channel() == Channel.SMS).toList();
        Optional<String> overBudget = budget.withheld(sms, texts);
        if (overBudget.isEmpty()) {
            return toSend;
        }
        var within = new ArrayList<>(toSend.stream().filter(row -> row.channel() == Channel.EMAIL).toList());
        for (DeliveryLedger.PendingRow row : texts) {
            String address = byUser.get(row.userId()).email();
            if (email.enabled() && address != null && ledger.switchToEmail(row.id(), address)) {
                metrics.byEmailInstead("over_budget");
                within.add(row.byEmail(address));
            } else {
                skip(row, sms, "over_budget", overBudget.get());
            }
        }
        return within;
    }

    /**
     * Sends the rows at once, each on its own virtual thread, and waits for all of them. Rows not PENDING any more are
     * left alone.
     *
     * @throws DeliveryIncompleteException when some rows could not go out now; they are PENDING
     */
    void send(OutgoingSms sms, List<DeliveryLedger.PendingRow> toSend) {
        Instant deadline = clock.instant().plus(rules.eventDeadline());
        var notSent = new ArrayList<String>();
        try (var perRecipient = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<String>>> sends = toSend.stream()
                    .map(row -> perRecipient.submit(() -> send(sms, row, deadline)))
                    .toList();
            RuntimeException failure = null;
            for (Future<Optional<String>> send : sends) {
                try {
                    send.get().ifPresent(notSent::add);
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending " + sms.eventId(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        if (!notSent.isEmpty()) {
            throw new DeliveryIncompleteException(sms.eventId(), notSent.size(), toSend.size(), notSent.getFirst());
        }
    }

    /** @return why the row could not go out now (it is PENDING), or empty when it was settled one way or another */
    private Optional<String> send(OutgoingSms sms, DeliveryLedger.PendingRow row, Instant deadline) {
        Span span = traces.start("sms send", row.traceParent(), Span.Kind.CLIENT)
                .tag("sms.kind", sms.kind().name())
                .tag("delivery.id", row.id());
        try (var ignored = traces.inScope(span)) {
            Optional<String> notNow = send(sms, row, deadline, span);
            notNow.ifPresent(reason -> span.tag("sms.outcome", "not_sent").event(reason));
            return notNow;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Optional<String> send(OutgoingSms sms, DeliveryLedger.PendingRow row, Instant deadline, Span span) {
        if (row.channel() == Channel.EMAIL) {
            span.tag("notification.channel", "email");
            return emails.send(sms, row, rules.maxAttempts());
        }
        if (row.channel() == Channel.SLACK) {
            span.tag("notification.channel", "slack");
            return slack.send(sms, row, rules.maxAttempts());
        }
        if (!shutdown.startWaiting()) {
            return Optional.of("shutting down");
        }
        var gate = new RowGate(sms, row, deadline);
        SmsResult result;
        try {
            result = metrics.timeSend(() -> sender.send(row.phoneNumber(), sms.body().text(), statusCallback(row.id()), gate),
                    gate::route);
        } catch (SmsNotSentException e) {
            metrics.notSent(e.reason().name().toLowerCase(Locale.ROOT), e.route());
            return Optional.of(e.getMessage());
        } finally {
            shutdown.doneWaiting();
        }
        ledger.record(row.id(), result,
                result instanceof SmsResult.Accepted accepted ? prices.estimate(row.phoneNumber(), accepted.segments()) : null);
        switch (result) {
            case SmsResult.Accepted accepted -> {
                span.tag("sms.outcome", "sent").tag("twilio.sid", accepted.sid()).tag("sms.route", gate.route().tag());
                metrics.accepted(accepted, sms.occurredAt(), sms.teamId(), gate.route(),
                        prices.estimate(row.phoneNumber(), accepted.segments()));
                log.info("SMS {} ({}) for event {} sent to {} ({} segments, route {})", accepted.sid(), sms.kind(), sms.eventId(),
                        Recipient.mask(row.phoneNumber()), accepted.segments(), gate.route().tag());
            }
            case SmsResult.Rejected rejected -> {
                span.tag("sms.outcome", "rejected").tag("twilio.error_code", rejected.errorCode());
                metrics.rejected(rejected, gate.route());
                numbers.failed(row.phoneNumber(), rejected.errorCode(), rejected.message());
                log.warn("Twilio rejected the SMS for event {} to {}: {}", sms.eventId(), Recipient.mask(row.phoneNumber()),
                        rejected.errorCode());
            }
            case SmsResult.OutcomeUnknown unknown -> {
                span.tag("sms.outcome", "unknown");
                metrics.outcomeUnknown(gate.route());
                log.warn("SMS for event {} to {} may or may not have been sent; it is looked up in Twilio's Messages list: {}",
                        sms.eventId(), Recipient.mask(row.phoneNumber()), unknown.reason());
            }
            case SmsResult.NotAttempted ignored -> {
                return gate.notNow();
            }
        }
        return Optional.empty();
    }

    /** A status change younger than the coalescing window waits for the ticket's next changes. */
    private boolean coalescing(OutgoingSms sms, Instant now) {
        return sms.kind() == DeliveryKind.TICKET_STATUS_CHANGED && rules.coalesceWindow().isPositive()
                && sms.occurredAt().plus(rules.coalesceWindow()).isAfter(now);
    }

    private void hold(DeliveryLedger.PendingRow row, OutgoingSms sms, Instant until, HoldReason reason) {
        if (ledger.hold(row.id(), until, reason)) {
            metrics.held(reason);
            log.info("SMS ({}) for event {} to {} held until {} ({})", sms.kind(), sms.eventId(),
                    Recipient.mask(row.phoneNumber()), until, reason);
        }
    }

    private void skip(DeliveryLedger.PendingRow row, OutgoingSms sms, String reason, String why) {
        if (ledger.skip(row.id(), why)) {
            metrics.skipped(reason);
            log.info("SMS ({}) for event {} to {} not sent: {}", sms.kind(), sms.eventId(), Recipient.mask(row.phoneNumber()), why);
        }
    }

    private URI statusCallback(long delivery) {
        return statusCallbackBase == null ? null : URI.create(statusCallbackBase + delivery);
    }

    /**
     * Before the request: the code has not expired and the country is allowed; right before it, the process is not
     * stopping, the message's deadline has not passed and the row is still PENDING with attempts left, its number
     * neither replied STOP nor became unusable. Only then is it SENDING. The last checks are the one conditional
     * UPDATE that moves the row, so a row that goes costs no query of its own before it; a row it withholds is then
     * looked at once more and SKIPPED with the reason.
     */
    private final class RowGate implements WireGate {

        private final OutgoingSms sms;
        private final DeliveryLedger.PendingRow row;
        private final Instant deadline;
        private volatile String notNow;
        private volatile SmsRoute route;

        RowGate(OutgoingSms sms, DeliveryLedger.PendingRow row, Instant deadline) {
            this.sms = sms;
            this.row = row;
            this.deadline = deadline;
        }

        /** The checks that need no query, before the attempt waits for its permit; rows that must not go are SKIPPED. */
        @Override
        public boolean ready() {
            if (!shutdown.stopWaiting()) {
                notNow = "shutting down";
                return false;
            }
            if (!mayGo()) {
                return false;
            }
            if (!shutdown.startWaiting()) {
                notNow = "shutting down";
                return false;
            }
            return true;
        }

        private boolean mayGo() {
            if (sms.expiresAt() != null && !sms.expiresAt().isAfter(clock.instant())) {
                skip(row, sms, "expired", "expired before it could be sent");
                return false;
            }
            Optional<String> country = destinations.refused(row.phoneNumber());
            if (country.isPresent()) {
                skip(row, sms, "country_not_allowed", "destination country " + country.get() + " is not allowed");
                return false;
            }
            return true;
        }

        /**
         * Right after the permit: one conditional UPDATE, which refuses a number that replied STOP or is unusable
         * (the row is then SKIPPED, naming why).
         */
        @Override
        public boolean enter(SmsRoute route) {
            this.route = route;
            if (!shutdown.stopWaiting()) {
                notNow = "shutting down";
                return false;
            }
            if (clock.instant().isAfter(deadline)) {
                notNow = "no send slot within " + rules.eventDeadline();
                return false;
            }
            return switch (ledger.startSending(row.id(), rules.maxAttempts(), route)) {
                case SENDING -> true;
                case TAKEN -> false;
                case WITHHELD -> {
                    if (suppressions.isSuppressed(row.phoneNumber())) {
                        skip(row, sms, "opted_out", "the number replied STOP");
                    } else if (numbers.isUnusable(row.phoneNumber())) {
                        skip(row, sms, "number_unusable", "Twilio refused the number for good");
                    } else {
                        // opted in again or usable again a moment ago: the next attempt sends it
                        notNow = "the number replied STOP or became unusable a moment ago";
                    }
                    yield false;
                }
                case GAVE_UP -> {
                    metrics.gaveUp();
                    log.error("SMS for event {} to {} FAILED after {} attempts", sms.eventId(),
                            Recipient.mask(row.phoneNumber()), rules.maxAttempts());
                    yield false;
                }
            };
        }

        @Override
        public void handBack() {
            ledger.handBack(row.id());
            shutdown.waitAgain();
        }

        Optional<String> notNow() {
            return Optional.ofNullable(notNow);
        }

        /** The route of the last request this row entered, or was about to; null before any. */
        SmsRoute route() {
            return route;
        }
    }
}
