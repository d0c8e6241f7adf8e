package dev.ticketsms.profile.profiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ticketsms.web.problems.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone rules a settings page checks as the user types, answered by the same code that checks a saved profile,
 * so a client never keeps its own copy of them. Nothing is stored and nothing is texted.
 */
@RestController
@RequestMapping("/api/phone-numbers")
@Tag(name = "Profile")
class PhoneNumberController {

    private static final List<PhoneNumber.Region> REGIONS = PhoneNumber.regions();

    @GetMapping("/regions")
    @Operation(summary = "The regions a number may be typed in national form for (phoneRegion), with their country "
            + "codes and an example mobile number")
    ResponseEntity<List<PhoneNumber.Region>> regions() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(REGIONS);
    }

    @PostMapping("/check")
    @Operation(summary = "Whether POST /api/user/profile would take this number, and how it would be stored",
            description = "The same rules as saving a profile: international form, or national form with phoneRegion; "
                    + "landlines and other numbers that cannot receive SMS are refused. A POST so the number stays out "
                    + "of URLs and access logs. Whether another user has the number already is not told here.")
    @ApiResponse(responseCode = "200", description = "the number as it would be stored")
    @ApiResponse(responseCode = "400", description = "phoneNumber or phoneRegion named with the reason, exactly as "
            + "POST /api/user/profile would answer")
    CheckedNumber check(@RequestBody NumberForm form) {
        var errors = new ArrayList<InvalidField>();
        PhoneNumber number = ProfileForm.phoneNumber(form.phoneNumber(), form.phoneRegion(), errors);
        if (errors.isEmpty() && number == null) {
            errors.add(new InvalidField("phoneNumber", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(errors), null);
        }
        return new CheckedNumber(number.value(), number.region(), number.international());
    }

    @Schema(name = "PhoneNumberCheckRequest", example = """
            {"phoneNumber": "0151 12345678", "phoneRegion": "DE"}""")
    record NumberForm(@Schema(description = "as ProfileRequest.phoneNumber") String phoneNumber,
                      @Schema(description = "as ProfileRequest.phoneRegion") String phoneRegion) {
    }

    @Schema(name = "PhoneNumberCheck", example = """
            {"phoneNumber": "+4915112345678", "region": "DE", "international": "+49 1511 2345678"}""")
    record CheckedNumber(@Schema(description = "E.164, as the profile would store it") String phoneNumber,
                         @Schema(description = "ISO 3166 region of the number") String region,
                         @Schema(description = "international format, for showing") String international) {
    }
}
