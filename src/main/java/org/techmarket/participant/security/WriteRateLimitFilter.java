package org.techmarket.participant.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.SharedCodes;

/**
 * Limits the rate of writes to the API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/}),
 * per bearer token and per client address ({@code techmarket.rate-limit.*}): a write beyond either allowance is
 * refused with 429 {@code RATE_LIMITED} and {@code Retry-After}, before it reaches the market, so it changes nothing.
 * Reads are never limited. It runs after the security filters, so a refused token has already been answered with 401.
 */
@Component
class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String BEARER = "Bearer ";

    private final WriteRateLimiter limiter;
    private final ClientAddresses clients;

    WriteRateLimitFilter(
            @Value("${techmarket.rate-limit.token.writes:600}") long tokenWrites,
            @Value("${techmarket.rate-limit.token.period:PT1M}") Duration tokenPeriod,
            @Value("${techmarket.rate-limit.address.writes:6000}") long addressWrites,
            @Value("${techmarket.rate-limit.address.period:PT1M}") Duration addressPeriod,
            @Value("${techmarket.rate-limit.max-buckets:100000}") int maxBuckets,
            Clock clock,
            ClientAddresses clients) {
        this.limiter = new WriteRateLimiter(
                new WriteRateLimiter.Allowance(tokenWrites, tokenPeriod),
                new WriteRateLimiter.Allowance(addressWrites, addressPeriod),
                maxBuckets,
                clock);
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Long> retryAfter = limiter.take(clients.of(request), token(request));
        if (retryAfter.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.get()));
            ProblemWriter.write(
                    response,
                    429,
                    "Too Many Requests",
                    SharedCodes.RATE_LIMITED,
                    "Too many writes; try again in " + retryAfter.get() + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A digest of the request's bearer token, which names its bucket without keeping the token itself. */
    private static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
