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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** The problem type profile-service gives an unknown team (its title, from older versions, counts too). */
    static final String TEAM_NOT_FOUND_TYPE = "/problems/team-not-found";
    static final String TEAM_NOT_FOUND_TITLE = "Team not found";

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final ParameterizedTypeReference<List<Recipient>> RECIPIENTS = new ParameterizedTypeReference<>() {
    };
    /** Answers that say "not now" rather than "never": our token, or profile-service throttling us. */
    private static final Set<HttpStatus> RETRYABLE = Set.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
            HttpStatus.TOO_MANY_REQUESTS, HttpStatus.REQUEST_TIMEOUT);

    private record Lookup(UUID teamId, Severity severity, String category, String eventType) {
    }

    /** @param askedAt when the question was sent: the answer holds at least what profile-service knew then */
    private record Answer(List<Recipient> recipients, Instant askedAt) {
    }

    /** Clocks of the services may differ a little: an answer must be this much newer than the event to serve it. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    private final RestClient profileService;
    private final MeterRegistry meters;
    private final CircuitBreaker circuitBreaker;
    private final Cache<Lookup, Answer> answers;
    private final Clock clock;
    private final boolean includeEmail;

    RecipientDirectory(RestClient profileServiceClient, MeterRegistry meters, CircuitBreakerRegistry circuitBreakers,
                       ProfileServiceClientConfiguration.ProfileServiceProperties properties, Clock clock,
                       @Value("${spring.mail.host:}") String mailHost) {
        this.profileService = profileServiceClient;
        // email goes out only with an SMTP server (see EmailSender): only then are members' channels asked for
        this.includeEmail = !mailHost.isBlank();
        this.meters = meters;
        this.clock = clock;
        this.circuitBreaker = circuitBreakers.circuitBreaker(PROFILE_SERVICE);
        this.answers = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    /**
     * @param eventType {@code TICKET_CREATED} or {@code TICKET_STATUS_CHANGED}: members' preferences filter by it;
     *                  null (with null severity and category) for an admin's message, which only opt-in, a usable
     *                  number and quiet hours hold back
     * @param asOf      the answer must reflect profile-service's state at this moment or later (read-your-writes:
     *                  a member removed before a ticket was created is not texted about it): a cached answer asked
     *                  for before it is not used
     * @return the recipients; none when profile-service does not know the team
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<Recipient> smsRecipients(UUID teamId, Severity severity, String category, String eventType, Instant asOf) {
        var lookup = new Lookup(teamId, severity, category, eventType);
        Answer cached = answers.getIfPresent(lookup);
        if (cached != null && !cached.askedAt().isBefore(asOf.plus(CLOCK_SKEW))) {
            return cached.recipients();
        }
        Instant askedAt = clock.instant();
        List<Recipient> recipients = askGuarded(lookup);
        answers.put(lookup, new Answer(recipients, askedAt));
        return recipients;
    }

    /**
     * Who a CRITICAL ticket nobody takes is escalated to, in order: the team's escalation list, then its lead
     * (profile-service keeps both; never cached, it is asked once per escalation step).
     *
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<String> escalationOrder(UUID teamId) {
        EscalationAnswer answer;
        try {
            answer = circuitBreaker.executeSupplier(() -> {
                try {
                    return profileService.get().uri("/internal/teams/{teamId}/escalation", teamId).retrieve()
                            .body(EscalationAnswer.class);
                } catch (HttpClientErrorException.NotFound e) {
                    if (isTeamNotFound(e)) {
                        return new EscalationAnswer(List.of(), null);
                    }
                    throw new RecipientsUnavailableException("profile-service answered 404 for the escalation list of "
                            + "team " + teamId, e);
                } catch (RestClientException | OAuth2AuthorizationException e) {
                    throw new RecipientsUnavailableException("Could not read the escalation list of team " + teamId, e);
                }
            });
        } catch (CallNotPermittedException e) {
            throw new RecipientsUnavailableException("profile-service circuit breaker is open; the escalation of team "
                    + teamId + " waits", e);
        }
        var order = new LinkedHashSet<String>(answer == null || answer.userIds() == null ? List.of() : answer.userIds());
        if (answer != null && answer.lead() != null) {
            order.add(answer.lead());
        }
        return List.copyOf(order);
    }

    /** profile-service's answer: the escalation list in order, and the team's lead (its owner). */
    private record EscalationAnswer(List<String> userIds, String lead) {
    }

    /** Membership of the team changed: no cached answer about it is used again. */
    void forgetTeam(UUID teamId) {
        answers.asMap().keySet().removeIf(lookup -> lookup.teamId().equals(teamId));
    }

    /**
     * The chosen users who take a manual SMS (opted in, usable number); users without one are left out.
     *
     * @throws RecipientsUnavailableException when profile-service or the token issuer cannot answer now
     */
    public List<Recipient> smsRecipientsAmong(List<String> userIds) {
        // every value is a URI variable, so "+", "{" or "&" in a user id reach profile-service as they are
        Map<String, Object> variables = new HashMap<>();
        return guarded("users " + userIds, () -> profileService.get()
                .uri(uri -> {
                    uri.path("/internal/sms-recipients").queryParam("includeQuiet", true);
                    for (int i = 0; i < userIds.size(); i++) {
                        variables.put("user" + i, userIds.get(i));
                        uri.queryParam("userId", "{user" + i + "}");
                    }
                    return uri.build(variables);
                })
                .retrieve()
                .body(RECIPIENTS));
    }

    private List<Recipient> askGuarded(Lookup lookup) {
        try {
            return guarded("team " + lookup.teamId(), () -> profileService.get()
                    .uri(uri -> lookupUri(uri, lookup, includeEmail))
                    .retrieve()
                    .body(RECIPIENTS));
        } catch (TeamNotFound e) {
            meters.counter("notifications.recipients.unknown.team").increment();
            log.warn("profile-service does not know team {}; nobody is texted", lookup.teamId());
            return List.of();
        }
    }

    /** Values go in as URI variables, never into the template: a category "Ops {prod}" or "C++" arrives as it is. */
    private static URI lookupUri(UriBuilder uri, Lookup lookup, boolean includeEmail) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("teamId", lookup.teamId());
        // members in quiet hours come back with quietUntil: their SMS is held, not dropped
        uri.path("/internal/teams/{teamId}/sms-recipients").queryParam("includeQuiet", true);
        if (includeEmail) {
            // each member's channel for this severity, and members reachable by email only
            uri.queryParam("includeEmail", true);
        }
        optional(uri, variables, "severity", lookup.severity());
        optional(uri, variables, "category", lookup.category());
        optional(uri, variables, "eventType", lookup.eventType());
        return uri.build(variables);
    }

    private static void optional(UriBuilder uri, Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            variables.put(name, value);
        }
    }

    /**
     * Only profile-service's explicit answer "this team does not exist" means nobody is to be texted; any other 404
     * (a wrong base URL, a proxy, a route not deployed yet) is a failure to ask, retried like an outage.
     */
    private static boolean isTeamNotFound(HttpClientErrorException.NotFound e) {
        try {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            return problem != null && (problem.getType() != null && problem.getType().toString().endsWith(TEAM_NOT_FOUND_TYPE)
                    || TEAM_NOT_FOUND_TITLE.equals(problem.getTitle()));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** profile-service said the team does not exist. */
    private static final class TeamNotFound extends RuntimeException {
        TeamNotFound(Throwable cause) {
            super(cause);
        }
    }

    /** One call through the breaker; "not now" answers become {@link RecipientsUnavailableException}. */
    private List<Recipient> guarded(String whose, Supplier<List<Recipient>> call) {
        try {
            return circuitBreaker.executeSupplier(() -> {
                try {
                    List<Recipient> recipients = call.get();
                    return recipients == null ? List.<Recipient>of() : List.copyOf(recipients);
                } catch (HttpClientErrorException.NotFound e) {
                    if (isTeamNotFound(e)) {
                        throw new TeamNotFound(e);
                    }
                    throw new RecipientsUnavailableException("profile-service answered 404 without saying the team "
                            + "does not exist, for " + whose + "; is notifications.profile-service.base-url right?", e);
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
