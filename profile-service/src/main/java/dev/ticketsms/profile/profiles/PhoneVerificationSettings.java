package dev.ticketsms.profile.profiles;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a new number is proven to be the user's ({@code profiles.phone-verification.*}).
 *
 * @param codeTtl     how long a texted code can be confirmed
 * @param maxAttempts wrong codes allowed before the code is void and a new one must be requested
 * @param maxCodes    codes texted per {@code codeWindow}, counted per user and, separately, per number
 * @param codeWindow  the sliding window {@code maxCodes} counts in
 */
@Validated
@ConfigurationProperties("profiles.phone-verification")
record PhoneVerificationSettings(@NotNull Duration codeTtl, @Min(1) @Max(20) int maxAttempts, @Min(1) int maxCodes,
                                 @NotNull Duration codeWindow) {
}
