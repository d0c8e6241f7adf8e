package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ticketsms.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's SMS settings. The row is created by {@link UserProfileRepository#createIfAbsent} (so two first saves
 * cannot collide) and then changed only through the methods here, which decide when consent changed: each such
 * change comes back as the {@link SmsConsentRecord} to keep.
 */
@Entity
@Table(name = "user_profiles")
class UserProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "display_name")
    private String displayName;

    @Convert(converter = PhoneNumberColumn.class)
    @Column(name = "phone_number", length = 20)
    private PhoneNumber phoneNumber;

    @Column(name = "phone_number_since")
    private Instant phoneNumberSince;

    /** Null until the user typed the code texted to the current number: until then it receives nothing else. */
    @Column(name = "phone_verified_at")
    private Instant phoneVerifiedAt;

    @Column(name = "sms_notifications_enabled", nullable = false)
    private boolean smsNotificationsEnabled;

    @Column(name = "sms_consent_changed_at", nullable = false)
    private Instant smsConsentChangedAt;

    @Column(name = "phone_unusable_since")
    private Instant phoneUnusableSince;

    @Column(name = "phone_unusable_error_code", length = 20)
    private String phoneUnusableErrorCode;

    @Column(name = "phone_unusable_reason", length = 500)
    private String phoneUnusableReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "minimum_severity", nullable = false, length = 10)
    private Severity minimumSeverity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "muted_categories", nullable = false)
    private String[] mutedCategories;

    @Column(name = "notify_ticket_created", nullable = false)
    private boolean notifyTicketCreated;

    @Column(name = "notify_status_changed", nullable = false)
    private boolean notifyStatusChanged;

    @Column(name = "quiet_hours_start")
    private LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    private LocalTime quietHoursEnd;

    @Column(name = "quiet_hours_time_zone", length = 64)
    private String quietHoursTimeZone;

    /** Where ticket notifications go by email: the severities in {@code emailSeverities}, and SMS the number cannot take. */
    @Column(name = "email", length = 254)
    private String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "email_severities", nullable = false)
    private String[] emailSeverities;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfile() {
    }

    void rename(String displayName, Instant at) {
        if (!Objects.equals(this.displayName, displayName)) {
            this.displayName = displayName;
            this.updatedAt = at;
        }
    }

    /**
     * The settings form: a new number (null removes it) and, unless null, SMS on or off. Consent is recorded
     * when SMS is switched, when an enabled user gives a new number (consent is per number), and when a user
     * enables SMS again for a number Twilio had refused. A new number or re-enabling clears "unusable".
     */
    Optional<SmsConsentRecord> changeSmsSettings(PhoneNumber number, Boolean enabled, SmsConsentSource source,
                                                  String detail, Instant at) {
        boolean wasEnabled = smsNotificationsEnabled;
        boolean nowEnabled = enabled == null ? wasEnabled : enabled;
        boolean numberChanged = !Objects.equals(phoneNumber, number);
        boolean reEnablingUnusable = Boolean.TRUE.equals(enabled) && phoneUnusableSince != null;
        PhoneNumber consentedNumber = number == null ? phoneNumber : number;

        if (numberChanged) {
            phoneNumber = number;
            phoneNumberSince = number == null ? null : at;
            phoneVerifiedAt = null;
        }
        if (numberChanged || reEnablingUnusable) {
            clearUnusable();
        }
        smsNotificationsEnabled = nowEnabled;
        if (numberChanged || nowEnabled != wasEnabled || reEnablingUnusable) {
            updatedAt = at;
        }

        boolean consentChanged = nowEnabled != wasEnabled
                || (nowEnabled && numberChanged && number != null)
                || reEnablingUnusable;
        if (!consentChanged) {
            return Optional.empty();
        }
        smsConsentChangedAt = at;
        return Optional.of(new SmsConsentRecord(userId, consentedNumber, nowEnabled, source, detail, at));
    }

    /**
     * A STOP or START reply from this profile's number, sent at {@code sentAt}. Ignored when the number was not
     * yet this user's then, or when the user made a newer choice since (replies can arrive late).
     */
    Optional<SmsConsentRecord> applySmsReply(PhoneNumber from, boolean enable, String detail, Instant sentAt) {
        if (!from.equals(phoneNumber) || sentAt.isBefore(phoneNumberSince) || sentAt.isBefore(smsConsentChangedAt)) {
            return Optional.empty();
        }
        if (enable == smsNotificationsEnabled && (!enable || phoneUnusableSince == null)) {
            return Optional.empty();
        }
        // a START while unusable is re-enabling, which clears it: the phone that sent it receives texts
        return changeSmsSettings(phoneNumber, enable, SmsConsentSource.SMS, detail, sentAt);
    }

    /**
     * Twilio refused this number for good at {@code at}. Ignored when the number was not yet this user's then,
     * or when the user enabled SMS again after it.
     *
     * @return whether the profile now shows the number as unusable
     */
    boolean markNumberUnusable(PhoneNumber number, String errorCode, String reason, Instant at, Instant now) {
        if (!number.equals(phoneNumber) || at.isBefore(phoneNumberSince) || at.isBefore(smsConsentChangedAt)) {
            return false;
        }
        phoneUnusableSince = at;
        phoneUnusableErrorCode = errorCode;
        phoneUnusableReason = reason;
        updatedAt = now;
        return true;
    }

    /** The user typed the right code for the current number; kept in the consent history with the current opt-in. */
    SmsConsentRecord confirmPhoneNumber(Instant at) {
        phoneVerifiedAt = at;
        updatedAt = at;
        return new SmsConsentRecord(userId, phoneNumber, smsNotificationsEnabled, SmsConsentSource.VERIFICATION,
                "number verified by code", at);
    }

    /** A new email address, or none (null). */
    void changeEmail(EmailAddress address, Instant at) {
        String value = address == null ? null : address.value();
        if (!Objects.equals(email, value)) {
            email = value;
            updatedAt = at;
        }
    }

    /** Null when the user gave none. */
    String email() {
        return email;
    }

    void changePreferences(NotificationPreferences preferences, Instant at) {
        minimumSeverity = preferences.minimumSeverity();
        mutedCategories = preferences.mutedCategories().toArray(String[]::new);
        notifyTicketCreated = preferences.eventTypes().contains(TicketEventType.TICKET_CREATED);
        notifyStatusChanged = preferences.eventTypes().contains(TicketEventType.TICKET_STATUS_CHANGED);
        QuietHours quiet = preferences.quietHours();
        quietHoursStart = quiet == null ? null : quiet.start();
        quietHoursEnd = quiet == null ? null : quiet.end();
        quietHoursTimeZone = quiet == null ? null : quiet.timeZone().getId();
        emailSeverities = preferences.emailSeverities().stream().sorted().map(Severity::name).toArray(String[]::new);
        updatedAt = at;
    }

    String userId() {
        return userId;
    }

    String displayName() {
        return displayName;
    }

    PhoneNumber phoneNumber() {
        return phoneNumber;
    }

    /** Whether the current number is proven to be this user's; false without a number. */
    boolean phoneVerified() {
        return phoneNumber != null && phoneVerifiedAt != null;
    }

    boolean smsNotificationsEnabled() {
        return smsNotificationsEnabled;
    }

    /** Empty unless Twilio refused the current number for good. */
    Optional<NumberProblem> numberProblem() {
        return phoneUnusableSince == null ? Optional.empty()
                : Optional.of(new NumberProblem(phoneUnusableErrorCode, phoneUnusableReason, phoneUnusableSince));
    }

    NotificationPreferences preferences() {
        Set<TicketEventType> eventTypes = EnumSet.noneOf(TicketEventType.class);
        if (notifyTicketCreated) {
            eventTypes.add(TicketEventType.TICKET_CREATED);
        }
        if (notifyStatusChanged) {
            eventTypes.add(TicketEventType.TICKET_STATUS_CHANGED);
        }
        // stored quiet hours that cannot be used show as none, so the user sees the profile and can set them again
        QuietHours quiet = QuietHours.fromStored(quietHoursStart, quietHoursEnd, quietHoursTimeZone).orElse(null);
        // an empty (NULL) array element mutes nothing
        Set<String> muted = Arrays.stream(mutedCategories).filter(Objects::nonNull).collect(Collectors.toSet());
        return new NotificationPreferences(minimumSeverity, muted, eventTypes, quiet, emailSeverities(emailSeverities));
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Stored severity names; one that is no severity (any more) is left out, so that tickets of it go by SMS. */
    static Set<Severity> emailSeverities(String[] stored) {
        if (stored == null) {
            return Set.of();
        }
        return Arrays.stream(stored).filter(Objects::nonNull)
                .flatMap(name -> Arrays.stream(Severity.values()).filter(severity -> severity.name().equals(name)))
                .collect(Collectors.toUnmodifiableSet());
    }

    private void clearUnusable() {
        phoneUnusableSince = null;
        phoneUnusableErrorCode = null;
        phoneUnusableReason = null;
    }

    /** Why Twilio will not deliver to the number: its error code, its explanation, since when. */
    record NumberProblem(String errorCode, String reason, Instant since) {
    }
}
