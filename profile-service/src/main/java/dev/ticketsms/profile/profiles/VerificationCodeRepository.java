package dev.ticketsms.profile.profiles;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Read and written only while the user's profile row is locked, so one user's checks happen one at a time. */
interface VerificationCodeRepository extends Repository<VerificationCode, String> {

    Optional<VerificationCode> findById(String userId);

    VerificationCode save(VerificationCode code);

    void deleteById(String userId);
}
