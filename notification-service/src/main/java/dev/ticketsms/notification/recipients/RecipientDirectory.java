package dev.ticketsms.notification.recipients;

import dev.ticketsms.events.Severity;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;

/**
 * Asks profile-service which members of a team take this SMS ({@code GET /internal/teams/{id}/sms-recipients}),
 * with a service token obtained by OAuth2 client credentials.
 */
@Component
public class RecipientDirectory {

    private static final ParameterizedTypeReference<List<Recipient>> RECIPIENTS = new ParameterizedTypeReference<>() {
    };

    private final RestClient profileService;

    RecipientDirectory(RestClient profileServiceClient) {
        this.profileService = profileServiceClient;
    }

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
        } catch (RestClientException e) {
            throw new RecipientsUnavailableException("Could not look up the SMS recipients of team " + teamId, e);
        }
    }
}
