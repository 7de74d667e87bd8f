package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class SearchFormTest {

    @Test
    void aPageShowsTenHitsUnlessTheAddressNamesAnotherSizeAndTheNextPageKeepsTheSizeAsked() {
        LinkedMultiValueMap<String, String> plain = new LinkedMultiValueMap<>();
        plain.add("q", "battery");
        SearchForm form = SearchForm.of(plain);
        assertThat(form.request().limit()).isEqualTo("10");
        assertThat(form.next("c1")).isEqualTo("/search?q=battery&cursor=c1");
        assertThat(form.toSave().limit())
                .as("a saved search names no page size")
                .isNull();

        LinkedMultiValueMap<String, String> sized = new LinkedMultiValueMap<>(plain);
        sized.add("limit", "25");
        SearchForm asked = SearchForm.of(sized);
        assertThat(asked.request().limit()).isEqualTo("25");
        assertThat(asked.next("c1")).isEqualTo("/search?q=battery&limit=25&cursor=c1");
    }
}
