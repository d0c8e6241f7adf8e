package dev.ticketsms.profile.profiles;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.Topics;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What notification-service would text: the codes in the PhoneVerificationRequested events on profiles.events.v1,
 * read in a consumer group of their own. A user's current code is the one whose hash profile-service stores now,
 * so codes of earlier saves or earlier tests are never taken for it.
 */
@TestComponent
public class TextedCodes {

    private final List<PhoneVerificationRequested> requested = new CopyOnWriteArrayList<>();

    private final VerificationCodeRepository codes;

    private final TransactionTemplate transactions;

    TextedCodes(VerificationCodeRepository codes, TransactionTemplate transactions) {
        this.codes = codes;
        this.transactions = transactions;
    }

    @KafkaListener(topics = Topics.PROFILE_EVENTS, groupId = "texted-codes-${random.uuid}")
    void on(ProfileEvent event) {
        if (event instanceof PhoneVerificationRequested code) {
            requested.add(code);
        }
    }

    /** The code currently pending for the user, once its event reached Kafka. */
    public String currentCodeOf(String userId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> current(userId), Optional::isPresent).orElseThrow();
    }

    /** Every code event for this user so far, oldest first. */
    public List<PhoneVerificationRequested> requestedFor(String userId) {
        return requested.stream().filter(event -> event.userId().equals(userId)).toList();
    }

    private Optional<String> current(String userId) {
        return transactions.execute(status -> codes.findById(userId).flatMap(pending -> requestedFor(userId).stream()
                .map(PhoneVerificationRequested::code)
                .filter(pending::is)
                .findFirst()));
    }
}
