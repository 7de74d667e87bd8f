package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerTest {

    @Test
    void theLanguageSwitchKeepsEveryOtherParameterAsItWas() {
        assertThat(Viewer.withLanguage(null, "en")).isEqualTo("lang=en");
        assertThat(Viewer.withLanguage("", "zh")).isEqualTo("lang=zh");
        assertThat(Viewer.withLanguage("lang=en", "zh")).isEqualTo("lang=zh");
        assertThat(Viewer.withLanguage("q=%E7%94%B5%E6%B1%A0&lang=zh&industry=NEW_ENERGY_STORAGE", "en"))
                .isEqualTo("q=%E7%94%B5%E6%B1%A0&industry=NEW_ENERGY_STORAGE&lang=en");
        assertThat(Viewer.withLanguage("proposed&language=x&lang", "en")).isEqualTo("proposed&language=x&lang=en");
    }
}
