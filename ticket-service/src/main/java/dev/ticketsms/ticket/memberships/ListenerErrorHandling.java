package dev.ticketsms.ticket.memberships;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A membership event that cannot be read (not JSON, unknown type) is logged and skipped: no retry could help, and
 * the team's later events must still arrive. While the database is unreachable the same record is retried with
 * growing pauses for as long as it takes, so no membership change is lost; anything else is retried a few times.
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrorHandling {

    @Bean
    DefaultErrorHandler membershipListenerErrorHandler() {
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

    private static boolean isTemporary(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
