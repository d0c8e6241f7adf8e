package dev.ticketsms.notification.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Sends one SMS through the Twilio SDK and says how it ended. Failures that prove the message was not taken
 * (no connection, 429 / 20429, 503, our credentials or sender refused) throw {@link SmsNotSentException} so the caller
 * can try again later; every other failure is a result, because sending again after a 500/502/504 or a timeout could
 * deliver the SMS twice.
 */
@Component
public class TwilioSmsGateway implements DisposableBean {

    private static final int TOO_MANY_REQUESTS = 20429;

    /**
     * Errors about our credentials, account or sender rather than the recipient: no recipient may be failed for
     * them. They are retried with back-off until the configuration is fixed (20003 authentication, 20005 account
     * not active, 21212 invalid From, 21606 From cannot send SMS, 21659 From not a Twilio number).
     */
    private static final Set<Integer> SENDER_PROBLEMS = Set.of(20003, 20005, 21212, 21606, 21659);

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
            Message message = creator.create(twilio);
            return new SmsResult.Accepted(message.getSid(), String.valueOf(message.getStatus()),
                    message.getNumSegments() == null ? 0 : Integer.parseInt(message.getNumSegments()));
        } catch (ApiException e) {
            return classify(e);
        }
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
        if (Integer.valueOf(401).equals(status) || Integer.valueOf(403).equals(status) || code != null && SENDER_PROBLEMS.contains(code)) {
            throw new SmsNotSentException(SmsNotSentException.Reason.SENDER_REFUSED,
                    "Twilio refused our account or sender, not the recipient: " + code + " " + e.getMessage(), e);
        }
        if (code != null && status != null && status >= 400 && status < 500) {
            return new SmsResult.Rejected(code, e.getMessage());
        }
        return new SmsResult.OutcomeUnknown(e.getCause() != null ? e.getCause().toString()
                : "HTTP " + status + ": " + e.getMessage());
    }

    private static boolean neverReachedTwilio(Throwable cause) {
        return cause instanceof HttpHostConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException
                || cause instanceof ConnectException
                || cause instanceof UnknownHostException;
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
