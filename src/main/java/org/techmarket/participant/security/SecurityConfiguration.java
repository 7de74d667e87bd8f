package org.techmarket.participant.security;

import jakarta.servlet.DispatcherType;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.techmarket.participant.application.Mandating;
import org.techmarket.participant.application.TokenService;
import org.techmarket.participant.application.UserStanding;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.SharedCodes;

/**
 * Who may call what, at the door: the open parts of the API (registration, log-in, reference data, the public
 * registry) need no token; everything else under {@code /api} needs a bearer token. Of the operations endpoints only
 * health is open; metrics need an operator's or a regulator's token. Finer rules, such as which organization may
 * change what, are checked in each module's application layer. The web market's pages log in with a session
 * instead (ADR 0047). Every answer carries a strict Content-Security-Policy
 * (no inline script or style), a Referrer-Policy and a Permissions-Policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    /**
     * The security filters, authentication and authorization are not observed one by one (the request as a whole
     * still is, in {@code http.server.requests}). {@code management.observations.enable.spring.security=false} alone
     * only made each observation a no-op: every filter of every request was still wrapped, named and given a context.
     * Without observations asked for, the chain runs its filters as they are.
     */
    @Bean
    SecurityObservationSettings unobservedSecurity() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${techmarket.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    /**
     * Passwords are checked only by {@code TokenService} (for a token or for a page session); this keeps Spring from
     * inventing a user.
     */
    @Bean
    UserDetailsService noFormLogin() {
        return username -> {
            throw new UsernameNotFoundException(username);
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, Mandating mandates, RefusedAccess refused)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::headers)
                .addFilterBefore(
                        new BearerTokenFilter(tokens, Optional.of(mandates)), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AccessDeniedRecorder(refused), BearerTokenFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // The async dispatch that ends a streamed response (Server-Sent Events) belongs to a request
                        // that was authorized when it arrived; the token is not read again for it.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations", "/api/v1/tokens")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/reference/**", "/api/v1/assets", "/api/v1/assets/*")
                        .permitAll()
                        // The market's verifiable log is read by anyone: checkpoints, key, entries, proofs (ADR 0036).
                        .requestMatchers(HttpMethod.GET, "/api/v1/log/**")
                        .permitAll()
                        // the value-chain observatory's open data
                        .requestMatchers(HttpMethod.GET, "/api/v1/observatory/**")
                        .permitAll()
                        // the market's open statistics
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics/**")
                        .permitAll()
                        // searching the market's public items (ADR 0043)
                        .requestMatchers(HttpMethod.GET, "/api/v1/search")
                        .permitAll()
                        // published needs and challenges, and what matches them (VERIFIED_ONLY ones stay hidden)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/needs",
                                "/api/v1/needs/*",
                                "/api/v1/needs/*/matches",
                                "/api/v1/challenges",
                                "/api/v1/challenges/*",
                                "/api/v1/assets/*/matches")
                        .permitAll()
                        // a technology broker's public record (ADR 0053)
                        .requestMatchers(HttpMethod.GET, "/api/v1/brokers/*")
                        .permitAll()
                        // venues, their terms, cross-listings, figures and public events; not fee statements or
                        // concerns
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/venues",
                                "/api/v1/venues/*",
                                "/api/v1/venues/*/cross-listings",
                                "/api/v1/venues/*/statistics",
                                "/api/v1/venues/*/events",
                                "/api/v1/listings/*/venue-terms")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemWriter.write(
                                response,
                                401,
                                "Unauthorized",
                                SharedCodes.UNAUTHENTICATED,
                                "This call needs a bearer token"))
                        .accessDeniedHandler((request, response, ex) -> ProblemWriter.write(
                                response, 403, "Forbidden", SharedCodes.FORBIDDEN, "You may not do this")));
        return http.build();
    }

    /**
     * The operations endpoints, on the application's port or on {@code management.server.port}: health is open (for
     * load balancers and probes), everything else (metrics, Prometheus) needs an operator's or a regulator's token.
     */
    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, TokenService tokens, RefusedAccess refused) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::headers)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AccessDeniedRecorder(refused), BearerTokenFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .anyRequest()
                                .hasAnyRole("OPERATOR", "REGULATOR"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemWriter.write(
                                response,
                                401,
                                "Unauthorized",
                                SharedCodes.UNAUTHENTICATED,
                                "This call needs an operator's or a regulator's bearer token"))
                        .accessDeniedHandler((request, response, ex) -> ProblemWriter.write(
                                response,
                                403,
                                "Forbidden",
                                SharedCodes.FORBIDDEN,
                                "Only operators and regulators may read the market's metrics")));
        return http.build();
    }

    /**
     * The web market's pages: a session made by form log-in at {@code /login} (the same names, passwords, throttling
     * and refusals as {@code POST /api/v1/tokens}), CSRF tokens on every form, log-out by {@code POST /logout}. The
     * principal in the session is the very {@link org.techmarket.shared.Actor} a bearer token gives. Pages that show
     * the public market are open; every other page sends a visitor to the log-in page.
     */
    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, TokenService tokens, ClientAddresses clients, UserStanding standing)
            throws Exception {
        SessionLogIn logIn = new SessionLogIn(tokens);
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        http.authenticationManager(new ProviderManager(logIn))
                // a deactivated user's session ends on its next request (ADR 0057)
                .addFilterBefore(new DeactivatedSessions(standing), AuthorizationFilter.class)
                // tokens and their masks from each thread's own generator, not the JVM's shared one (ADR 0090)
                .csrf(csrf -> csrf.csrfTokenRepository(new CsrfTokens(random))
                        .csrfTokenRequestHandler(CsrfTokens.maskedPerRequest(random)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(SecurityConfiguration::headers)
                .formLogin(form -> form.loginPage(SessionLogIn.PAGE)
                        .authenticationDetailsSource(clients::origin)
                        .failureHandler(SessionLogIn::refused)
                        .defaultSuccessUrl("/")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl(SessionLogIn.PAGE + "?signedOut")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.accessDeniedHandler(SessionLogIn.deniedPage()))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** What anyone may read without logging in: the public market, log-in and registration, static files. */
    static final String[] PUBLIC_PAGES = {
        "/",
        "/search",
        "/assets/**",
        "/listings/**",
        "/needs/**",
        "/challenges/**",
        "/observatory",
        SessionLogIn.PAGE,
        "/register",
        "/register/**",
        "/denied",
        "/error",
        "/css/**",
        "/js/**",
        "/images/**",
        "/webjars/**",
        "/favicon.ico",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/v3/api-docs/**"
    };

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
