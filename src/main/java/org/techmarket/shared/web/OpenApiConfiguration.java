package org.techmarket.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the public API in the OpenAPI document: its purpose and its bearer-token authentication. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI techmarketApi() {
        return new OpenAPI()
                .info(new Info().title("techmarket API").version("v1")
                        .description("A unified, open technology factor market: participants, the technology asset "
                                + "registry, rights, money and the audit trail. Log in with POST /api/v1/tokens and "
                                + "send the token as 'Authorization: Bearer <token>'. Errors are "
                                + "application/problem+json with a stable 'code'.")
                        .license(new License().name("Open data: registry reads are public")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
