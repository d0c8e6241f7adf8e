package dev.ticketsms.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Stops reading ticket events while Twilio's or profile-service's circuit breaker is open, and reads on when the
 * breaker lets trial calls through again (half-open). Records already read wait in the error handler's back-off;
 * nothing is skipped or dropped, the consumer lag grows instead and shrinks once the outage is over.
 */
@Component
class ConsumptionPause {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionPause.class);
    private static final Set<CircuitBreaker.State> STOPPED = Set.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN);

    private final KafkaListenerEndpointRegistry listeners;
    private final List<CircuitBreaker> breakers;

    ConsumptionPause(KafkaListenerEndpointRegistry listeners, CircuitBreakerRegistry circuitBreakers) {
        this.listeners = listeners;
        this.breakers = List.of(circuitBreakers.circuitBreaker("twilio"), circuitBreakers.circuitBreaker("profile-service"));
        breakers.forEach(breaker -> breaker.getEventPublisher().onStateTransition(event -> {
            log.warn("Circuit breaker {}: {}", event.getCircuitBreakerName(), event.getStateTransition());
            apply();
        }));
    }

    private synchronized void apply() {
        MessageListenerContainer container = listeners.getListenerContainer(TicketEventsListener.LISTENER_ID);
        if (container == null) {
            return;
        }
        boolean anyOpen = breakers.stream().anyMatch(breaker -> STOPPED.contains(breaker.getState()));
        if (anyOpen && !container.isPauseRequested()) {
            log.warn("Pausing ticket event consumption until the open circuit breaker lets calls through");
            container.pause();
        } else if (!anyOpen && container.isPauseRequested()) {
            log.info("Resuming ticket event consumption");
            container.resume();
        }
    }
}
