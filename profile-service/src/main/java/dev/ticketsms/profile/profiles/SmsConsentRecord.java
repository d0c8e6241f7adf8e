package dev.ticketsms.profile.profiles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a user's SMS consent history (kept for TCPA opt-out compliance): at {@code recordedAt}, SMS to
 * {@code phoneNumber} was switched on or off through {@code source}; {@code detail} says more, e.g. the keyword
 * and Twilio message SID of a STOP reply or the admin who did it. Never changed once written.
 */
@Entity
@Table(name = "sms_consent_history")
class SmsConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Convert(converter = PhoneNumberColumn.class)
    @Column(name = "phone_number", length = 20, updatable = false)
    private PhoneNumber phoneNumber;

    @Column(nullable = false, updatable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private SmsConsentSource source;

    @Column(updatable = false)
    private String detail;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected SmsConsentRecord() {
    }

    SmsConsentRecord(String userId, PhoneNumber phoneNumber, boolean enabled, SmsConsentSource source, String detail,
                     Instant recordedAt) {
        this.userId = userId;
        this.phoneNumber = phoneNumber;
        this.enabled = enabled;
        this.source = source;
        this.detail = detail;
        this.recordedAt = recordedAt;
    }

    PhoneNumber phoneNumber() {
        return phoneNumber;
    }

    boolean enabled() {
        return enabled;
    }

    SmsConsentSource source() {
        return source;
    }

    String detail() {
        return detail;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
