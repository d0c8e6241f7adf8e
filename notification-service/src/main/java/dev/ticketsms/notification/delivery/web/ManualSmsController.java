package dev.ticketsms.notification.delivery.web;

import dev.ticketsms.notification.delivery.ManualMessages;
import dev.ticketsms.notification.recipients.RecipientsUnavailableException;
import dev.ticketsms.web.problems.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/sms/send} (the seed's endpoint), admins only: a message to a team or to chosen users, never to a
 * typed-in number. Answers 202 once the message and its recipients are stored; the delivery log shows the outcome.
 * A client retry with the same {@code Idempotency-Key} sends nothing twice.
 */
@RestController
class ManualSmsController {

    /** Exactly one of teamId and userIds. Twilio takes at most 1600 characters. */
    record SendRequest(UUID teamId, @Size(max = 100) List<@NotBlank @Size(max = 255) String> userIds,
                       @NotBlank @Size(max = 1600) String message) {
    }

    record SendResponse(UUID requestId, int recipients, int segments, String encoding, String deliveryLog) {
    }

    private final ManualMessages messages;
    private final ManualSendLimits limits;

    ManualSmsController(ManualMessages messages, ManualSendLimits limits) {
        this.messages = messages;
        this.limits = limits;
    }

    @PostMapping("/api/sms/send")
    ResponseEntity<?> send(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody SendRequest request,
                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        var invalid = new ArrayList<InvalidField>();
        boolean toTeam = request.teamId() != null;
        boolean toUsers = request.userIds() != null && !request.userIds().isEmpty();
        if (toTeam == toUsers) {
            invalid.add(new InvalidField(toTeam ? "userIds" : "teamId", "give either teamId or userIds, not both and not neither"));
        }
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            invalid.add(new InvalidField("Idempotency-Key", "must not be empty; leave the header out to send without one"));
        }
        if (!invalid.isEmpty()) {
            return ResponseEntity.badRequest().body(InvalidField.problem(invalid));
        }
        UUID requestId = idempotencyKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((caller.getSubject() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        var send = new ManualMessages.Request(requestId, caller.getSubject(), request.teamId(),
                toUsers ? List.copyOf(request.userIds()) : null, request.message(), idempotencyKey != null);
        if (idempotencyKey == null || !messages.alreadyAccepted(send)) {
            limits.acquire(caller.getSubject());
        }
        var accepted = messages.send(send);
        return ResponseEntity.accepted().body(new SendResponse(accepted.requestId(), accepted.recipients(),
                accepted.body().segments(), accepted.body().encoding().name(),
                "/api/notifications?eventId=" + accepted.requestId()));
    }

    @ExceptionHandler(RecipientsUnavailableException.class)
    ProblemDetail recipientsUnavailable(RecipientsUnavailableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The recipients cannot be looked up right now; nothing was sent. Try again in a minute.");
        problem.setTitle("Recipients unavailable");
        return problem;
    }

    @ExceptionHandler(ManualMessages.KeyReusedException.class)
    ProblemDetail keyReused(ManualMessages.KeyReusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used for a different message; nothing was sent. Use a new key.");
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("errors", List.of(new InvalidField("Idempotency-Key", "already used for a different request")));
        return problem;
    }

    @ExceptionHandler(ManualSendLimits.TooManyMessagesException.class)
    ResponseEntity<ProblemDetail> tooMany(ManualSendLimits.TooManyMessagesException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "At most %d manual messages per %s per admin; try again later.".formatted(e.limit(), e.period()));
        problem.setTitle("Too many messages");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                .body(problem);
    }
}
