package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchModeTest {

    @Test
    void aModeIsNamedInAnyCase() {
        assertThat(SearchMode.parse("hybrid")).contains(SearchMode.HYBRID);
        assertThat(SearchMode.parse(" Words ")).contains(SearchMode.WORDS);
        assertThat(SearchMode.parse("VECTORS")).contains(SearchMode.VECTORS);
        assertThat(SearchMode.parse("bm25")).isEmpty();
        assertThat(SearchMode.parse("")).isEmpty();
    }
}
