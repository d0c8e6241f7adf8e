package dev.ticketsms.web.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing of its own: with an observation registry present it would wrap every filter of the
 * chain, and every authentication and authorization, in an observation (a span and a timer each). Profiled under
 * Twilio's status callbacks, that wrapping took about a third of notification-service's CPU; the request itself is
 * still one {@code http.server.requests} observation, its SERVER span and its timer, which is what the traces and the
 * dashboards read. A service that wants them back declares its own {@link SecurityObservationSettings}.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
