package dev.ticketsms.profile.recipients;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For notification-service (service token with scope notifications:recipients). It may already pass
 * severity, category and eventType; they are ignored until per-user preferences exist.
 */
@RestController
class SmsRecipientController {

    private final SmsRecipientDirectory directory;

    SmsRecipientController(SmsRecipientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/internal/teams/{teamId}/sms-recipients")
    List<SmsRecipient> smsRecipients(@PathVariable UUID teamId) {
        return directory.recipientsOf(teamId).orElseThrow(() -> unknownTeam(teamId));
    }

    private static ErrorResponseException unknownTeam(UUID teamId) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Team " + teamId + " does not exist");
        problem.setTitle("Team not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
