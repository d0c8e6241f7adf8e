package dev.ticketsms.profile.profiles;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ticketsms.events.PhoneVerificationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof that a number is the user's before anything but the code is texted to it: saving a new number issues a
 * code (texted by notification-service from a {@link PhoneVerificationRequested}), the user types it back. Every
 * method runs with the user's profile row locked, so one user's codes are issued and checked one at a time.
 */
@Service
class PhoneVerifications {

    private static final Logger log = LoggerFactory.getLogger(PhoneVerifications.class);

    private final VerificationCodeRepository codes;

    private final VerificationCodeSends sends;

    private final PhoneVerificationEvents events;

    private final SmsConsentHistory consentHistory;

    private final PhoneVerificationSettings settings;

    private final Clock clock;

    PhoneVerifications(VerificationCodeRepository codes, VerificationCodeSends sends, PhoneVerificationEvents events,
                       SmsConsentHistory consentHistory, PhoneVerificationSettings settings, Clock clock) {
        this.codes = codes;
        this.sends = sends;
        this.events = events;
        this.consentHistory = consentHistory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A new code for the profile's current (unverified) number, replacing any earlier one.
     *
     * @throws TooManyVerificationCodesException when the user or the number got as many codes as the window allows
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Instant issue(UserProfile profile) {
        Instant now = clock.instant();
        PhoneNumber number = profile.phoneNumber();
        sends.waitBeforeNext(profile.userId(), number, now).ifPresent(wait -> {
            log.info("Verification code for user {} to {} refused: limit reached, next in {}", profile.userId(), number, wait);
            throw new TooManyVerificationCodesException(wait);
        });
        Instant expiresAt = now.plus(settings.codeTtl());
        VerificationCode code = codes.findById(profile.userId()).orElseGet(() -> new VerificationCode(profile.userId()));
        String plain = code.renew(number, now, expiresAt);
        codes.save(code);
        sends.record(profile.userId(), number, now);
        events.publish(new PhoneVerificationRequested(UUID.randomUUID(), now, profile.userId(), number.value(), plain,
                expiresAt));
        log.info("Verification code for user {} to be texted to {}, valid until {}", profile.userId(), number, expiresAt);
        return expiresAt;
    }

    /** The number was removed: no code for it can be confirmed any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    void discard(String userId) {
        codes.findById(userId).ifPresent(code -> codes.deleteById(userId));
    }

    /** Checks the typed code; the outcome is committed either way, so wrong attempts count. */
    @Transactional(propagation = Propagation.MANDATORY)
    Confirmation confirm(UserProfile profile, String typed) {
        if (profile.phoneNumber() == null) {
            return Confirmation.NO_NUMBER;
        }
        if (profile.phoneVerified()) {
            return Confirmation.VERIFIED;
        }
        var found = codes.findById(profile.userId());
        if (found.isEmpty()) {
            return Confirmation.NO_CODE;
        }
        VerificationCode code = found.get();
        Instant now = clock.instant();
        return switch (code.check(typed, profile.phoneNumber(), now, settings.maxAttempts())) {
            case MATCHES -> {
                codes.deleteById(profile.userId());
                consentHistory.save(profile.confirmPhoneNumber(now));
                log.info("Number {} of user {} verified", profile.phoneNumber(), profile.userId());
                yield Confirmation.VERIFIED;
            }
            case WRONG -> {
                codes.save(code);
                yield new Confirmation(Confirmation.Result.WRONG, code.attemptsLeft(settings.maxAttempts()));
            }
            case VOID -> {
                codes.save(code);
                log.info("Verification code for user {} void after {} wrong attempts", profile.userId(), settings.maxAttempts());
                yield Confirmation.VOID;
            }
            case EXPIRED -> Confirmation.EXPIRED;
            case NOT_FOR_THIS_NUMBER -> Confirmation.NO_CODE;
        };
    }

    /** What typing a code did; {@code attemptsLeft} matters for {@link Result#WRONG}. */
    record Confirmation(Result result, int attemptsLeft) {

        static final Confirmation VERIFIED = new Confirmation(Result.VERIFIED, 0);
        static final Confirmation NO_NUMBER = new Confirmation(Result.NO_NUMBER, 0);
        static final Confirmation NO_CODE = new Confirmation(Result.NO_CODE, 0);
        static final Confirmation EXPIRED = new Confirmation(Result.EXPIRED, 0);
        static final Confirmation VOID = new Confirmation(Result.VOID, 0);

        enum Result { VERIFIED, NO_NUMBER, NO_CODE, EXPIRED, WRONG, VOID }
    }
}
