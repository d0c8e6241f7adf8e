package dev.ticketsms.notification.recipients;

import dev.ticketsms.events.Severity;
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
import java.util.Set;
import java.util.UUID;

/**
 * Asks profile-service which members of a team take this SMS ({@code GET /internal/teams/{id}/sms-recipients}),
 * with a service token obtained by OAuth2 client credentials.
 */
@Component
public class RecipientDirectory {

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final ParameterizedTypeReference<List<Recipient>> RECIPIENTS = new ParameterizedTypeReference<>() {
    };
    /** Answers that say "not now" rather than "never": our token, or profile-service throttling us. */
    private static final Set<HttpStatus> RETRYABLE = Set.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
            HttpStatus.TOO_MANY_REQUESTS, HttpStatus.REQUEST_TIMEOUT);

    private final RestClient profileService;
    private final MeterRegistry meters;

    RecipientDirectory(RestClient profileServiceClient, MeterRegistry meters) {
        this.profileService = profileServiceClient;
        this.meters = meters;
    }

    /**
     * @return the recipients; none when profile-service does not know the team
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<Recipient> smsRecipients(UUID teamId, Severity severity, String category, String eventType) {
        try {
            List<Recipient> recipients = profileService.get()
                    .uri(uri -> uri.path("/internal/teams/{teamId}/sms-recipients")
                            .queryParam("severity", severity)
                            .queryParam("category", category)
                            .queryParam("eventType", eventType)
                            .build(teamId))
                    .retrieve()
                    .body(RECIPIENTS);
            return recipients == null ? List.of() : recipients;
        } catch (HttpClientErrorException.NotFound e) {
            meters.counter("notifications.recipients.unknown.team").increment();
            log.warn("profile-service does not know team {}; nobody is texted", teamId);
            return List.of();
        } catch (HttpClientErrorException e) {
            if (RETRYABLE.contains(HttpStatus.resolve(e.getStatusCode().value()))) {
                throw new RecipientsUnavailableException("profile-service refused the recipient lookup for team "
                        + teamId + " with " + e.getStatusCode(), e);
            }
            throw e;
        } catch (RestClientException | OAuth2AuthorizationException e) {
            throw new RecipientsUnavailableException("Could not look up the SMS recipients of team " + teamId, e);
        }
    }
}
