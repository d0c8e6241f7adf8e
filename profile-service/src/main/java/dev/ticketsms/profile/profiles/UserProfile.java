package dev.ticketsms.profile.profiles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Written only through {@link UserProfileRepository#upsert}, so two first saves of one user cannot collide. */
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

    @Column(name = "sms_notifications_enabled", nullable = false)
    private boolean smsNotificationsEnabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfile() {
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

    boolean smsNotificationsEnabled() {
        return smsNotificationsEnabled;
    }
}
