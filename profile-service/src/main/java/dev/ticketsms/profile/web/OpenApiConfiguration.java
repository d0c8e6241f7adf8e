package dev.ticketsms.profile.web;

import dev.ticketsms.profile.teams.UnknownTeamException;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description at /v3/api-docs: every endpoint takes a bearer JWT from the configured issuer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI profileServiceApi() {
        return new OpenAPI()
                .info(new Info().title("profile-service")
                        .description("User profiles (phone number, SMS opt-in and consent, preferences), teams, and the "
                                + "internal SMS recipient lookup. Errors are RFC 9457 problem details; a 400 lists "
                                + "each bad field in errors[]. A team that does not exist is a 404 of problem type "
                                + UnknownTeamException.TYPE + " (title \"Team not found\"), so callers can tell it "
                                + "from any other 404.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("sub = user id, name, roles (admin); service tokens carry scope notifications:recipients "
                                + "(recipient lookups) or teams:membership (membership check)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
