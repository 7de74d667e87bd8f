package org.techmarket.participant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The pages' CSRF tokens: kept in the {@code XSRF-TOKEN} cookie and sent back in the {@code _csrf} form field or the
 * {@code X-XSRF-TOKEN} header, as Spring Security's cookie repository keeps them, but made from a random source of each
 * thread's own ({@link PerThreadSecureRandom}) instead of {@code UUID.randomUUID()}, whose generator the whole JVM
 * shares under one lock. A token is still a random (version 4) UUID, 122 random bits.
 */
final class CsrfTokens implements CsrfTokenRepository {

    static final String PARAMETER = "_csrf";
    static final String HEADER = "X-XSRF-TOKEN";

    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
    private final SecureRandom random;

    CsrfTokens(SecureRandom random) {
        this.random = random;
        cookies.setParameterName(PARAMETER);
        cookies.setHeaderName(HEADER);
    }

    /**
     * The handler that hands a page its token masked anew on every request (against BREACH), with its masks from the
     * same kind of source.
     */
    static XorCsrfTokenRequestAttributeHandler maskedPerRequest(SecureRandom random) {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(random);
        return handler;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, randomUuid());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookies.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }

    private String randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // RFC 9562: version 4 in the high nibble of byte 6, the variant 10 in the two high bits of byte 8.
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }
}
