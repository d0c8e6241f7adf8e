package dev.ticketsms.profile.profiles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases on profiles; every consent change is kept in the same transaction as the change itself. */
@Service
class UserProfiles {

    private static final Logger log = LoggerFactory.getLogger(UserProfiles.class);

    private final UserProfileRepository repository;

    private final SmsConsentHistory consentHistory;

    private final PhoneVerifications verifications;

    private final Clock clock;

    UserProfiles(UserProfileRepository repository, SmsConsentHistory consentHistory, PhoneVerifications verifications,
                 Clock clock) {
        this.repository = repository;
        this.consentHistory = consentHistory;
        this.verifications = verifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<UserProfile> find(String userId) {
        return repository.findByUserId(userId);
    }

    /** The profile whose number this is, if it has been verified; an unverified number counts as nobody's. */
    @Transactional(readOnly = true)
    Optional<UserProfile> verifiedOwnerOf(PhoneNumber number) {
        return repository.findByPhoneNumber(number).filter(UserProfile::phoneVerified);
    }

    @Transactional(readOnly = true)
    List<SmsConsentRecord> consentHistory(String userId) {
        return consentHistory.findByUserIdOrderByRecordedAtDescIdDesc(userId);
    }

    /**
     * Saves the settings; a new number gets a verification code texted to it.
     *
     * @throws TooManyVerificationCodesException (nothing is saved) when the new number cannot get a code now
     */
    @Transactional
    UserProfile update(ProfileUpdate update) {
        var now = clock.instant();
        repository.createIfAbsent(update.userId(), update.displayName());
        UserProfile profile = repository.lockByUserId(update.userId()).orElseThrow();
        PhoneNumber numberBefore = profile.phoneNumber();
        profile.rename(update.displayName(), now);
        profile.changeSmsSettings(update.phoneNumber(), update.smsNotificationsEnabled(), SmsConsentSource.WEB, null, now)
                .ifPresent(consentHistory::save);
        if (update.changeEmail()) {
            profile.changeEmail(update.email(), now);
        }
        if (update.preferences() != null) {
            profile.changePreferences(update.preferences(), now);
        }
        try {
            repository.flush();
        } catch (DataIntegrityViolationException e) {
            // the row for this user exists already, so the unique phone number is the only constraint left
            throw new PhoneNumberTakenException(e);
        }
        if (!Objects.equals(numberBefore, profile.phoneNumber())) {
            if (profile.phoneNumber() == null) {
                verifications.discard(profile.userId());
            } else {
                verifications.issue(profile);
            }
        }
        return profile;
    }

    /** Empty when the user has no profile; otherwise what the typed code did. */
    @Transactional
    Optional<PhoneVerifications.Confirmation> confirmPhoneNumber(String userId, String code) {
        return repository.lockByUserId(userId).map(profile -> verifications.confirm(profile, code));
    }

    /**
     * A new code for the user's unverified number.
     *
     * @return until when the new code can be confirmed
     * @throws TooManyVerificationCodesException when the user or the number got as many codes as the window allows
     */
    @Transactional
    ResendOutcome resendVerificationCode(String userId) {
        Optional<UserProfile> found = repository.lockByUserId(userId);
        if (found.isEmpty() || found.get().phoneNumber() == null) {
            return new ResendOutcome(ResendOutcome.Result.NO_NUMBER, null);
        }
        if (found.get().phoneVerified()) {
            return new ResendOutcome(ResendOutcome.Result.ALREADY_VERIFIED, null);
        }
        return new ResendOutcome(ResendOutcome.Result.SENT, verifications.issue(found.get()));
    }

    record ResendOutcome(Result result, Instant expiresAt) {

        enum Result { SENT, NO_NUMBER, ALREADY_VERIFIED }
    }

    /** @return false when the user has no profile */
    @Transactional
    boolean switchSmsByAdmin(String userId, boolean enabled, String adminId) {
        Optional<UserProfile> found = repository.lockByUserId(userId);
        found.ifPresent(profile -> profile
                .changeSmsSettings(profile.phoneNumber(), enabled, SmsConsentSource.ADMIN, "by admin " + adminId,
                        clock.instant())
                .ifPresent(consentHistory::save));
        return found.isPresent();
    }

    /** A STOP (enable false) or START (true) reply from a number; numbers nobody has any more are ignored. */
    @Transactional
    void applySmsReply(PhoneNumber from, boolean enable, String detail, Instant sentAt) {
        repository.lockByPhoneNumber(from).ifPresentOrElse(
                profile -> profile.applySmsReply(from, enable, detail, sentAt).ifPresentOrElse(
                        consent -> {
                            consentHistory.save(consent);
                            log.info("SMS {} for user {} by reply from {}", enable ? "enabled" : "disabled",
                                    profile.userId(), from);
                        },
                        () -> log.info("Reply from {} changes nothing for user {}", from, profile.userId())),
                () -> log.info("Reply from {} belongs to no profile", from));
    }

    @Transactional
    void markNumberUnusable(PhoneNumber number, String errorCode, String reason, Instant at) {
        repository.lockByPhoneNumber(number).ifPresentOrElse(
                profile -> {
                    if (profile.markNumberUnusable(number, errorCode, reason, at, clock.instant())) {
                        log.info("Number {} of user {} marked unusable (Twilio error {})", number, profile.userId(), errorCode);
                    }
                },
                () -> log.info("Unusable number {} belongs to no profile", number));
    }
}
