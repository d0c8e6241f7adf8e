package dev.ticketsms.profile.recipients;

import java.util.List;
import java.util.UUID;

import dev.ticketsms.events.Severity;
import dev.ticketsms.profile.profiles.TicketEventType;
import dev.ticketsms.profile.profiles.TicketNotification;
import dev.ticketsms.profile.teams.UnknownTeamException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For notification-service (service token with scope notifications:recipients). */
@RestController
@Tag(name = "Internal", description = "Service-to-service: the recipient lookups need scope notifications:recipients, "
        + "the membership check scope teams:membership; neither scope opens the other's endpoints")
class SmsRecipientController {

    private static final String INCLUDE_QUIET = "true: also members inside their quiet hours (for a non-CRITICAL "
            + "notification), each with quietUntil, the instant (UTC) their window ends, so the SMS can be held until then";

    private static final String INCLUDE_EMAIL = "true: the caller also sends email: each entry says its channel (SMS or "
            + "EMAIL, as the member chose for this severity; EMAIL for a member whose number Twilio refused), and members "
            + "who can only be reached by email are included, with their email";

    private static final String INCLUDE_QUIET_SHAPES = "[{userId, phoneNumber, displayName}]; with includeQuiet=true "
            + "each entry also has quietUntil (null: text now)";

    private final SmsRecipientDirectory directory;

    SmsRecipientController(SmsRecipientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/internal/teams/{teamId}/sms-recipients")
    @Operation(summary = "Who of the team gets this notification by SMS right now",
            description = "Members who opted in and have a verified number Twilio has not refused, whose preferences let a "
                    + "ticket of this severity, category and event type through, and who are outside their quiet "
                    + "hours unless the ticket is CRITICAL. A parameter left out does not filter. With "
                    + "includeQuiet=true, members in their quiet hours are included too, each with quietUntil.")
    @ApiResponse(responseCode = "200", description = INCLUDE_QUIET_SHAPES, content = @Content(array = @ArraySchema(
            schema = @Schema(oneOf = {SmsRecipient.class, DeferrableSmsRecipient.class}))))
    @ApiResponse(responseCode = "404", description = "The team does not exist: problem type " + UnknownTeamException.TYPE
            + ", title \"Team not found\" (any other 404 is not about the team)")
    List<?> smsRecipients(
            @PathVariable UUID teamId,
            @Parameter(example = "HIGH") @RequestParam(required = false) Severity severity,
            @Parameter(example = "Technical") @RequestParam(required = false) @Size(max = 100) String category,
            @Parameter(example = "TICKET_CREATED") @RequestParam(required = false) TicketEventType eventType,
            @Parameter(description = INCLUDE_QUIET) @RequestParam(defaultValue = "false") boolean includeQuiet,
            @Parameter(description = INCLUDE_EMAIL) @RequestParam(defaultValue = "false") boolean includeEmail) {
        var notification = new TicketNotification(severity, blankToNull(category), eventType);
        var recipients = directory.recipientsOf(teamId, notification, includeQuiet, includeEmail)
                .orElseThrow(() -> new UnknownTeamException(teamId));
        return shaped(recipients, includeQuiet);
    }

    @GetMapping("/internal/sms-recipients")
    @Operation(summary = "Which of these users can be texted right now (an admin's message)",
            description = "Users who opted in, have a verified number Twilio has not refused and are outside their quiet hours "
                    + "(with includeQuiet=true: also those inside, each with quietUntil). Unknown users are left out.")
    @ApiResponse(responseCode = "200", description = INCLUDE_QUIET_SHAPES, content = @Content(array = @ArraySchema(
            schema = @Schema(oneOf = {SmsRecipient.class, DeferrableSmsRecipient.class}))))
    List<?> smsRecipientsAmong(
            @Parameter(example = "user-42") @RequestParam("userId") @Size(min = 1, max = 100)
            List<@NotBlank @Size(max = 255) String> userIds,
            @Parameter(description = INCLUDE_QUIET) @RequestParam(defaultValue = "false") boolean includeQuiet) {
        return shaped(directory.recipientsAmong(userIds, includeQuiet), includeQuiet);
    }

    /** Without includeQuiet the answer keeps the shape it always had, for callers that do not know quietUntil. */
    private static List<?> shaped(List<DeferrableSmsRecipient> recipients, boolean includeQuiet) {
        return includeQuiet ? recipients : recipients.stream().map(DeferrableSmsRecipient::withoutQuietUntil).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
