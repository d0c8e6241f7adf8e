package dev.ticketsms.profile.profiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The code a user can confirm now, for the number it was texted to: one per user, replaced by every new code.
 * Only a salted SHA-256 of it is stored, bound to the user and the number, so a code read from the database (or
 * typed for another number) confirms nothing; brute force is stopped by the few attempts and the short life.
 */
@Entity
@Table(name = "phone_verification_codes")
class VerificationCode {

    static final int DIGITS = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int SALT_BYTES = 16;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Convert(converter = PhoneNumberColumn.class)
    @Column(name = "phone_number", nullable = false, length = 20)
    private PhoneNumber phoneNumber;

    @Column(name = "code_salt", nullable = false)
    private byte[] salt;

    @Column(name = "code_hash", nullable = false)
    private byte[] hash;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected VerificationCode() {
    }

    VerificationCode(String userId) {
        this.userId = userId;
    }

    /** A fresh random code for {@code number}, replacing whatever this row held; answers the plain code to text. */
    String renew(PhoneNumber number, Instant now, Instant expiresAt) {
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        this.phoneNumber = number;
        this.salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        this.hash = hash(salt, userId, number, code);
        this.failedAttempts = 0;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
        return code;
    }

    /** Checks a typed code for the profile's current number; a wrong one uses up an attempt. */
    Check check(String typed, PhoneNumber currentNumber, Instant now, int maxAttempts) {
        if (!phoneNumber.equals(currentNumber)) {
            return Check.NOT_FOR_THIS_NUMBER;
        }
        if (failedAttempts >= maxAttempts) {
            return Check.VOID;
        }
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        if (is(typed)) {
            return Check.MATCHES;
        }
        failedAttempts++;
        return failedAttempts >= maxAttempts ? Check.VOID : Check.WRONG;
    }

    /** Whether {@code typed} is this code, without using up an attempt. */
    boolean is(String typed) {
        return MessageDigest.isEqual(hash, hash(salt, userId, phoneNumber, typed));
    }

    int attemptsLeft(int maxAttempts) {
        return Math.max(0, maxAttempts - failedAttempts);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    private static byte[] hash(byte[] salt, String userId, PhoneNumber number, String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            // the separator keeps ("ab", "c") and ("a", "bc") apart
            digest.update((userId + '\0' + number.value() + '\0' + code).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    enum Check {
        MATCHES,
        /** Wrong, attempts are left. */
        WRONG,
        /** Wrong too often: no code confirms this number until a new one is requested. */
        VOID,
        EXPIRED,
        /** Texted to a number the user has replaced since. */
        NOT_FOR_THIS_NUMBER
    }
}
