package dev.ticketsms.notification.recipients;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticketsms.events.Severity;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Asks profile-service which members of a team take this SMS ({@code GET /internal/teams/{id}/sms-recipients}),
 * with a service token obtained by OAuth2 client credentials. Answers are reused for a few seconds (the same team is
 * often asked for several events in a row), and a circuit breaker named {@value #PROFILE_SERVICE} stops asking while
 * profile-service keeps failing; either way the caller gets {@link RecipientsUnavailableException} and retries later.
 */
@Component
public class RecipientDirectory {

    static final String PROFILE_SERVICE = "profile-service";

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final ParameterizedTypeReference<List<Recipient>> RECIPIENTS = new ParameterizedTypeReference<>() {
    };
    /** Answers that say "not now" rather than "never": our token, or profile-service throttling us. */
    private static final Set<HttpStatus> RETRYABLE = Set.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
            HttpStatus.TOO_MANY_REQUESTS, HttpStatus.REQUEST_TIMEOUT);

    private record Lookup(UUID teamId, Severity severity, String category, String eventType) {
    }

    private final RestClient profileService;
    private final MeterRegistry meters;
    private final CircuitBreaker circuitBreaker;
    private final Cache<Lookup, List<Recipient>> answers;

    RecipientDirectory(RestClient profileServiceClient, MeterRegistry meters, CircuitBreakerRegistry circuitBreakers,
                       ProfileServiceClientConfiguration.ProfileServiceProperties properties) {
        this.profileService = profileServiceClient;
        this.meters = meters;
        this.circuitBreaker = circuitBreakers.circuitBreaker(PROFILE_SERVICE);
        this.answers = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    /**
     * @param eventType {@code TICKET_CREATED} or {@code TICKET_STATUS_CHANGED}: members' preferences filter by it;
     *                  null (with null severity and category) for an admin's message, which only opt-in, a usable
     *                  number and quiet hours hold back
     * @return the recipients; none when profile-service does not know the team
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<Recipient> smsRecipients(UUID teamId, Severity severity, String category, String eventType) {
        return answers.get(new Lookup(teamId, severity, category, eventType), this::askGuarded);
    }

    /**
     * The chosen users who take a manual SMS (opted in, usable number); users without one are left out.
     *
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<Recipient> smsRecipientsAmong(List<String> userIds) {
        return guarded("users " + userIds, () -> profileService.get()
                .uri(uri -> uri.path("/internal/sms-recipients").queryParam("userId", userIds).build())
                .retrieve()
                .body(RECIPIENTS));
    }

    private List<Recipient> askGuarded(Lookup lookup) {
        try {
            return guarded("team " + lookup.teamId(), () -> profileService.get()
                    .uri(uri -> uri.path("/internal/teams/{teamId}/sms-recipients")
                            .queryParamIfPresent("severity", Optional.ofNullable(lookup.severity()))
                            .queryParamIfPresent("category", Optional.ofNullable(lookup.category()))
                            .queryParamIfPresent("eventType", Optional.ofNullable(lookup.eventType()))
                            .build(lookup.teamId()))
                    .retrieve()
                    .body(RECIPIENTS));
        } catch (HttpClientErrorException.NotFound e) {
            meters.counter("notifications.recipients.unknown.team").increment();
            log.warn("profile-service does not know team {}; nobody is texted", lookup.teamId());
            return List.of();
        }
    }

    /** One call through the breaker; "not now" answers become {@link RecipientsUnavailableException}. */
    private List<Recipient> guarded(String whose, Supplier<List<Recipient>> call) {
        try {
            return circuitBreaker.executeSupplier(() -> {
                try {
                    List<Recipient> recipients = call.get();
                    return recipients == null ? List.<Recipient>of() : List.copyOf(recipients);
                } catch (HttpClientErrorException e) {
                    if (RETRYABLE.contains(HttpStatus.resolve(e.getStatusCode().value()))) {
                        throw new RecipientsUnavailableException("profile-service refused the recipient lookup for "
                                + whose + " with " + e.getStatusCode(), e);
                    }
                    throw e;
                } catch (RestClientException | OAuth2AuthorizationException e) {
                    throw new RecipientsUnavailableException("Could not look up the SMS recipients of " + whose, e);
                }
            });
        } catch (CallNotPermittedException e) {
            throw new RecipientsUnavailableException("profile-service circuit breaker is open; " + whose + " waits", e);
        }
    }
}
