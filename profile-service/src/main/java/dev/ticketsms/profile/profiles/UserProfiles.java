package dev.ticketsms.profile.profiles;

import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserProfiles {

    private final UserProfileRepository repository;

    UserProfiles(UserProfileRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    Optional<UserProfile> find(String userId) {
        return repository.findByUserId(userId);
    }

    @Transactional
    UserProfile update(ProfileUpdate update) {
        String phoneNumber = update.phoneNumber() == null ? null : update.phoneNumber().value();
        try {
            repository.upsert(update.userId(), update.displayName(), phoneNumber, update.smsNotificationsEnabled());
        } catch (DataIntegrityViolationException e) {
            // the upsert resolves a clash on user_id itself, so the unique phone number is the only one left
            if (phoneNumber == null) {
                throw e;
            }
            throw new PhoneNumberTakenException(e);
        }
        return repository.findByUserId(update.userId()).orElseThrow();
    }
}
