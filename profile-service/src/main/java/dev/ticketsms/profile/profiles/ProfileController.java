package dev.ticketsms.profile.profiles;

import java.util.List;

import dev.ticketsms.web.problems.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile; the user is always the token's subject, never a parameter. */
@RestController
@RequestMapping("/api/user/profile")
class ProfileController {

    private static final int DISPLAY_NAME_LENGTH = 255;

    private final UserProfiles profiles;

    ProfileController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    ProfileResponse profile(@AuthenticationPrincipal Jwt caller) {
        return profiles.find(caller.getSubject())
                .map(ProfileResponse::of)
                .orElseGet(() -> ProfileResponse.notYetSaved(caller.getSubject(), displayName(caller)));
    }

    @PostMapping
    ProfileResponse update(@AuthenticationPrincipal Jwt caller, @RequestBody ProfileRequest request) {
        var update = new ProfileUpdate(caller.getSubject(), displayName(caller),
                request.parsedPhoneNumber(), request.smsNotificationsEnabled());
        return ProfileResponse.of(profiles.update(update));
    }

    @ExceptionHandler
    ProblemDetail invalidPhoneNumber(InvalidPhoneNumberException e) {
        return InvalidField.problem(List.of(new InvalidField("phoneNumber", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail phoneNumberTaken(PhoneNumberTakenException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Phone number already in use");
        return problem;
    }

    private static String displayName(Jwt caller) {
        String name = caller.getClaimAsString("name");
        return name == null || name.length() <= DISPLAY_NAME_LENGTH ? name : name.substring(0, DISPLAY_NAME_LENGTH);
    }

    /**
     * The settings form: the number as typed, in international form. A null or blank number removes it;
     * leaving out smsNotificationsEnabled keeps the current choice.
     */
    record ProfileRequest(String phoneNumber, Boolean smsNotificationsEnabled) {

        PhoneNumber parsedPhoneNumber() {
            return phoneNumber == null || phoneNumber.isBlank() ? null : PhoneNumber.parse(phoneNumber);
        }
    }

    record ProfileResponse(String userId, String displayName, String phoneNumber, boolean smsNotificationsEnabled) {

        static ProfileResponse of(UserProfile profile) {
            return new ProfileResponse(profile.userId(), profile.displayName(),
                    profile.phoneNumber() == null ? null : profile.phoneNumber().value(),
                    profile.smsNotificationsEnabled());
        }

        static ProfileResponse notYetSaved(String userId, String displayName) {
            return new ProfileResponse(userId, displayName, null, true);
        }
    }
}
