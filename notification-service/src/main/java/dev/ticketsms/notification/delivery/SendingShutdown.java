package dev.ticketsms.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Graceful shutdown of sending. Stopped before the Kafka listener containers (a higher phase stops first): from then
 * on no request goes out that is not on the wire already; sends still waiting for a bulkhead slot, a rate permit or
 * a retry back-off are woken and leave their rows PENDING. A manual message or code answers that it is not sent yet;
 * a consumer waiting for room in the {@link SendingLanes} leaves its event unhandled (read again after the restart);
 * rows already queued in a lane are sent by {@link PendingDeliveries} (this service after the restart, or another
 * replica). Requests on the wire are never interrupted: they finish and record Twilio's answer.
 */
@Component
class SendingShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendingShutdown.class);

    private final Set<Thread> waiting = new HashSet<>();
    private boolean stopping;
    private volatile boolean running;

    /** The calling thread starts waiting for its turn to send. @return false when sending has stopped */
    synchronized boolean startWaiting() {
        if (stopping) {
            return false;
        }
        waiting.add(Thread.currentThread());
        return true;
    }

    /** The calling thread is about to put a request on the wire. @return false when sending has stopped */
    synchronized boolean stopWaiting() {
        waiting.remove(Thread.currentThread());
        return !stopping;
    }

    /** The request was handed back: the calling thread waits again (for a retry), or stops at once if sending has. */
    synchronized void waitAgain() {
        if (stopping) {
            Thread.currentThread().interrupt();
        } else {
            waiting.add(Thread.currentThread());
        }
    }

    synchronized void doneWaiting() {
        waiting.remove(Thread.currentThread());
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopping = true;
            if (!waiting.isEmpty()) {
                log.info("Stopping: {} SMS waiting for a send slot stay PENDING for the next start", waiting.size());
            }
            waiting.forEach(Thread::interrupt);
            waiting.clear();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE + 1;
    }
}
