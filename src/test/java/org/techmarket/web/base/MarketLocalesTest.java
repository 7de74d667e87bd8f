package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MarketLocalesTest {

    private final MarketLocales locales = new MarketLocales();

    @Test
    void theBrowsersLanguageChoosesAmongChineseAndEnglishAndChineseIsTheDefault() {
        assertThat(MarketLocales.fromHeader("en-GB,en;q=0.9,zh;q=0.5")).isEqualTo(MarketLocales.ENGLISH);
        assertThat(MarketLocales.fromHeader("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(MarketLocales.CHINESE);
        assertThat(MarketLocales.fromHeader("fr-FR,de;q=0.9,en;q=0.5")).isEqualTo(MarketLocales.ENGLISH);
        assertThat(MarketLocales.fromHeader("fr-FR")).isEqualTo(MarketLocales.CHINESE);
        assertThat(MarketLocales.fromHeader(null)).isEqualTo(MarketLocales.CHINESE);
        assertThat(MarketLocales.fromHeader(";;q=x")).isEqualTo(MarketLocales.CHINESE);
    }

    @Test
    void aSwitchIsRememberedInTheCookieAndOutranksTheBrowser() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "zh-CN");
        MockHttpServletResponse response = new MockHttpServletResponse();

        locales.setLocale(request, response, MarketLocales.ENGLISH);

        assertThat(response.getCookie("lang").getValue()).isEqualTo("en");
        assertThat(locales.resolveLocale(request)).isEqualTo(MarketLocales.ENGLISH);
        MockHttpServletRequest next = new MockHttpServletRequest();
        next.addHeader("Accept-Language", "zh-CN");
        next.setCookies(response.getCookie("lang"));
        assertThat(locales.resolveLocale(next)).isEqualTo(MarketLocales.ENGLISH);
    }

    @Test
    void otherLanguagesAreNotTaken() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        locales.setLocale(request, response, java.util.Locale.FRENCH);
        assertThat(response.getCookie("lang")).isNull();
        request.setCookies(new jakarta.servlet.http.Cookie("lang", "fr"));
        assertThat(locales.resolveLocale(request)).isEqualTo(MarketLocales.CHINESE);
    }
}
