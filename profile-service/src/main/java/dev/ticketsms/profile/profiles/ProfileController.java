package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.ticketsms.events.Severity;
import dev.ticketsms.web.problems.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Profile", description = "The caller's own SMS settings")
class ProfileController {

    private static final int DISPLAY_NAME_LENGTH = 255;

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final UserProfiles profiles;

    ProfileController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(summary = "The caller's profile; defaults if they never saved one")
    ProfileResponse profile(@AuthenticationPrincipal Jwt caller) {
        return profiles.find(caller.getSubject())
                .map(ProfileResponse::of)
                .orElseGet(() -> ProfileResponse.notYetSaved(caller.getSubject(), displayName(caller)));
    }

    @PostMapping
    @Operation(summary = "Save the caller's phone number, SMS opt-in and preferences",
            description = "Switching SMS on or off, or giving a new number while SMS is on, is kept in the consent history. "
                    + "A new number gets a verification code by SMS and shows phoneNumberStatus UNVERIFIED, receiving "
                    + "nothing else, until the code is confirmed (POST /api/user/profile/phone-verification); "
                    + "429 with Retry-After (nothing saved) when too many codes went to this user or number lately. "
                    + "A number Twilio refused shows phoneNumberStatus UNUSABLE until the number changes or SMS is enabled again.")
    ProfileResponse update(@AuthenticationPrincipal Jwt caller, @RequestBody ProfileForm form) {
        return ProfileResponse.of(profiles.update(form.toUpdate(caller.getSubject(), displayName(caller))));
    }

    @GetMapping("/sms-consent-history")
    @Operation(summary = "When and how SMS was switched on or off for the caller, newest first")
    List<ConsentResponse> consentHistory(@AuthenticationPrincipal Jwt caller) {
        return profiles.consentHistory(caller.getSubject()).stream().map(ConsentResponse::of).toList();
    }

    @ExceptionHandler
    ProblemDetail invalidProfile(InvalidProfileException e) {
        return InvalidField.problem(e.fields());
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

    enum PhoneNumberStatus {
        /** No number stored. */
        NONE,
        /** Texts are sent to it. */
        OK,
        /**
         * Saved but not yet confirmed with the code texted to it: it receives nothing else until then
         * (POST /api/user/profile/phone-verification).
         */
        UNVERIFIED,
        /** Twilio refused it for good; see phoneNumberProblem. */
        UNUSABLE
    }

    @Schema(name = "Profile", example = """
            {"userId": "user-42", "displayName": "Jane Roe", "phoneNumber": "+4915112345678", "phoneNumberStatus": "OK",
             "phoneNumberProblem": null, "smsNotificationsEnabled": true,
             "preferences": {"minimumSeverity": "MEDIUM", "mutedCategories": ["Billing"],
                             "eventTypes": ["TICKET_CREATED", "TICKET_STATUS_CHANGED"],
                             "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"},
                             "channels": {"LOW": "EMAIL", "MEDIUM": "EMAIL", "HIGH": "SMS", "CRITICAL": "SMS"}},
             "email": "jane@example.com",
             "createdAt": "2026-11-25T14:03:07Z", "updatedAt": "2026-11-25T14:05:00Z"}""")
    record ProfileResponse(String userId, String displayName, String phoneNumber, PhoneNumberStatus phoneNumberStatus,
                           NumberProblemResponse phoneNumberProblem, boolean smsNotificationsEnabled,
                           PreferencesResponse preferences, String email, Instant createdAt, Instant updatedAt) {

        static ProfileResponse of(UserProfile profile) {
            var problem = profile.numberProblem()
                    .map(p -> new NumberProblemResponse(p.errorCode(), p.reason(), p.since()))
                    .orElse(null);
            // a refused number shows as UNUSABLE even unverified: a new code would not reach it either
            PhoneNumberStatus status = profile.phoneNumber() == null ? PhoneNumberStatus.NONE
                    : problem != null ? PhoneNumberStatus.UNUSABLE
                    : profile.phoneVerified() ? PhoneNumberStatus.OK : PhoneNumberStatus.UNVERIFIED;
            return new ProfileResponse(profile.userId(), profile.displayName(),
                    profile.phoneNumber() == null ? null : profile.phoneNumber().value(), status, problem,
                    profile.smsNotificationsEnabled(), PreferencesResponse.of(profile.preferences()), profile.email(),
                    profile.createdAt(), profile.updatedAt());
        }

        static ProfileResponse notYetSaved(String userId, String displayName) {
            return new ProfileResponse(userId, displayName, null, PhoneNumberStatus.NONE, null, true,
                    PreferencesResponse.of(NotificationPreferences.DEFAULTS), null, null, null);
        }
    }

    @Schema(name = "PhoneNumberProblem", description = "Why texts to the number stopped: Twilio's error code and explanation")
    record NumberProblemResponse(@Schema(example = "21614") String errorCode,
                                 @Schema(example = "'To' number is not a valid mobile number") String reason,
                                 Instant since) {
    }

    @Schema(name = "Preferences")
    record PreferencesResponse(Severity minimumSeverity, List<String> mutedCategories,
                               List<TicketEventType> eventTypes, QuietHoursResponse quietHours,
                               @Schema(description = "The channel of each severity") Map<Severity, NotificationChannel> channels) {

        static PreferencesResponse of(NotificationPreferences preferences) {
            QuietHours quiet = preferences.quietHours();
            var channels = new java.util.EnumMap<Severity, NotificationChannel>(Severity.class);
            for (Severity severity : Severity.values()) {
                channels.put(severity, preferences.channelFor(severity));
            }
            return new PreferencesResponse(preferences.minimumSeverity(), List.copyOf(preferences.mutedCategories()),
                    preferences.eventTypes().stream().sorted().toList(),
                    quiet == null ? null : new QuietHoursResponse(HOURS_MINUTES.format(quiet.start()),
                            HOURS_MINUTES.format(quiet.end()), quiet.timeZone().getId()), channels);
        }
    }

    @Schema(name = "QuietHoursSetting")
    record QuietHoursResponse(String start, String end, String timeZone) {
    }

    @Schema(name = "SmsConsent", example = """
            {"enabled": false, "source": "SMS", "detail": "STOP (SM0123456789abcdef0123456789abcdef)",
             "phoneNumber": "+4915112345678", "recordedAt": "2026-11-25T14:03:07Z"}""")
    record ConsentResponse(boolean enabled, SmsConsentSource source, String detail, String phoneNumber,
                           Instant recordedAt) {

        static ConsentResponse of(SmsConsentRecord entry) {
            return new ConsentResponse(entry.enabled(), entry.source(), entry.detail(),
                    entry.phoneNumber() == null ? null : entry.phoneNumber().value(), entry.recordedAt());
        }
    }
}
