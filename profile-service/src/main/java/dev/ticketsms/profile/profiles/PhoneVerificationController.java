package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import dev.ticketsms.web.problems.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller proves their number is theirs by typing back the code texted to it. */
@RestController
@RequestMapping("/api/user/profile/phone-verification")
@Tag(name = "Profile")
class PhoneVerificationController {

    private static final Pattern CODE = Pattern.compile("\\d{" + VerificationCode.DIGITS + "}");

    private static final String RESEND = "POST /api/user/profile/phone-verification/resend";

    private final UserProfiles profiles;

    private final PhoneVerificationSettings settings;

    PhoneVerificationController(UserProfiles profiles, PhoneVerificationSettings settings) {
        this.profiles = profiles;
        this.settings = settings;
    }

    @PostMapping
    @Operation(summary = "Confirm the caller's number with the code texted to it",
            description = "Right code: the number shows phoneNumberStatus OK and receives texts from now on; kept in the "
                    + "consent history (source VERIFICATION). A wrong, expired or void code is a 400 naming code; after "
                    + "too many wrong codes the code is void and a new one must be requested.")
    @ApiResponse(responseCode = "200", description = "Verified (also when it was already)")
    @ApiResponse(responseCode = "400", description = "code is missing, malformed, wrong, expired, void, or none is pending")
    @ApiResponse(responseCode = "409", description = "The caller has no number to verify")
    ProfileController.ProfileResponse confirm(@AuthenticationPrincipal Jwt caller, @RequestBody CodeForm form) {
        String code = form.code() == null ? "" : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw invalidCode("must be the " + VerificationCode.DIGITS + " digits of the code texted to your number");
        }
        var confirmation = profiles.confirmPhoneNumber(caller.getSubject(), code)
                .orElse(PhoneVerifications.Confirmation.NO_NUMBER);
        return switch (confirmation.result()) {
            case VERIFIED -> ProfileController.ProfileResponse.of(profiles.find(caller.getSubject()).orElseThrow());
            case NO_NUMBER -> throw noNumber();
            case NO_CODE -> throw invalidCode("is not pending for your current number; request a new one with " + RESEND);
            case EXPIRED -> throw invalidCode("has expired (codes are valid for " + settings.codeTtl().toMinutes()
                    + " minutes); request a new one with " + RESEND);
            case WRONG -> throw invalidCode("is not the code texted to your number; " + confirmation.attemptsLeft()
                    + (confirmation.attemptsLeft() == 1 ? " attempt" : " attempts") + " left");
            case VOID -> throw invalidCode("was wrong " + settings.maxAttempts()
                    + " times, so the code is void; request a new one with " + RESEND);
        };
    }

    @PostMapping("/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Text a new code to the caller's unverified number; the earlier code stops working",
            description = "Limited per user and per number in a sliding window: 429 with Retry-After (seconds) beyond it.")
    @ApiResponse(responseCode = "202", description = "A new code is on its way")
    @ApiResponse(responseCode = "409", description = "No number, or the number is verified already")
    @ApiResponse(responseCode = "429", description = "Too many codes lately; Retry-After says when the next one fits")
    CodeSent resend(@AuthenticationPrincipal Jwt caller) {
        var outcome = profiles.resendVerificationCode(caller.getSubject());
        return switch (outcome.result()) {
            case SENT -> new CodeSent(outcome.expiresAt());
            case NO_NUMBER -> throw noNumber();
            case ALREADY_VERIFIED -> throw conflict("Number already verified", "Your number is verified already");
        };
    }

    private static ErrorResponseException invalidCode(String reason) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(List.of(new InvalidField("code", reason))),
                null);
    }

    private static ErrorResponseException noNumber() {
        return conflict("No number to verify", "Save a phone number first (POST /api/user/profile)");
    }

    private static ErrorResponseException conflict(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    @Schema(name = "PhoneVerificationRequest", example = """
            {"code": "042917"}""")
    record CodeForm(@Schema(description = "The 6 digits texted to the number", example = "042917") String code) {
    }

    @Schema(name = "PhoneVerificationCodeSent", example = """
            {"expiresAt": "2026-11-25T14:13:07Z"}""")
    record CodeSent(@Schema(description = "Until when the new code can be confirmed") Instant expiresAt) {
    }
}
