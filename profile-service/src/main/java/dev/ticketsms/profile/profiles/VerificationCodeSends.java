package dev.ticketsms.profile.profiles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The codes texted in the last window, per user and per number: neither a user (changing numbers over and over)
 * nor a number (claimed from several accounts) receives more than {@code maxCodes} per window.
 */
@Component
class VerificationCodeSends {

    private final JdbcClient jdbc;

    private final PhoneVerificationSettings settings;

    VerificationCodeSends(JdbcClient jdbc, PhoneVerificationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Empty when another code may be texted now; otherwise how long until one may. */
    Optional<Duration> waitBeforeNext(String userId, PhoneNumber number, Instant now) {
        return Stream.of(blockingSend("user_id", userId, now), blockingSend("phone_number", number.value(), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(latest -> Duration.between(now, latest.plus(settings.codeWindow())));
    }

    void record(String userId, PhoneNumber number, Instant at) {
        // rows older than the window never count again
        jdbc.sql("delete from phone_verification_sends where sent_at <= :cutoff")
                .param("cutoff", Timestamp.from(at.minus(settings.codeWindow())))
                .update();
        jdbc.sql("insert into phone_verification_sends (user_id, phone_number, sent_at) values (:userId, :number, :at)")
                .param("userId", userId)
                .param("number", number.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * When the limit is reached: the send that has to leave the window before another fits (the maxCodes-th
     * newest); empty below the limit.
     */
    private Optional<Instant> blockingSend(String column, String value, Instant now) {
        return jdbc.sql("""
                        select sent_at from phone_verification_sends
                        where %s = :value and sent_at > :cutoff
                        order by sent_at desc offset :skip limit 1
                        """.formatted(column))
                .param("value", value)
                .param("cutoff", Timestamp.from(now.minus(settings.codeWindow())))
                .param("skip", settings.maxCodes() - 1)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }
}
