package org.techmarket.web.base;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;

/**
 * China's provinces in the page's language, as {@code ${@provinces...}} in a template: the Chinese names are the
 * reference data's ({@code reference/province.csv}), the English ones the messages {@code region.<code>}. A code
 * that names no province, and a province without an English message, is shown as it is written.
 */
@Component("provinces")
public class Provinces {

    /** A province to choose, named in the page's language. */
    public record Choice(String code, String name) {}

    private static final Map<String, Region> BY_CODE = Regions.load().provinces().stream()
            .collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));

    private final MessageSource messages;

    public Provinces(MessageSource messages) {
        this.messages = messages;
    }

    /** The province's name in the page's language; a code that names no province as it is. */
    public String name(String code) {
        Region province = code == null ? null : BY_CODE.get(code);
        if (province == null) {
            return code == null ? "" : code;
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return province.name();
        }
        return messages.getMessage("region." + code, null, province.name(), locale);
    }

    /**
     * A grant's territory in the page's language: the whole world, China, or a province.
     */
    public String territory(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return switch (code == null ? "" : code) {
            case "WORLD" -> messages.getMessage("find.asset.world", null, code, locale);
            case "CN" -> messages.getMessage("find.asset.china", null, code, locale);
            default -> name(code);
        };
    }

    /** Every province, ordered by code, named in the page's language. */
    public List<Choice> all() {
        return Regions.load().provinces().stream()
                .map(p -> new Choice(p.code(), name(p.code())))
                .toList();
    }
}
