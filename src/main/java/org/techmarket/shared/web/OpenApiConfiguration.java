package org.techmarket.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.TreeSet;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.shared.Money;

/** Describes the public API in the OpenAPI document: its purpose, its bearer-token authentication, and Money. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Money reads and writes itself through a small JSON record; describe the form clients see instead.
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        Money.class,
                        new ObjectSchema()
                                .description(
                                        "An amount of money: a decimal string with at most two decimals, and a currency")
                                .addProperty(
                                        "amount",
                                        new StringSchema()
                                                .pattern("^-?\\d{1,15}(\\.\\d{1,2})?$")
                                                .example("1250.00"))
                                .addProperty(
                                        "currency",
                                        new StringSchema()
                                                ._enum(new TreeSet<>(Money.CURRENCIES)
                                                        .stream().toList())
                                                ._default(Money.DEFAULT_CURRENCY)));
    }

    @Bean
    OpenAPI techmarketApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("techmarket API")
                        .version("v1")
                        .description("A unified, open technology factor market: participants, the technology asset "
                                + "registry, rights, money and the audit trail. Log in with POST /api/v1/tokens and "
                                + "send the token as 'Authorization: Bearer <token>'. Errors are "
                                + "application/problem+json with a stable 'code'.")
                        .license(new License().name("Open data: registry reads are public")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
