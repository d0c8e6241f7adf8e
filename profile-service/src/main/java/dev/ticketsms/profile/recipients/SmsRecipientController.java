package dev.ticketsms.profile.recipients;

import java.util.List;
import java.util.UUID;

import dev.ticketsms.events.Severity;
import dev.ticketsms.profile.profiles.TicketEventType;
import dev.ticketsms.profile.profiles.TicketNotification;
import dev.ticketsms.profile.teams.UnknownTeamException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For notification-service (service token with scope notifications:recipients). */
@RestController
@Tag(name = "Internal", description = "Service-to-service; needs scope notifications:recipients")
class SmsRecipientController {

    private final SmsRecipientDirectory directory;

    SmsRecipientController(SmsRecipientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/internal/teams/{teamId}/sms-recipients")
    @Operation(summary = "Who of the team gets this notification by SMS right now",
            description = "Members who opted in and have a number Twilio has not refused, whose preferences let a "
                    + "ticket of this severity, category and event type through, and who are outside their quiet "
                    + "hours unless the ticket is CRITICAL. A parameter left out does not filter.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The team does not exist: problem type " + UnknownTeamException.TYPE
            + ", title \"Team not found\" (any other 404 is not about the team)")
    List<SmsRecipient> smsRecipients(
            @PathVariable UUID teamId,
            @Parameter(example = "HIGH") @RequestParam(required = false) Severity severity,
            @Parameter(example = "Technical") @RequestParam(required = false) @Size(max = 100) String category,
            @Parameter(example = "TICKET_CREATED") @RequestParam(required = false) TicketEventType eventType) {
        var notification = new TicketNotification(severity, blankToNull(category), eventType);
        return directory.recipientsOf(teamId, notification).orElseThrow(() -> new UnknownTeamException(teamId));
    }

    @GetMapping("/internal/sms-recipients")
    @Operation(summary = "Which of these users can be texted right now (an admin's message)",
            description = "Users who opted in, have a number Twilio has not refused and are outside their quiet hours. "
                    + "Unknown users are left out.")
    List<SmsRecipient> smsRecipientsAmong(
            @Parameter(example = "user-42") @RequestParam("userId") @Size(min = 1, max = 100)
            List<@Size(max = 255) String> userIds) {
        return directory.recipientsAmong(userIds);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
