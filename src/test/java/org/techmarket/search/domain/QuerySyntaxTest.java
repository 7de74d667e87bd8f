package org.techmarket.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.search.SearchCodes;
import org.techmarket.search.SearchRequest;
import org.techmarket.shared.Rejection;

/** A query is words and double-quoted phrases: a phrase left open or holding no words is broken syntax. */
class QuerySyntaxTest {

    private static final Criteria.Known NOTHING_MORE = new Criteria.Known() {
        @Override
        public Set<String> types() {
            return Set.of("asset");
        }

        @Override
        public boolean value(String field, String value) {
            return false;
        }
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "fuel cell",
                "\"fuel cell\"",
                "\"solid electrolyte\" battery \"燃料电池\"",
                "title:(foo AND bar) ~ * ? \\",
                "\"!!!\"",
                "a\"b\"c"
            })
    void wordsAndClosedPhrasesAreAccepted(String q) {
        assertThat(Criteria.of(SearchRequest.words(q), NOTHING_MORE).words()).isEqualTo(q.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"open phrase", "battery \"\"", "\"  \" battery", "\"\"\"\"", "a\"b\"c\"", "\"", "\"\t\""})
    void aPhraseLeftOpenOrEmptyIsBrokenSyntax(String q) {
        assertThatThrownBy(() -> Criteria.of(SearchRequest.words(q), NOTHING_MORE))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo(SearchCodes.QUERY_SYNTAX.name()));
    }
}
