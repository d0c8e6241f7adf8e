package dev.ticketsms.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Sends one email through the configured SMTP server ({@code spring.mail.*}: SPRING_MAIL_HOST, _PORT, _USERNAME,
 * _PASSWORD) and says how it ended, the way {@code TwilioSmsGateway} does for SMS: what certainly did not leave (no
 * connection, our credentials refused) throws {@link EmailNotSentException} so it can be sent later; a recipient the
 * server refuses is {@link Result.Rejected}; a failure while the message was being handed over is
 * {@link Result.OutcomeUnknown}, never sent again, since SMTP has no way to ask what became of it. Off (no email at
 * all) while no SMTP host is configured.
 */
@Component
public class EmailSender {

    /** @param from the sender of every email, e.g. {@code ticket-sms <notifications@example.com>} */
    @Validated
    @ConfigurationProperties("notifications.email")
    public record Settings(@NotBlank String from) {
    }

    /** How one email ended. */
    public sealed interface Result {
        /** The SMTP server accepted it for delivery. */
        record Sent() implements Result {
        }

        /** The server refused the recipient for good (5xx to RCPT TO). */
        record Rejected(String reason) implements Result {
        }

        /** It may or may not have gone out: the exchange failed after it started. */
        record OutcomeUnknown(String reason) implements Result {
        }
    }

    private final JavaMailSender mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, Settings settings, @Value("${spring.mail.host:}") String host) {
        this.mail = host.isBlank() ? null : mail.getIfAvailable();
        this.from = settings.from();
    }

    /** Whether an SMTP server is configured: without one nobody is sent email, and profile-service is not asked for it. */
    public boolean enabled() {
        return mail != null;
    }

    /**
     * @throws EmailNotSentException when the message certainly did not leave: no connection to the server, or it
     *                               refused our credentials
     */
    public Result send(String to, String subject, String text) {
        if (mail == null) {
            throw new EmailNotSentException("no SMTP server is configured (spring.mail.host)", null);
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return new Result.Sent();
        } catch (MailAuthenticationException e) {
            throw new EmailNotSentException("the SMTP server refused our credentials: " + e.getMessage(), e);
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            Exception cause = failed.isEmpty() ? e : failed.values().iterator().next();
            if (neverConnected(cause)) {
                // JavaMailSenderImpl reports "Mail server connection failed" with every message as failed: none left
                throw new EmailNotSentException("the SMTP server could not be reached: " + cause.getMessage(), e);
            }
            return refusedRecipient(cause) ? new Result.Rejected(describe(cause))
                    : new Result.OutcomeUnknown(describe(cause));
        } catch (MailException e) {
            return new Result.OutcomeUnknown(e.toString());
        }
    }

    private static boolean neverConnected(Exception cause) {
        for (Throwable failure = cause; failure != null; failure = next(failure)) {
            // Angus Mail's MailConnectException (a runtime dependency only, so by name) covers a connect timeout too
            if (failure instanceof ConnectException || failure instanceof UnknownHostException
                    || failure.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean refusedRecipient(Exception cause) {
        for (Throwable failure = cause; failure != null; failure = next(failure)) {
            if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable failure) {
        return failure instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException() : failure.getCause();
    }

    /** The server's words without the address they are about. */
    private static String describe(Exception cause) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null) {
            for (var address : refused.getInvalidAddresses()) {
                if (address instanceof InternetAddress internet) {
                    message = message.replace(internet.getAddress(), "<recipient>");
                }
            }
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
