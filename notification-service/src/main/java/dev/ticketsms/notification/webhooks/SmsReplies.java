package dev.ticketsms.notification.webhooks;

import dev.ticketsms.notification.delivery.DeliveryMetrics;
import dev.ticketsms.notification.numbers.SmsSuppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import static dev.ticketsms.notification.recipients.Recipient.mask;

/**
 * What a recipient's SMS to our number does: STOP and its synonyms suppress the number at once and tell
 * profile-service, START and its synonyms lift that, HELP answers with the help text (each judged on the whole body,
 * as Twilio does). A ticket command with a number ("RESOLVE 1234", see {@link SmsCommand}) is applied by
 * {@link SmsCommands} and answered with what became of it; a body meant as a command that is none gets the commands'
 * help; anything else gets no reply. Each inbound message is acted on once, even when Twilio delivers the webhook again.
 */
@Component
class SmsReplies {

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);
    private static final String NO_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SmsSuppressions suppressions;
    private final DeliveryMetrics metrics;
    private final SmsCommands commands;
    private final TransactionTemplate transactions;
    private final String helpReply;
    private final String commandHelpReply;

    SmsReplies(JdbcClient jdbc, Clock clock, SmsSuppressions suppressions, DeliveryMetrics metrics,
               WebhookProperties properties, SmsCommands commands, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.commands = commands;
        this.transactions = transactions;
        this.helpReply = message(properties.helpText());
        this.commandHelpReply = message(properties.commandHelpText());
    }

    /** @return the TwiML answer */
    String handle(InboundSms sms) {
        InboundKeyword keyword = InboundKeyword.of(sms.body());
        if (keyword == InboundKeyword.OTHER) {
            Optional<SmsCommand> command = SmsCommand.parse(sms.body());
            if (command.isPresent()) {
                metrics.inboundSms("command");
                return command(sms, command.get());
            }
            if (SmsCommand.looksLikeOne(sms.body())) {
                metrics.inboundSms("unknown_command");
                return commandHelpReply;
            }
        }
        return transactions.execute(status -> keyword(sms, keyword));
    }

    /**
     * Marked handled (committed) before ticket-service is asked, so a webhook Twilio delivers again never moves the
     * ticket twice; no database connection is held while profile- and ticket-service answer.
     */
    private String command(InboundSms sms, SmsCommand command) {
        if (!firstTime(sms)) {
            return NO_REPLY;
        }
        SmsCommands.Outcome outcome = commands.apply(sms.from(), command);
        metrics.smsCommand(SmsCommands.tag(outcome));
        return message(outcome.reply());
    }

    private String keyword(InboundSms sms, InboundKeyword keyword) {
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

    private static String message(String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + HtmlUtils.htmlEscapeDecimal(text)
                + "</Message></Response>";
    }

    private boolean firstTime(InboundSms sms) {
        return jdbc.sql("INSERT INTO inbound_messages (message_sid, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(sms.messageSid(), Timestamp.from(clock.instant()))
                .update() > 0;
    }
}
