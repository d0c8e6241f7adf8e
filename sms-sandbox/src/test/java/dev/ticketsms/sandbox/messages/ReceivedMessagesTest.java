package dev.ticketsms.sandbox.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.ticketsms.sandbox.SandboxProperties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReceivedMessagesTest {

    @Test
    void when_full_the_oldest_message_is_dropped_and_the_newest_kept_in_arrival_order() {
        var messages = new ReceivedMessages(capacity(3));
        var received = IntStream.rangeClosed(1, 5).mapToObj(n -> message("+1555000000" + n)).toList();

        received.forEach(messages::add);

        assertThat(messages.all()).containsExactlyElementsOf(received.subList(2, 5));
        assertThat(messages.find(received.getFirst().sid())).isEmpty();
        assertThat(messages.find(received.getLast().sid())).contains(received.getLast());
    }

    @Test
    void messages_arriving_concurrently_are_all_counted_and_the_bound_holds() throws Exception {
        var messages = new ReceivedMessages(capacity(500));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var tasks = IntStream.range(0, 16).mapToObj(thread -> threads.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    messages.add(message("+15550001" + String.format("%03d", i)));
                }
            })).toList();
            for (var task : tasks) {
                task.get();
            }
        }

        assertThat(messages.all()).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void messages_can_be_listed_by_recipient_and_cleared() {
        var messages = new ReceivedMessages(capacity(10));
        var toAlice = message("+15550000001");
        var toBob = message("+15550000002");
        var againToAlice = message("+15550000001");
        List.of(toAlice, toBob, againToAlice).forEach(messages::add);

        assertThat(messages.to("+15550000001")).containsExactly(toAlice, againToAlice);

        messages.clear();
        assertThat(messages.all()).isEmpty();
    }

    private static SandboxProperties capacity(int capacity) {
        return new SandboxProperties("AC00000000000000000000000000000000", "token", capacity, null,
                new SandboxProperties.Callbacks(Duration.ofMillis(100)),
                new SandboxProperties.Webhooks(3, Duration.ofMillis(200), Duration.ofSeconds(5)),
                new SandboxProperties.Inbox(Duration.ofSeconds(3)));
    }

    private static SandboxMessage message(String to) {
        var now = Instant.now();
        return new SandboxMessage(MessageSid.random(), "AC00000000000000000000000000000000", Direction.OUTBOUND_API, to,
                "+15005550006", null, "hello", List.of(), MessageStatus.QUEUED, null, 1, null, null, null, now, now);
    }
}
