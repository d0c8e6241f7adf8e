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
import java.net.UnknownHostException;

/**
 * Sends one SMS through the Twilio SDK and says how it ended. Only failures that prove the message was not taken
 * (no connection, 429 / 20429) throw {@link SmsNotSentException} so the caller can try again; every other failure
 * is a result, because sending again after a 5xx or a timeout could deliver the SMS twice.
 */
@Component
public class TwilioSmsGateway implements DisposableBean {

    private static final int TOO_MANY_REQUESTS = 20429;

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

    public SmsResult send(String toE164, String body) {
        try {
            Message message = creator(new PhoneNumber(toE164), body).create(twilio);
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
        if (e.getCode() != null && e.getCode() == TOO_MANY_REQUESTS || Integer.valueOf(429).equals(e.getStatusCode())) {
            throw new SmsNotSentException("Twilio is rate limiting (429)", e);
        }
        if (neverReachedTwilio(e.getCause())) {
            throw new SmsNotSentException("Twilio could not be reached: " + e.getCause(), e);
        }
        Integer status = e.getStatusCode();
        if (e.getCode() != null && status != null && status >= 400 && status < 500) {
            return new SmsResult.Rejected(e.getCode(), e.getMessage());
        }
        return new SmsResult.OutcomeUnknown(e.getCause() != null ? e.getCause().toString() : e.getMessage());
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
