package dev.ticketsms.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which send failures park a row (it can never be sent) and which stop the relay to retry the same row later. */
class SendFailureTest {

    @Test
    void failuresOfTheRecordItselfArePoisonEvenWhenSpringWrapsThem() {
        assertThat(SendFailure.of(new KafkaProducerException(null, "send failed", new RecordTooLargeException("2 MB"))))
                .isEqualTo(SendFailure.POISON);
        assertThat(SendFailure.of(new InvalidTopicException("bad topic!"))).isEqualTo(SendFailure.POISON);
        assertThat(SendFailure.of(new SerializationException("cannot serialize"))).isEqualTo(SendFailure.POISON);
    }

    @Test
    void outagesAndTimeoutsAreTemporary() {
        assertThat(SendFailure.of(new TimeoutException("Topic not present in metadata after 5000 ms")))
                .isEqualTo(SendFailure.TEMPORARY);
        assertThat(SendFailure.of(new NotEnoughReplicasException("1 of 3"))).isEqualTo(SendFailure.TEMPORARY);
        assertThat(SendFailure.of(new KafkaException("Producer closed while send in progress")))
                .isEqualTo(SendFailure.TEMPORARY);
    }

    @Test
    void aRefusalThatWouldHitEveryRowAlikeStopsTheRelayInsteadOfParkingEverything() {
        assertThat(SendFailure.of(new TopicAuthorizationException(Set.of("tickets.events.v1"))))
                .isEqualTo(SendFailure.TEMPORARY);
    }
}
