package dev.ticketsms.profile.profiles;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserProfileRepository extends Repository<UserProfile, Long> {

    Optional<UserProfile> findByUserId(String userId);

    Optional<UserProfile> findByPhoneNumber(PhoneNumber phoneNumber);

    /** Locks the row, so that a web change and an SMS reply to one profile are applied one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from UserProfile p where p.userId = :userId")
    Optional<UserProfile> lockByUserId(String userId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from UserProfile p where p.phoneNumber = :phoneNumber")
    Optional<UserProfile> lockByPhoneNumber(PhoneNumber phoneNumber);

    /** A new profile has the defaults of the table: SMS on, no number, every notification. */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            insert into user_profiles (user_id, display_name) values (:userId, :displayName)
            on conflict (user_id) do nothing
            """)
    void createIfAbsent(String userId, String displayName);

    void flush();

    @Query(nativeQuery = true, value = "select count(*) from user_profiles where phone_number is not null")
    long countWithPhoneNumber();

    @Query(nativeQuery = true, value = """
            select count(*) from user_profiles
            where phone_number is not null and phone_verified_at is not null and sms_notifications_enabled
              and phone_unusable_since is null
            """)
    long countReachableBySms();

    @Query(nativeQuery = true, value = "select count(*) from user_profiles where phone_number is not null and phone_verified_at is null")
    long countUnverified();

    @Query(nativeQuery = true, value = "select count(*) from user_profiles where phone_unusable_since is not null")
    long countUnusable();
}
