package dev.ticketsms.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;

/**
 * Whether a failed send is the row's own fault and will fail the same way forever, so the relay parks the row and
 * goes on, or a condition of Kafka that will pass (broker down, timeouts, not enough replicas, a topic not created
 * yet), so the relay stops and sends the same row again later, keeping the order.
 * <p>
 * Only failures that can concern one record alone count as poison. Other non-retriable Kafka errors (authorization,
 * a fenced or closed producer, an unsupported version) would fail every row alike: parking them would empty the
 * outbox into the parked table and lose the order, so they stop the relay like an outage and are logged as errors.
 * A topic that does not exist yet is retried: its owner may create it; a name Kafka cannot accept is parked.
 */
enum SendFailure {

    /** The row can never be published as it is. */
    POISON,

    /** Try the same row again later. */
    TEMPORARY;

    static SendFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof InvalidRecordException
                    || t instanceof SerializationException
                    // the row's headers are not a JSON object of strings, or Kafka refuses one of them
                    || t instanceof JacksonException || t instanceof IllegalArgumentException) {
                return POISON;
            }
        }
        return TEMPORARY;
    }
}
