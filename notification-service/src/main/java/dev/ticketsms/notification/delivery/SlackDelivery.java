package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.slack.SlackWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Posts a ledger row whose channel is SLACK (one per event and team) to the team's incoming webhook, with the claim
 * discipline of every row: SENDING right before the request, by the conditional UPDATE with the attempt cap. Nothing
 * posted (no connection, 429) goes back PENDING and is tried again; Slack refusing the webhook, and an answer that
 * never came, are FAILED with the reason and never posted again.
 */
@Component
class SlackDelivery {

    private static final Logger log = LoggerFactory.getLogger(SlackDelivery.class);

    private final DeliveryLedger ledger;
    private final SlackWebhooks slack;
    private final DeliveryMetrics metrics;

    SlackDelivery(DeliveryLedger ledger, SlackWebhooks slack, DeliveryMetrics metrics) {
        this.ledger = ledger;
        this.slack = slack;
        this.metrics = metrics;
    }

    /** @return why the row could not go out now (it is PENDING), or empty when it was settled one way or another */
    Optional<String> send(OutgoingSms sms, DeliveryLedger.PendingRow row, int maxAttempts) {
        UUID team = SlackWebhooks.teamOf(row.userId()).orElseThrow(
                () -> new IllegalStateException("Slack row " + row.id() + " names no team: " + row.userId()));
        if (!ledger.startSendingBesideSms(row.id(), maxAttempts, metrics)) {
            return Optional.empty();
        }
        SlackWebhooks.Result result;
        try {
            result = slack.post(team, sms.body().text());
        } catch (SlackWebhooks.NotPostedException e) {
            ledger.handBack(row.id());
            metrics.slack("not_posted");
            return Optional.of(e.getMessage());
        }
        switch (result) {
            case SlackWebhooks.Result.Posted ignored -> {
                ledger.delivered(row.id());
                metrics.slack("posted");
                log.info("Slack post ({}) for event {} to team {}'s channel", sms.kind(), sms.eventId(), team);
            }
            case SlackWebhooks.Result.Rejected rejected -> {
                ledger.undelivered(row.id(), "Slack refused the webhook: " + rejected.reason());
                metrics.slack("rejected");
                log.warn("Slack refused team {}'s webhook for event {}: {}", team, sms.eventId(), rejected.reason());
            }
            case SlackWebhooks.Result.OutcomeUnknown unknown -> {
                ledger.undelivered(row.id(), "outcome unknown, not posted again: " + unknown.reason());
                metrics.slack("unknown");
                log.warn("Slack post for event {} to team {} may or may not have been made; not posted again: {}",
                        sms.eventId(), team, unknown.reason());
            }
        }
        return Optional.empty();
    }
}
