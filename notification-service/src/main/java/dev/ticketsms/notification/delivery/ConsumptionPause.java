package dev.ticketsms.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.ticketsms.notification.sms.TwilioRoutes;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Stops reading ticket events while Twilio's circuit breakers (of every configured route: with a failover route, only
 * while both are open) or profile-service's are open, and reads on when a breaker lets trial calls through again
 * (half-open). Records already read wait in the error handler's back-off;
 * nothing is skipped or dropped, the consumer lag grows instead and shrinks once the outage is over.
 */
@Component
class ConsumptionPause {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionPause.class);
    private static final Set<CircuitBreaker.State> STOPPED = Set.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN);

    private final KafkaListenerEndpointRegistry listeners;
    private final List<CircuitBreaker> twilio;
    private final CircuitBreaker profileService;

    ConsumptionPause(KafkaListenerEndpointRegistry listeners, CircuitBreakerRegistry circuitBreakers, TwilioRoutes routes) {
        this.listeners = listeners;
        this.twilio = routes.circuitBreakers();
        this.profileService = circuitBreakers.circuitBreaker("profile-service");
        var breakers = new java.util.ArrayList<>(twilio);
        breakers.add(profileService);
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
        boolean stop = stopped(profileService) || twilio.stream().allMatch(ConsumptionPause::stopped);
        if (stop && !container.isPauseRequested()) {
            log.warn("Pausing ticket event consumption until the open circuit breaker lets calls through");
            container.pause();
        } else if (!stop && container.isPauseRequested()) {
            log.info("Resuming ticket event consumption");
            container.resume();
        }
    }

    private static boolean stopped(CircuitBreaker breaker) {
        return STOPPED.contains(breaker.getState());
    }
}
