package dev.ticketsms.notification.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import dev.ticketsms.notification.recipients.PhoneNumbersInText;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sends one SMS through the Twilio SDK and says how it ended. Failures that prove the message was not taken
 * (no connection, 429 / 20429, 503, our credentials or sender refused) throw {@link SmsNotSentException} so the caller
 * can try again later; every other failure is a result, because sending again after a 500/502/504 or a timeout could
 * deliver the SMS twice. One per {@link SmsRoute}, made by {@link TwilioRoutes}.
 */
public class TwilioSmsGateway implements Closeable {

    private static final int TOO_MANY_REQUESTS = 20429;

    /**
     * Errors about our credentials, account, sender or API address rather than the recipient: no recipient may be
     * failed for them. They are retried with back-off until the configuration is fixed (20003 authentication, 20005
     * account not active, 20404 no such resource: a wrong account SID or API base URL, 21212 invalid From, 21659
     * From not a Twilio number). 21606 ("this From cannot send to this destination") is not among them: it depends
     * on the recipient's number, so it fails that recipient and nobody else waits for it.
     */
    private static final Set<Integer> SENDER_PROBLEMS = Set.of(20003, 20005, 20404, 21212, 21659);

    /** Twilio's clock and ours may differ a little; a message created this much before the attempt may be ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int LOOKUP_PAGE = 50;

    private final TwilioProperties properties;
    private final TwilioHttpClient http;
    private final TwilioRestClient twilio;

    TwilioSmsGateway(TwilioProperties properties) {
        this.properties = properties;
        this.http = new TwilioHttpClient(properties);
        this.twilio = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(http)
                .build();
    }

    /** @param statusCallback where Twilio posts this message's status changes; none when null */
    public SmsResult send(String toE164, String body, URI statusCallback) {
        try {
            MessageCreator creator = creator(new PhoneNumber(toE164), body);
            if (statusCallback != null) {
                creator.setStatusCallback(statusCallback);
            }
            if (properties.maxPrice() != null) {
                creator.setMaxPrice(properties.maxPrice());
            }
            Message message = creator.create(twilio);
            return new SmsResult.Accepted(message.getSid(), String.valueOf(message.getStatus()),
                    message.getNumSegments() == null ? 0 : Integer.parseInt(message.getNumSegments()));
        } catch (ApiException e) {
            return classify(e);
        }
    }

    /** A message Twilio holds, as its Messages list shows it. */
    public record HeldMessage(String sid, String status, int segments) {
    }

    /**
     * Looks in Twilio's Messages list for the message this service sent to {@code toE164} with {@code body} in a
     * request that went out at {@code attemptedAt}: filtered by To, From (unless a messaging service sends) and
     * DateSent from shortly before the attempt, plus the newest page without the date filter, since a message
     * still queued at Twilio has no DateSent yet.
     *
     * @param belongsElsewhere SIDs the ledger already holds for other rows: never taken for this one
     * @return the message, or empty when Twilio does not have it
     * @throws SmsLookupFailedException when Twilio could not be asked
     */
    public Optional<HeldMessage> findSent(String toE164, String body, Instant attemptedAt, Predicate<String> belongsElsewhere) {
        Instant notBefore = attemptedAt.minus(CLOCK_SKEW);
        try {
            Optional<HeldMessage> sent = find(reader(toE164).setDateSentAfter(notBefore.atZone(ZoneOffset.UTC)),
                    body, notBefore, belongsElsewhere);
            return sent.isPresent() ? sent : find(reader(toE164), body, notBefore, belongsElsewhere);
        } catch (ApiException e) {
            throw new SmsLookupFailedException("Twilio's Messages list could not be read: " + e.getMessage(), e);
        }
    }

    private MessageReader reader(String toE164) {
        MessageReader reader = Message.reader().setTo(new PhoneNumber(toE164)).setPageSize((long) LOOKUP_PAGE);
        return properties.usesMessagingService() ? reader : reader.setFrom(new PhoneNumber(properties.phoneNumber()));
    }

    private Optional<HeldMessage> find(MessageReader reader, String body, Instant notBefore, Predicate<String> belongsElsewhere) {
        for (Message message : reader.firstPage(twilio).getRecords()) {
            boolean recentEnough = message.getDateCreated() == null || !message.getDateCreated().toInstant().isBefore(notBefore);
            if (recentEnough && body.equals(message.getBody()) && !belongsElsewhere.test(message.getSid())) {
                return Optional.of(new HeldMessage(message.getSid(), String.valueOf(message.getStatus()),
                        message.getNumSegments() == null ? 0 : Integer.parseInt(message.getNumSegments())));
            }
        }
        return Optional.empty();
    }

    private MessageCreator creator(PhoneNumber to, String body) {
        return properties.usesMessagingService()
                ? Message.creator(to, properties.messagingServiceSid(), body)
                : Message.creator(to, new PhoneNumber(properties.phoneNumber()), body);
    }

    private SmsResult classify(ApiException e) {
        Integer status = e instanceof TwilioHttpClient.UnparsedErrorResponse unparsed ? unparsed.httpStatus() : e.getStatusCode();
        Integer code = e.getCode();
        if (Integer.valueOf(TOO_MANY_REQUESTS).equals(code) || Integer.valueOf(429).equals(status)) {
            throw new SmsNotSentException(SmsNotSentException.Reason.RATE_LIMITED, "Twilio is rate limiting (429)", e);
        }
        if (Integer.valueOf(503).equals(status)) {
            // "unable to handle the request" (RFC 9110): Twilio refused it before processing; 500/502/504 promise nothing
            throw new SmsNotSentException(SmsNotSentException.Reason.UNAVAILABLE, "Twilio is unavailable (503)", e);
        }
        if (neverReachedTwilio(e.getCause())) {
            throw new SmsNotSentException(SmsNotSentException.Reason.UNREACHABLE, "Twilio could not be reached: " + e.getCause(), e);
        }
        if (Integer.valueOf(401).equals(status) || Integer.valueOf(403).equals(status) || Integer.valueOf(404).equals(status)
                || code != null && SENDER_PROBLEMS.contains(code)) {
            throw new SmsNotSentException(SmsNotSentException.Reason.SENDER_REFUSED,
                    "Twilio refused our account or sender, not the recipient: " + code + " " + PhoneNumbersInText.mask(e.getMessage()), e);
        }
        if (code != null && status != null && status >= 400 && status < 500) {
            // Twilio's texts name the number ("The 'To' number +1... is not valid"): they go to logs and the ledger masked
            return new SmsResult.Rejected(code, PhoneNumbersInText.mask(e.getMessage()));
        }
        return new SmsResult.OutcomeUnknown(e.getCause() != null ? e.getCause().toString()
                : "HTTP " + status + ": " + PhoneNumbersInText.mask(e.getMessage()));
    }

    private static boolean neverReachedTwilio(Throwable cause) {
        return cause instanceof HttpHostConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException
                || cause instanceof ConnectException
                || cause instanceof UnknownHostException;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
