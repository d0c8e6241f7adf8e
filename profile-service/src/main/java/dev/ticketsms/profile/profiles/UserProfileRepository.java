package dev.ticketsms.profile.profiles;

import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserProfileRepository extends Repository<UserProfile, Long> {

    Optional<UserProfile> findByUserId(String userId);

    /**
     * Creates or updates the profile in one statement. A {@code null} smsNotificationsEnabled keeps the
     * stored choice (or the default, true, for a new profile).
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            insert into user_profiles (user_id, display_name, phone_number, sms_notifications_enabled)
            values (:userId, :displayName, cast(:phoneNumber as varchar), coalesce(cast(:smsNotificationsEnabled as boolean), true))
            on conflict (user_id) do update set
                display_name = excluded.display_name,
                phone_number = excluded.phone_number,
                sms_notifications_enabled = coalesce(cast(:smsNotificationsEnabled as boolean), user_profiles.sms_notifications_enabled),
                updated_at = now()
            """)
    void upsert(String userId, String displayName, String phoneNumber, Boolean smsNotificationsEnabled);
}
