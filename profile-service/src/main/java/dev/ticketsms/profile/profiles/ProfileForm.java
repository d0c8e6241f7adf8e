package dev.ticketsms.profile.profiles;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ticketsms.events.Severity;
import dev.ticketsms.web.problems.InvalidField;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/user/profile}, as the settings page sends it. Only these fields exist: anything
 * else (userId, timestamps, consent history, number status) is refused as an unknown field.
 */
@Schema(name = "ProfileRequest", example = """
        {"phoneNumber": "0151 12345678", "phoneRegion": "DE", "smsNotificationsEnabled": true,
         "preferences": {"minimumSeverity": "MEDIUM", "mutedCategories": ["Billing"],
                         "eventTypes": ["TICKET_CREATED", "TICKET_STATUS_CHANGED"],
                         "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""")
record ProfileForm(
        @Schema(description = "International form (+1 415 555 0101), or national form with phoneRegion. "
                + "Null or blank removes the number.", example = "+1 (415) 555-0101")
        String phoneNumber,
        @Schema(description = "ISO 3166 region code for a number typed in national form", example = "US")
        String phoneRegion,
        @Schema(description = "Left out: keeps the current choice")
        Boolean smsNotificationsEnabled,
        @Schema(description = "Left out: keeps the current preferences; given: replaces them, missing parts take their defaults")
        PreferencesForm preferences,
        @Schema(description = "Where ticket notifications go by email (the severities in preferences.channels set to "
                + "EMAIL, and SMS the number cannot take). Left out: keeps the current address; blank removes it",
                example = "jane@example.com")
        String email) {

    private static final int MAX_MUTED_CATEGORIES = 50;

    private static final int CATEGORY_LENGTH = 100;

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    /** @throws InvalidProfileException naming every field that is wrong */
    ProfileUpdate toUpdate(String userId, String displayName) {
        var errors = new ArrayList<InvalidField>();
        PhoneNumber number = phoneNumber(errors);
        NotificationPreferences parsedPreferences = preferences == null ? null : preferences.parse(errors);
        EmailAddress address = email(errors);
        if (!errors.isEmpty()) {
            throw new InvalidProfileException(errors);
        }
        return new ProfileUpdate(userId, displayName, number, smsNotificationsEnabled, parsedPreferences, email != null, address);
    }

    private EmailAddress email(List<InvalidField> errors) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidField("email", e.getMessage()));
            return null;
        }
    }

    private PhoneNumber phoneNumber(List<InvalidField> errors) {
        return phoneNumber(phoneNumber, phoneRegion, errors);
    }

    /**
     * The typed number read as the profile reads it: null when blank (no number); each problem is added to
     * {@code errors} naming {@code phoneNumber} or {@code phoneRegion}.
     */
    static PhoneNumber phoneNumber(String phoneNumber, String phoneRegion, List<InvalidField> errors) {
        String region = null;
        if (phoneRegion != null && !phoneRegion.isBlank()) {
            try {
                region = PhoneNumber.regionCode(phoneRegion);
            } catch (PhoneNumber.UnknownRegionException e) {
                errors.add(new InvalidField("phoneRegion", e.getMessage()));
                return null;
            }
        }
        if (phoneNumber == null || phoneNumber.isBlank()) {
            return null;
        }
        try {
            return PhoneNumber.parse(phoneNumber, region);
        } catch (InvalidPhoneNumberException e) {
            errors.add(new InvalidField("phoneNumber", e.getMessage()));
            return null;
        }
    }

    @Schema(name = "PreferencesRequest")
    record PreferencesForm(
            @Schema(description = "Only tickets of this severity or higher; default LOW", example = "MEDIUM")
            Severity minimumSeverity,
            @Schema(description = "Ticket categories never texted (case-insensitive); default none", example = "[\"Billing\"]")
            List<String> mutedCategories,
            @Schema(description = "Which ticket events are texted; default both")
            Set<TicketEventType> eventTypes,
            @Schema(description = "Null: no quiet hours")
            QuietHoursForm quietHours,
            @Schema(description = "By which channel tickets of each severity reach you; a severity left out goes by SMS. "
                    + "EMAIL needs an email address on the profile", example = "{\"LOW\": \"EMAIL\", \"MEDIUM\": \"EMAIL\"}")
            Map<Severity, NotificationChannel> channels) {

        NotificationPreferences parse(List<InvalidField> errors) {
            int before = errors.size();
            if (mutedCategories != null) {
                if (mutedCategories.size() > MAX_MUTED_CATEGORIES) {
                    errors.add(new InvalidField("preferences.mutedCategories",
                            "must not have more than " + MAX_MUTED_CATEGORIES + " entries"));
                }
                for (int i = 0; i < mutedCategories.size(); i++) {
                    String category = mutedCategories.get(i);
                    String field = "preferences.mutedCategories[" + i + "]";
                    if (category == null || category.isBlank()) {
                        errors.add(new InvalidField(field, "must not be blank"));
                    } else if (category.strip().length() > CATEGORY_LENGTH) {
                        errors.add(new InvalidField(field, "must be at most " + CATEGORY_LENGTH + " characters"));
                    } else if (category.chars().anyMatch(Character::isISOControl)) {
                        errors.add(new InvalidField(field, "must not contain control characters"));
                    }
                }
            }
            if (eventTypes != null && eventTypes.contains(null)) {
                errors.add(new InvalidField("preferences.eventTypes", "must be one of TICKET_CREATED, TICKET_STATUS_CHANGED"));
            }
            QuietHours quiet = quietHours == null ? null : quietHours.parse(errors);
            if (channels != null && (channels.containsKey(null) || channels.containsValue(null))) {
                errors.add(new InvalidField("preferences.channels", "must map LOW, MEDIUM, HIGH or CRITICAL to SMS or EMAIL"));
            }
            if (errors.size() > before) {
                return null;
            }
            Set<Severity> byEmail = channels == null ? Set.of() : channels.entrySet().stream()
                    .filter(entry -> entry.getValue() == NotificationChannel.EMAIL).map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return new NotificationPreferences(minimumSeverity, mutedCategories == null ? Set.of() : new LinkedHashSet<>(mutedCategories),
                    eventTypes == null ? EnumSet.allOf(TicketEventType.class) : eventTypes, quiet, byEmail);
        }
    }

    @Schema(name = "QuietHours", description = "Only CRITICAL tickets text you between start and end, in your time zone; "
            + "an end before the start crosses midnight")
    record QuietHoursForm(
            @Schema(example = "22:00", description = "HH:mm, inclusive") String start,
            @Schema(example = "07:00", description = "HH:mm, exclusive") String end,
            @Schema(example = "Europe/Berlin", description = "IANA time zone id") String timeZone) {

        QuietHours parse(List<InvalidField> errors) {
            LocalTime from = time("preferences.quietHours.start", start, errors);
            LocalTime to = time("preferences.quietHours.end", end, errors);
            ZoneId zone = zone(errors);
            if (from == null || to == null || zone == null) {
                return null;
            }
            if (from.equals(to)) {
                errors.add(new InvalidField("preferences.quietHours.end", "must differ from start"));
                return null;
            }
            return new QuietHours(from, to, zone);
        }

        private static LocalTime time(String field, String value, List<InvalidField> errors) {
            if (value == null || value.isBlank()) {
                errors.add(new InvalidField(field, "must not be blank; expected HH:mm, e.g. 22:00"));
                return null;
            }
            try {
                // minutes only: "22:00:30" would be stored as a window that ends when it starts
                return LocalTime.parse(value.strip(), HOURS_MINUTES);
            } catch (DateTimeParseException e) {
                errors.add(new InvalidField(field, "must be a time of day as HH:mm without seconds, e.g. 22:00"));
                return null;
            }
        }

        private ZoneId zone(List<InvalidField> errors) {
            String field = "preferences.quietHours.timeZone";
            if (timeZone == null || !QuietHours.isKnownTimeZone(timeZone.strip())) {
                errors.add(new InvalidField(field, "must be an IANA time zone id, e.g. Europe/Berlin or America/New_York"));
                return null;
            }
            return ZoneId.of(timeZone.strip());
        }
    }
}
