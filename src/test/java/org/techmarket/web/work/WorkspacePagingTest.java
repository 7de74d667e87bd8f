package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Rejection;

class WorkspacePagingTest {

    private static final String DEALS_AT = Cursor.encode("deal-7");
    private static final String ASSETS_NEXT = Cursor.encode("asset-9");

    @Test
    void aSectionsNextPageKeepsEveryOtherSectionWhereItIsAndThePageSize() {
        WorkspacePaging paging = paging(Map.of("deals", DEALS_AT, "limit", "5"))
                .withNext(Map.of("assets", Optional.of(ASSETS_NEXT), "deals", Optional.empty()));

        assertThat(paging.limit()).isEqualTo(5);
        assertThat(paging.cursor("deals")).isEqualTo(DEALS_AT);
        assertThat(paging.cursor("assets")).isNull();
        assertThat(paging.more("assets")).isTrue();
        assertThat(paging.more("deals")).isFalse();
        assertThat(paging.paged("deals")).isTrue();
        assertThat(paging.nextLink("assets"))
                .isEqualTo("/workspace?assets=" + ASSETS_NEXT + "&deals=" + DEALS_AT + "&limit=5#assets");
        assertThat(paging.firstLink("deals")).isEqualTo("/workspace?limit=5#deals");
    }

    @Test
    void withoutAPageSizeEachSectionShowsTwentyRowsAndTheLinksNameNone() {
        WorkspacePaging paging = paging(Map.of()).withNext(Map.of("bids", Optional.of(ASSETS_NEXT)));

        assertThat(paging.limit()).isEqualTo(WorkspacePaging.SHOWN).isEqualTo(20);
        assertThat(paging.nextLink("bids")).isEqualTo("/workspace?bids=" + ASSETS_NEXT + "#bids");
        assertThat(paging.paged("bids")).isFalse();
    }

    @Test
    void aPlaceOrAPageSizeTheWorkspaceDidNotGiveIsRefused() {
        for (Map<String, String> refused : List.of(
                Map.of("offers", "***"), Map.of("limit", "0"), Map.of("limit", "201"), Map.of("limit", "many"))) {
            assertThatThrownBy(() -> paging(refused))
                    .as(refused.toString())
                    .isInstanceOf(Rejection.class)
                    .satisfies(e -> assertThat(((Rejection) e).kind()).isEqualTo(Rejection.Kind.INVALID));
        }
    }

    private static WorkspacePaging paging(Map<String, String> params) {
        LinkedMultiValueMap<String, String> request = new LinkedMultiValueMap<>();
        params.forEach(request::add);
        return WorkspacePaging.of(request);
    }
}
