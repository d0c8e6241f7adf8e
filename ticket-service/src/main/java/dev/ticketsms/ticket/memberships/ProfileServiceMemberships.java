package dev.ticketsms.ticket.memberships;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.util.UUID;

/**
 * Asks profile-service, the owner of team membership, whether a user belongs to a team right now
 * ({@code GET /internal/teams/{teamId}/members/{userId}}, service token with scope {@code teams:membership}).
 * Behind a circuit breaker named {@value #PROFILE_SERVICE} with short timeouts: while profile-service keeps failing,
 * nobody waits for it; the caller falls back to what the replica says.
 */
@Component
class ProfileServiceMemberships {

    static final String PROFILE_SERVICE = "profile-service";
    static final URI TEAM_NOT_FOUND = URI.create("https://ticket-sms.dev/problems/team-not-found");

    private static final Logger log = LoggerFactory.getLogger(ProfileServiceMemberships.class);

    enum Answer {
        MEMBER,
        /** not a member, or no such team */
        NOT_MEMBER,
        /** profile-service, or the token issuer, could not answer now */
        UNAVAILABLE
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Membership(UUID teamId, String userId, boolean member) {
    }

    private final RestClient profileService;
    private final CircuitBreaker circuitBreaker;

    ProfileServiceMemberships(RestClient profileServiceClient, CircuitBreakerRegistry circuitBreakers) {
        this.profileService = profileServiceClient;
        this.circuitBreaker = circuitBreakers.circuitBreaker(PROFILE_SERVICE);
    }

    Answer membership(UUID teamId, String userId) {
        try {
            return circuitBreaker.executeSupplier(() -> ask(teamId, userId));
        } catch (CallNotPermittedException e) {
            log.warn("profile-service circuit breaker is open; membership of {} in team {} taken from the replica",
                    userId, teamId);
            return Answer.UNAVAILABLE;
        } catch (RestClientException | OAuth2AuthorizationException e) {
            log.warn("profile-service could not confirm membership of {} in team {}; the replica's answer stands: {}",
                    userId, teamId, e.toString());
            return Answer.UNAVAILABLE;
        }
    }

    /** Throws on anything but a clear answer, so the breaker counts it as a failure. */
    private Answer ask(UUID teamId, String userId) {
        try {
            Membership answer = profileService.get()
                    // URI variables, so a user id with '/', '?' or spaces stays one encoded path segment
                    .uri("/internal/teams/{teamId}/members/{userId}", teamId, userId)
                    .retrieve()
                    .body(Membership.class);
            return answer != null && answer.member() ? Answer.MEMBER : Answer.NOT_MEMBER;
        } catch (HttpClientErrorException.NotFound e) {
            if (TEAM_NOT_FOUND.equals(problemType(e))) {
                return Answer.NOT_MEMBER;
            }
            // a 404 that is not about the team: the endpoint itself is missing (an older profile-service)
            throw e;
        }
    }

    private static URI problemType(HttpClientErrorException e) {
        try {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            return problem == null ? null : problem.getType();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
