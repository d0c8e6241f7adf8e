package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Sends ticket SMS off the Kafka consumer threads, so consumption does not wait for Twilio. The consumer claims the
 * event's rows (one per recipient, PENDING; holds and skips decided at once) and hands the message to the lane of its
 * ticket; the event is then marked handled. Each ticket has one lane, a virtual thread that sends its messages one
 * after the other, every row of a message at once: SMS of a later event of a ticket never overtake those of an earlier
 * one, while the lanes of all tickets send side by side, bounded only by the Twilio bulkhead and rate limiter.
 *
 * <p>A message whose rows could not all go out now (circuit open, no send slot in time) is tried again in its lane
 * with growing pauses before the lane moves on, each recipient asked about again first (opted out meanwhile: SKIPPED). At most {@code max-queued-sends} rows wait in the lanes; a consumer
 * waits for room before it claims more, so a slow Twilio slows consumption instead of filling memory. A stop (see
 * {@link SendingShutdown}) lets requests on the wire finish and leaves every other row PENDING, marked so that the
 * watchdog ({@link PendingDeliveries}) of any replica sends them at its next round; rows a crash left behind it sends
 * after {@code resend-pending-after}. Each row is still sent only by whoever moves it to SENDING.
 */
@Component
class SendingLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendingLanes.class);
    /** Attempts at a message that failed for a reason not known to pass; then its rows are left to the watchdog. */
    private static final int ATTEMPTS_ON_UNEXPECTED_FAILURE = 5;

    private final SmsDelivery delivery;
    private final DeliveryLedger ledger;
    private final PendingDeliveries pending;
    private final SendingShutdown shutdown;
    private final Clock clock;
    private final Duration resendAfter;
    private final int maxQueuedSends;
    private final Duration initialPause;
    private final Duration maxPause;
    private final Semaphore room;
    /** The lanes with work, by ticket; guarded by {@code this}. */
    private final Map<UUID, ArrayDeque<Message>> lanes = new HashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sms-lane-", 0).factory());
    private volatile boolean running;
    private volatile boolean stopping;

    /** A claimed message waiting in its lane, holding {@code room} permits. */
    private record Message(OutgoingSms sms, Set<Long> rows, int room) {
    }

    SendingLanes(SmsDelivery delivery, DeliveryLedger ledger, PendingDeliveries pending, SendingShutdown shutdown,
                 DeliveryMetrics metrics,
                 Clock clock, @Value("${notifications.delivery.resend-pending-after}") Duration resendAfter,
                 @Value("${notifications.delivery.max-queued-sends}") int maxQueuedSends,
                 @Value("${notifications.consumer.retry-backoff.initial}") Duration initialPause,
                 @Value("${notifications.consumer.retry-backoff.max}") Duration maxPause) {
        if (maxQueuedSends < 1) {
            throw new IllegalArgumentException("notifications.delivery.max-queued-sends must be at least 1");
        }
        this.delivery = delivery;
        this.ledger = ledger;
        this.pending = pending;
        this.shutdown = shutdown;
        this.clock = clock;
        this.resendAfter = resendAfter;
        this.maxQueuedSends = maxQueuedSends;
        this.initialPause = initialPause;
        this.maxPause = maxPause;
        this.room = new Semaphore(maxQueuedSends);
        metrics.queuedSends(() -> maxQueuedSends - room.availablePermits());
    }

    /**
     * Claims the message's rows and queues them in the lane of its ticket; returns once they are claimed. Waits first
     * while the lanes are full.
     *
     * @throws DeliveryIncompleteException when sending is stopping: nothing was claimed, the event is read again
     */
    void deliver(OutgoingSms sms, List<Recipient> recipients) {
        int wanted = Math.clamp(recipients.size(), 1, maxQueuedSends);
        awaitRoom(sms, wanted);
        List<DeliveryLedger.PendingRow> rows;
        try {
            rows = delivery.claim(sms, recipients);
        } catch (RuntimeException e) {
            room.release(wanted);
            throw e;
        }
        int kept = Math.min(rows.size(), wanted);
        room.release(wanted - kept);
        if (rows.isEmpty()) {
            return;
        }
        var message = new Message(sms, rows.stream().map(DeliveryLedger.PendingRow::id).collect(Collectors.toSet()), kept);
        boolean startLane;
        synchronized (this) {
            var lane = lanes.get(sms.ticketId());
            startLane = lane == null;
            if (startLane) {
                lane = new ArrayDeque<>();
                lanes.put(sms.ticketId(), lane);
            }
            lane.add(message);
        }
        if (startLane) {
            threads.execute(() -> drive(sms.ticketId()));
        }
    }

    /** Waits for room in the lanes; a stop wakes the wait. */
    private void awaitRoom(OutgoingSms sms, int permits) {
        if (room.tryAcquire(permits)) {
            return;
        }
        if (!shutdown.startWaiting()) {
            throw new DeliveryIncompleteException(sms.eventId(), permits, permits, "shutting down");
        }
        boolean acquired = false;
        try {
            room.acquire(permits);
            acquired = true;
        } catch (InterruptedException e) {
            // the stop woke us; the flag is not kept, the consumer thread still has to leave its poll loop cleanly
        } finally {
            shutdown.doneWaiting();
        }
        // a stop that came between the acquire and doneWaiting interrupted this thread: clear it, the stop wins
        if (Thread.interrupted() || !acquired) {
            if (acquired) {
                room.release(permits);
            }
            throw new DeliveryIncompleteException(sms.eventId(), permits, permits, "shutting down");
        }
    }

    /** Sends the lane's messages in order until it is empty. */
    private void drive(UUID ticketId) {
        while (true) {
            Message message;
            synchronized (this) {
                var lane = lanes.get(ticketId);
                message = lane.poll();
                if (message == null) {
                    lanes.remove(ticketId);
                    notifyAll();
                    return;
                }
            }
            try {
                sendUntilDone(message);
            } finally {
                room.release(message.room());
            }
        }
    }

    /**
     * Sends the message's rows; when some stayed PENDING, tries again after a pause, each recipient asked about again
     * first (as a redelivered event would be), until none is left or sending stops.
     */
    private void sendUntilDone(Message message) {
        var sms = message.sms();
        List<DeliveryLedger.PendingRow> rows = ledger.pendingRows(sms.eventId()).stream()
                .filter(row -> message.rows().contains(row.id())).toList();
        Duration pause = initialPause;
        int unexpected = 0;
        boolean first = true;
        while (!stopping && (first ? !rows.isEmpty() : !ledger.pendingRows(sms.eventId()).isEmpty())) {
            try {
                if (first) {
                    delivery.send(sms, rows);
                } else {
                    pending.resume(sms);
                }
                return;
            } catch (RuntimeException e) {
                if (!ListenerErrorHandling.isTemporary(e) && ++unexpected >= ATTEMPTS_ON_UNEXPECTED_FAILURE) {
                    log.error("{} message {} of ticket {} failed {} times; its PENDING rows are left to the watchdog",
                            sms.kind(), sms.eventId(), sms.ticketId(), unexpected, e);
                    return;
                }
                log.info("{} message {} of ticket {} not fully sent; tried again in {}: {}", sms.kind(), sms.eventId(),
                        sms.ticketId(), pause, e.getMessage());
            }
            first = false;
            if (!pause(pause)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        }
    }

    /** @return false when sending stops meanwhile */
    private boolean pause(Duration pause) {
        if (!shutdown.startWaiting()) {
            return false;
        }
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            shutdown.doneWaiting();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stops sending first ({@link SendingShutdown} wakes every send not on the wire), then waits for the lanes to
     * finish the requests on the wire and record their answers; what is still queued stays PENDING.
     */
    @Override
    public void stop() {
        stopping = true;
        shutdown.stop();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(25));
        var leftBehind = new HashSet<UUID>();
        synchronized (this) {
            int queued = lanes.values().stream().mapToInt(ArrayDeque::size).sum();
            if (queued > 0) {
                log.info("Stopping: {} queued messages of {} tickets stay PENDING for the watchdog", queued, lanes.size());
            }
            lanes.values().forEach(lane -> {
                lane.forEach(message -> leftBehind.add(message.sms().eventId()));
                // the head is being sent: its lane thread ends it; the rest never starts
                while (lane.size() > 1) {
                    room.release(lane.pollLast().room());
                }
            });
            while (!lanes.isEmpty() && Instant.now().isBefore(giveUp)) {
                try {
                    wait(Math.max(1, Duration.between(Instant.now(), giveUp).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!lanes.isEmpty()) {
                log.warn("Stopping: {} lanes still sending after 25 s", lanes.size());
            }
        }
        if (!leftBehind.isEmpty()) {
            try {
                ledger.leftBehind(leftBehind, clock.instant().minus(resendAfter));
            } catch (RuntimeException e) {
                log.warn("Stopping: could not mark {} messages as left behind; the watchdog takes them once they age: {}",
                        leftBehind.size(), e.toString());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listener containers, so a consumer waiting for room is woken rather than waited for. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE + 1;
    }
}
