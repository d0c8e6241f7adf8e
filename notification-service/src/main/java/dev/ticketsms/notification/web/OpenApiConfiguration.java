package dev.ticketsms.notification.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description at {@code /v3/api-docs}: the admin API takes a bearer JWT, Twilio's webhooks take none (their
 * signature is checked instead), so the scheme is declared but not required of every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI notificationServiceApi() {
        return new OpenAPI()
                .info(new Info().title("notification-service").version("v1").description("""
                        SMS about support tickets. `POST /api/sms/send` (admins: a message to a team or to chosen \
                        users, never to a typed-in number; an `Idempotency-Key` makes a retry safe) and \
                        `GET /api/notifications` (admins: the delivery log, numbers masked) need a bearer JWT whose \
                        `roles` contain `admin`. `POST /webhooks/twilio/status` and `/webhooks/twilio/inbound` are \
                        Twilio's form-encoded callbacks: no token, but a valid `X-Twilio-Signature` over the \
                        configured public URL and the form, else 403. Errors are RFC 9457 problem details; a 400 \
                        lists each bad field in `errors`."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
