package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.RecipientsUnavailableException;
import dev.ticketsms.notification.sms.SmsNotSentException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record whose SMS could not go out yet (profile-service or Twilio unreachable, Twilio rate limiting) is retried
 * with growing pauses for as long as it takes; the ledger keeps retries from sending anything twice.
 * Any other failure is retried a few times, then logged and skipped so the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrorHandling {

    @Bean
    DefaultErrorHandler listenerErrorHandler() {
        var handler = new DefaultErrorHandler(backOff(5));
        var untilItWorks = backOff(Integer.MAX_VALUE);
        handler.setBackOffFunction((record, exception) -> isTemporary(exception) ? untilItWorks : null);
        return handler;
    }

    private static ExponentialBackOff backOff(int maxAttempts) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxAttempts(maxAttempts);
        return backOff;
    }

    private static boolean isTemporary(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RecipientsUnavailableException || t instanceof SmsNotSentException) {
                return true;
            }
        }
        return false;
    }
}
