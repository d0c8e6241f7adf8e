package dev.ticketsms.ticket.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document at {@code /v3/api-docs} that frontend teams build their ticket screens on. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ticketApi() {
        return new OpenAPI()
                .info(new Info().title("ticket-service").version("v1").description("""
                        Support tickets and their status workflow. Every call needs a bearer JWT: `sub` is the user, \
                        `name` the display name, `roles` containing `admin` sees every team. Anyone else sees and \
                        changes only the tickets of teams they belong to; other tickets answer 404. Errors are \
                        RFC 9457 problem details; a 400 lists each bad field in `errors`."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
