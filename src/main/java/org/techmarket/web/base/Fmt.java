package org.techmarket.web.base;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.techmarket.shared.ChineseAmount;
import org.techmarket.shared.Money;

/**
 * How pages write amounts, times and enums, as {@code ${@fmt...}} in a template: money grouped with its currency
 * (¥1,250.00, USD 1,250.00), the Chinese capitals a contract shows, times and dates in the user's time zone (the
 * {@code tz} cookie that the pages' script sets, Asia/Shanghai by default) and enums as words of the page's language.
 */
@Component("fmt")
public class Fmt {

    /** The cookie holding the browser's IANA time zone. */
    public static final String ZONE_COOKIE = "tz";

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final MessageSource messages;
    /** Enum labels by language: the bundles do not change while the market runs, so each is looked up once. */
    private final Map<Locale, Map<Enum<?>, String>> labels = new ConcurrentHashMap<>();

    public Fmt(MessageSource messages) {
        this.messages = messages;
    }

    /** An amount in minor units with its currency: {@code ¥1,250.00} for yuan, {@code USD 1,250.00} otherwise. */
    public String money(long minor, String currency) {
        return Money.of(minor, currency).withSymbol();
    }

    public String money(Money money) {
        return money == null ? "" : money.withSymbol();
    }

    /** An amount of yuan in the capital numerals of a contract: 壹仟贰佰伍拾元整. */
    public String capitals(long minor) {
        return ChineseAmount.inWords(minor);
    }

    /** Date and time of day in the user's zone and the page's language. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return (chinese() ? ZH_TIME : EN_TIME).format(instant.atZone(zone()));
    }

    /** Times in the user's zone and the page's language, both worked out once for a page's rows. */
    public record Times(DateTimeFormatter format, ZoneId zone) {

        /** Date and time of day, as {@link Fmt#time(Instant)} writes it. */
        public String time(Instant instant) {
            return instant == null ? "" : format.format(instant.atZone(zone));
        }
    }

    /** How this page writes times: its language's format and the user's zone. */
    public Times times() {
        return new Times(chinese() ? ZH_TIME : EN_TIME, zone());
    }

    /** A whole number with its thousands grouped by commas, as both languages' pages write figures: 12,345. */
    public static String grouped(long number) {
        String digits = Long.toString(Math.abs(number));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (number < 0) {
            text.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    /** The date in the user's zone and the page's language. */
    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return (chinese() ? ZH_DATE : EN_DATE).format(instant.atZone(zone()));
    }

    /** The instant as ISO-8601 UTC, for {@code datetime} and {@code data-ends-at} attributes. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The enum constant as words of the page's language, from the keys {@code enum.<SimpleName>.<CONSTANT>}. */
    public String label(Enum<?> constant) {
        if (constant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return labels.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(constant, c -> messages.getMessage(key(c), null, words(c.name()), locale));
    }

    /** The message key of an enum constant's label. */
    public static String key(Enum<?> constant) {
        return "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
    }

    /** The user's time zone: the {@code tz} cookie when it names a zone, otherwise Asia/Shanghai. */
    public ZoneId zone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return DEFAULT_ZONE;
        }
        return zoneOf(attributes.getRequest());
    }

    static ZoneId zoneOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ZONE_COOKIE.equals(cookie.getName())) {
                    return parseZone(cookie.getValue());
                }
            }
        }
        return DEFAULT_ZONE;
    }

    static ZoneId parseZone(String value) {
        if (value == null || value.length() > 64) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(value.replace("%2F", "/"));
        } catch (DateTimeException invalid) {
            return DEFAULT_ZONE;
        }
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
