package dev.ticketsms.notification.webhooks;

import dev.ticketsms.notification.delivery.DeliveryMetrics;
import dev.ticketsms.notification.numbers.SmsSuppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import static dev.ticketsms.notification.recipients.Recipient.mask;

/**
 * What a recipient's SMS to our number does: STOP and its synonyms suppress the number at once and tell
 * profile-service, START and its synonyms lift that, HELP answers with the help text; anything else gets no reply.
 * Each inbound message is acted on once, even when Twilio delivers the webhook again.
 */
@Component
class SmsReplies {

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);
    private static final String NO_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SmsSuppressions suppressions;
    private final DeliveryMetrics metrics;
    private final String helpReply;

    SmsReplies(JdbcClient jdbc, Clock clock, SmsSuppressions suppressions, DeliveryMetrics metrics,
               WebhookProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.helpReply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + HtmlUtils.htmlEscapeDecimal(properties.helpText()) + "</Message></Response>";
    }

    /** @return the TwiML answer */
    @Transactional
    String handle(InboundSms sms) {
        InboundKeyword keyword = InboundKeyword.of(sms.body());
        metrics.inboundSms(keyword.name().toLowerCase(Locale.ROOT));
        if (keyword == InboundKeyword.HELP) {
            return helpReply;
        }
        if (keyword == InboundKeyword.OTHER || !firstTime(sms)) {
            return NO_REPLY;
        }
        String word = InboundKeyword.normalized(sms.body());
        if (keyword == InboundKeyword.OPT_OUT) {
            suppressions.optOut(sms.from(), word, sms.messageSid());
            log.info("{} replied {}: no further SMS to it", mask(sms.from()), word);
        } else {
            suppressions.optIn(sms.from(), word, sms.messageSid());
            log.info("{} replied {}: SMS to it may resume", mask(sms.from()), word);
        }
        // Twilio itself confirms STOP / START to the sender on long codes; a second reply from us would be noise
        return NO_REPLY;
    }

    private boolean firstTime(InboundSms sms) {
        return jdbc.sql("INSERT INTO inbound_messages (message_sid, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(sms.messageSid(), Timestamp.from(clock.instant()))
                .update() > 0;
    }
}
