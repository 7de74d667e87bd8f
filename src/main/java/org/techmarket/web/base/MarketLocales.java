package org.techmarket.web.base;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page's language: Chinese or English only. A {@code ?lang=zh|en} switch is remembered in the {@code lang}
 * cookie for a year; without one the browser's {@code Accept-Language} chooses, and Chinese is the market's default.
 */
public final class MarketLocales implements LocaleResolver {

    /** The cookie (and the request parameter) that holds the chosen language. */
    public static final String COOKIE = "lang";

    public static final Locale CHINESE = Locale.forLanguageTag("zh");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> fromHeader(request.getHeader("Accept-Language")));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        supported(locale == null ? null : locale.getLanguage()).ifPresent(chosen -> {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            request.setAttribute(COOKIE, chosen);
        });
    }

    /** The language a switch in this request or the cookie names, when it is one the market speaks. */
    private static Optional<Locale> chosen(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof Locale switched) {
            return Optional.of(switched);
        }
        // A page no handler answered (a missing page) never met the switch, but still speaks the language it asks.
        if ("GET".equals(request.getMethod())) {
            Optional<Locale> asked = supported(request.getParameter(COOKIE));
            if (asked.isPresent()) {
                return asked;
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static Locale fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                Optional<Locale> match = supported(range.getRange().split("-")[0]);
                if (match.isPresent()) {
                    return match.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }

    static Optional<Locale> supported(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String lower = language.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(lower)).findFirst();
    }
}
