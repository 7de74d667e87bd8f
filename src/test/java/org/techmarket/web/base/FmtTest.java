package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.techmarket.asset.AssetKind;
import org.techmarket.shared.Money;

class FmtTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final Fmt fmt = new Fmt(messages);

    @AfterEach
    void forget() {
        LocaleContextHolder.resetLocaleContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void moneyIsGroupedWithItsCurrency() {
        assertThat(fmt.money(125_000L, "CNY")).isEqualTo("¥1,250.00");
        assertThat(fmt.money(30_000_000_000L, "CNY")).isEqualTo("¥300,000,000.00");
        assertThat(fmt.money(5L, "USD")).isEqualTo("USD 0.05");
        assertThat(fmt.money(Money.of(-125_050L, "EUR"))).isEqualTo("EUR -1,250.50");
        assertThat(fmt.money(null)).isEmpty();
    }

    @Test
    void capitalsAreThoseOfAContract() {
        assertThat(fmt.capitals(125_000L)).isEqualTo("壹仟贰佰伍拾元整");
        assertThat(fmt.capitals(100_005L)).isEqualTo("壹仟元零伍分");
    }

    @Test
    void timesAreInTheUsersZoneAndLanguage() {
        Instant instant = Instant.parse("2026-12-12T05:31:12Z");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("zh"));
        assertThat(fmt.time(instant)).as("Asia/Shanghai by default").isEqualTo("2026年12月12日 13:31");
        assertThat(fmt.date(instant)).isEqualTo("2026年12月12日");

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new jakarta.servlet.http.Cookie("tz", "Europe%2FBerlin"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("en"));
        assertThat(fmt.time(instant)).isEqualTo("12 Dec 2026, 06:31");
        assertThat(fmt.date(instant)).isEqualTo("12 Dec 2026");
        assertThat(fmt.iso(instant)).isEqualTo("2026-12-12T05:31:12Z");
        assertThat(fmt.time(null)).isEmpty();
    }

    @Test
    void aZoneCookieThatNamesNoZoneLeavesShanghai() {
        assertThat(Fmt.parseZone("Mars/Olympus")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Fmt.parseZone("../../etc")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Fmt.parseZone(null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Fmt.parseZone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void enumsReadAsWordsOfThePageLanguage() {
        messages.addMessage("enum.AssetKind.UTILITY_MODEL", Locale.forLanguageTag("zh"), "实用新型专利");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("zh"));
        assertThat(fmt.label(AssetKind.UTILITY_MODEL)).isEqualTo("实用新型专利");
        assertThat(fmt.label(AssetKind.KNOW_HOW))
                .as("an unlabelled constant as words")
                .isEqualTo("Know how");
        assertThat(fmt.label(null)).isEmpty();
    }

    @Test
    void aPagesTimesWriteAsTimeDoesAndFiguresAreGrouped() {
        Instant instant = Instant.parse("2026-12-12T05:31:12Z");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("en"));
        assertThat(fmt.times().time(instant)).isEqualTo(fmt.time(instant)).isEqualTo("12 Dec 2026, 13:31");
        assertThat(fmt.times().time(null)).isEmpty();

        assertThat(Fmt.grouped(1_234_567)).isEqualTo("1,234,567");
        assertThat(Fmt.grouped(0)).isEqualTo("0");
        assertThat(Fmt.grouped(999)).isEqualTo("999");
        assertThat(Fmt.grouped(-12_345)).isEqualTo("-12,345");
    }

    @Test
    void aLabelKeptForOneLanguageIsNotShownInTheOther() {
        messages.addMessage("enum.AssetKind.UTILITY_MODEL", Locale.forLanguageTag("zh"), "实用新型专利");
        messages.addMessage("enum.AssetKind.UTILITY_MODEL", Locale.forLanguageTag("en"), "Utility model");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("zh"));
        assertThat(fmt.label(AssetKind.UTILITY_MODEL)).isEqualTo("实用新型专利");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("en"));
        assertThat(fmt.label(AssetKind.UTILITY_MODEL)).isEqualTo("Utility model");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("zh"));
        assertThat(fmt.label(AssetKind.UTILITY_MODEL)).isEqualTo("实用新型专利");
    }
}
