package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorReadsBackAsTheKeyItWasMadeFrom() {
        String cursor = Cursor.encode("01a2515c-8a9d-7f73");

        assertThat(cursor).doesNotContain("01a2515c");
        assertThat(Cursor.decode(cursor)).contains("01a2515c-8a9d-7f73");
        assertThat(Cursor.decode(null)).isEmpty();
        assertThat(Cursor.decode(" ")).isEmpty();
    }

    @Test
    void aCursorNotMadeHereIsRefused() {
        assertThatThrownBy(() -> Cursor.decode("not*base64"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_CURSOR"));
    }

    @Test
    void aPagesParametersNameItsFilterItsCursorAndItsLimit() {
        assertThat(Cursor.pageParams("seller", "org-1", Optional.of("listing-9"), 21))
                .containsExactlyInAnyOrderEntriesOf(Map.of("seller", "org-1", "after", "listing-9", "limit", 21));
        Map<String, Object> first = Cursor.pageParams("party", "org-2", Optional.empty(), 51);
        assertThat(first)
                .containsEntry("after", null)
                .containsEntry("party", "org-2")
                .containsEntry("limit", 51);
    }
}
