package dev.ticketsms.notification.webhooks;

import dev.ticketsms.events.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.ticketsms.notification.recipients.Recipient.mask;

/**
 * Applies a member's command by SMS: profile-service names the owner of the sender's verified number, then
 * ticket-service moves the ticket as that user, checking that they belong to its team and that the workflow allows
 * the move, and publishes the usual TicketStatusChanged. The answer is the reply SMS. "No such ticket" and "not your
 * team's ticket" get the same answer, so a stranger learns nothing; a failing upstream gets a "try again" answer,
 * never an error to Twilio.
 */
@Component
class SmsCommands {

    private static final Logger log = LoggerFactory.getLogger(SmsCommands.class);

    private final RestClient profileService;
    private final RestClient ticketService;

    SmsCommands(RestClient profileServiceClient, RestClient ticketServiceClient) {
        this.profileService = profileServiceClient;
        this.ticketService = ticketServiceClient;
    }

    /** What became of a command; {@link #reply()} is the text the member gets. */
    sealed interface Outcome {
        String reply();
    }

    record Done(long ticketNumber, TicketStatus status) implements Outcome {
        public String reply() {
            return "Ticket #%d is now %s.".formatted(ticketNumber, label(status));
        }
    }

    record NotAllowed(long ticketNumber, TicketStatus current, TicketStatus requested) implements Outcome {
        public String reply() {
            return current == null ? "Ticket #%d cannot move to %s now.".formatted(ticketNumber, label(requested))
                    : "Ticket #%d is %s and cannot move to %s.".formatted(ticketNumber, label(current), label(requested));
        }
    }

    /** No such ticket, or not of the sender's teams: one answer for both. */
    record NotFound(long ticketNumber) implements Outcome {
        public String reply() {
            return "No ticket #%d found for your team.".formatted(ticketNumber);
        }
    }

    record UnknownSender() implements Outcome {
        public String reply() {
            return "This number is not verified for ticket-sms. Add and verify it in your profile to reply to tickets.";
        }
    }

    record TooOften(long ticketNumber) implements Outcome {
        public String reply() {
            return "Ticket #%d has changed too often; try again later.".formatted(ticketNumber);
        }
    }

    record Unavailable(long ticketNumber) implements Outcome {
        public String reply() {
            return "Could not update ticket #%d right now; please try again later.".formatted(ticketNumber);
        }
    }

    /** The outcome's name as the inbound metric's tag carries it. */
    static String tag(Outcome outcome) {
        return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    Outcome apply(String from, SmsCommand command) {
        long number = command.ticketNumber();
        try {
            Optional<JsonNode> owner = ownerOf(from);
            if (owner.isEmpty()) {
                log.info("{} sent a command for ticket #{} but is no verified number", mask(from), number);
                return new UnknownSender();
            }
            String userId = owner.get().path("userId").asString();
            Outcome outcome = move(number, command.status(), userId, owner.get().path("displayName").asString(null));
            log.info("{} ({}) sent {} for ticket #{}: {}", mask(from), userId, command.action(), number, tag(outcome));
            return outcome;
        } catch (RestClientException | OAuth2AuthorizationException e) {
            log.warn("Could not apply {}'s {} for ticket #{}: {}", mask(from), command.action(), number, e.toString());
            return new Unavailable(number);
        }
    }

    private Optional<JsonNode> ownerOf(String from) {
        try {
            return Optional.ofNullable(profileService.get()
                    .uri(uri -> uri.path("/internal/phone-owners").queryParam("phoneNumber", "{number}").build(from))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    private Outcome move(long number, TicketStatus to, String userId, String userName) {
        try {
            JsonNode ticket = ticketService.post()
                    .uri("/internal/tickets/by-number/{number}/status", number)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(new CommandRequest(to, userId, userName))
                    .retrieve()
                    .body(JsonNode.class);
            return new Done(number, ticket == null ? to : statusOf(ticket.path("status")).orElse(to));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return new NotFound(number);
            }
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                JsonNode problem = e.getResponseBodyAs(JsonNode.class);
                return new NotAllowed(number, problem == null ? null : statusOf(problem.path("currentStatus")).orElse(null), to);
            }
            if (e.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                return new TooOften(number);
            }
            throw e;
        }
    }

    /** ticket-service's {@code SmsCommandRequest}. */
    private record CommandRequest(TicketStatus status, String userId, String userName) {
    }

    private static Optional<TicketStatus> statusOf(JsonNode value) {
        return Arrays.stream(TicketStatus.values()).filter(status -> status.name().equals(value.asString(""))).findFirst();
    }

    /** IN_PROGRESS → In Progress, as the status SMS show it. */
    private static String label(TicketStatus status) {
        return Arrays.stream(status.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }
}
