package dev.ticketsms.profile.profiles;

import dev.ticketsms.web.problems.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For notification-service (its client, scope {@code profiles:phone-owners}): who sent an inbound SMS, so that a reply
 * such as "RESOLVE 1234" can be applied as that user. Only a verified number names its owner: a number someone merely
 * typed into their profile could be anyone's.
 */
@RestController
@Validated
@Tag(name = "Internal")
class PhoneOwnerController {

    private final UserProfiles profiles;

    PhoneOwnerController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    /** The owner of a verified number. */
    record PhoneOwner(String userId, String displayName) {
    }

    @GetMapping("/internal/phone-owners")
    @Operation(summary = "The user whose verified number this is",
            description = "404 when no profile has this number verified (an unverified number counts as nobody's).")
    @ApiResponse(responseCode = "200", description = "{userId, displayName}")
    @ApiResponse(responseCode = "400", description = "phoneNumber is missing or not an E.164 number",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no profile has this number verified",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> owner(@Parameter(example = PhoneNumber.EXAMPLE, required = true)
                            @RequestParam(required = false) @Size(max = 32) String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isBlank()) {
            return ResponseEntity.badRequest()
                    .body(InvalidField.problem(List.of(new InvalidField("phoneNumber", "is required"))));
        }
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(phoneNumber.strip());
        } catch (InvalidPhoneNumberException e) {
            return ResponseEntity.badRequest()
                    .body(InvalidField.problem(List.of(new InvalidField("phoneNumber", e.getMessage()))));
        }
        return profiles.verifiedOwnerOf(number)
                .map(profile -> ResponseEntity.ok(new PhoneOwner(profile.userId(), profile.displayName())))
                .orElseThrow(() -> {
                    var notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
                    notFound.getBody().setTitle("No owner");
                    notFound.getBody().setDetail("No profile has this number verified.");
                    return notFound;
                });
    }
}
