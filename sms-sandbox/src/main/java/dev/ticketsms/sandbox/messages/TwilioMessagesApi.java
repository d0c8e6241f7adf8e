package dev.ticketsms.sandbox.messages;

import jakarta.servlet.http.HttpServletRequest;

import dev.ticketsms.sandbox.stats.RequestOutcome;
import dev.ticketsms.sandbox.stats.SandboxStats;
import dev.ticketsms.sandbox.twilio.TwilioApiException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's Messages resource; callers are already authenticated as the path's account. */
@RestController
class TwilioMessagesApi {

    /** Where Twilio clients create and list messages. */
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/{AccountSid}/Messages.json";

    private final MessageIntake intake;
    private final ReceivedMessages receivedMessages;
    private final SandboxStats stats;

    TwilioMessagesApi(MessageIntake intake, ReceivedMessages receivedMessages, SandboxStats stats) {
        this.intake = intake;
        this.receivedMessages = receivedMessages;
        this.stats = stats;
    }

    @PostMapping(MESSAGES_PATH)
    @ResponseStatus(HttpStatus.CREATED)
    TwilioMessageJson create(@PathVariable("AccountSid") String accountSid, @ModelAttribute NewMessageForm form) {
        var accepted = TwilioMessageJson.of(intake.accept(accountSid, form));
        stats.request(RequestOutcome.ACCEPTED);
        return accepted;
    }

    /** Twilio's "Read multiple Message resources": the account's messages, newest first, a page at a time. */
    @GetMapping(MESSAGES_PATH)
    TwilioMessageListJson list(@PathVariable("AccountSid") String accountSid, @ModelAttribute MessageListForm form) {
        var query = MessageListQuery.of(accountSid, form);
        return TwilioMessageListJson.of(MessagePage.of(query, receivedMessages.newestFirst(query::matches)));
    }

    @GetMapping("/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}.json")
    TwilioMessageJson fetch(@PathVariable("MessageSid") String messageSid, HttpServletRequest request) {
        return intake.find(messageSid)
                .map(TwilioMessageJson::of)
                .orElseThrow(() -> TwilioApiException.notFound(request.getRequestURI()));
    }
}
