package dev.ticketsms.profile.profiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins switch a user's SMS on or off, e.g. after an opt-out request by phone; kept in the consent history. */
@RestController
@Tag(name = "Profile administration")
class SmsConsentAdminController {

    private final UserProfiles profiles;

    SmsConsentAdminController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @PutMapping("/api/users/{userId}/sms-notifications")
    @Operation(summary = "Switch a user's SMS notifications on or off (admins)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void switchSms(@AuthenticationPrincipal Jwt admin, @PathVariable @NotBlank @Size(max = 255) String userId,
                                @Valid @RequestBody SmsSwitch request) {
        if (!profiles.switchSmsByAdmin(userId, request.enabled(), admin.getSubject())) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "User " + userId + " has no profile");
            problem.setTitle("Profile not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
    }

    record SmsSwitch(@NotNull Boolean enabled) {
    }
}
