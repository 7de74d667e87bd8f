package org.techmarket.web.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.techmarket.web.base.Fmt;

/**
 * Words in Chinese ({@code zh}) or in English ({@code en}) whatever the page's language, for a page that shows both
 * side by side; read from the same bundles as the pages, with their keys and enum labels.
 */
record Bilingual(MessageSource messages) {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    public String text(String lang, String key) {
        return messages.getMessage(key, null, key, locale(lang));
    }

    public String text(String lang, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale(lang));
    }

    public String label(String lang, Enum<?> constant) {
        return constant == null ? "" : text(lang, Fmt.key(constant));
    }

    public String date(String lang, LocalDate date) {
        return (chinese(lang) ? ZH_DATE : EN_DATE).format(date);
    }

    public String time(String lang, Instant instant, ZoneId zone) {
        return (chinese(lang) ? ZH_TIME : EN_TIME).format(instant.atZone(zone));
    }

    private static boolean chinese(String lang) {
        return "zh".equals(lang);
    }

    private static Locale locale(String lang) {
        return chinese(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
