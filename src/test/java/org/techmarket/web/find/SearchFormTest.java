package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchFormTest {

    @Test
    void aFacetValueTogglesOnAndOffKeepingTheWordsAndTheOtherFacets() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", "电池 储能");
        params.add("industry", "NEW_ENERGY_STORAGE");
        params.add("kind", "INVENTION_PATENT,KNOW_HOW");
        SearchForm form = SearchForm.of(params);

        assertThat(form.toggle("industry", "NEW_ENERGY_STORAGE"))
                .isEqualTo("/search?q=%E7%94%B5%E6%B1%A0%20%E5%82%A8%E8%83%BD&kind=INVENTION_PATENT&kind=KNOW_HOW");
        assertThat(form.toggle("province", "110000"))
                .isEqualTo("/search?q=%E7%94%B5%E6%B1%A0%20%E5%82%A8%E8%83%BD&industry=NEW_ENERGY_STORAGE"
                        + "&kind=INVENTION_PATENT&kind=KNOW_HOW&province=110000");
        assertThat(form.next("abc")).endsWith("&cursor=abc");
    }

    @Test
    void wordsThatLookLikeSyntaxStayWords() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", "C++ & {x}=1");
        params.add("mode", "hybrid");

        assertThat(SearchForm.of(params).link()).isEqualTo("/search?q=C%2B%2B%20%26%20%7Bx%7D%3D1&mode=hybrid");
    }

    @Test
    void aFormWithNothingChosenIsTheBareSearch() {
        assertThat(SearchForm.of(new LinkedMultiValueMap<>()).link()).isEqualTo("/search");
    }
}
