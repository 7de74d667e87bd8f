package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.grant;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Who sees which grants: owners and the market's staff see all, parties their own, anyone else nothing. */
class RightsVisibilityIT extends IntegrationTest {

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org shenzhen;
    private Fixtures.Org shanghai;
    private String patent;
    private String toShenzhen;
    private String toShanghai;

    @BeforeEach
    void twoLicences() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("RESEARCH_INSTITUTE");
        shenzhen = kit.verified("ENTERPRISE");
        shanghai = kit.verified("ENTERPRISE");
        patent = kit.patent(owner);
        toShenzhen = kit.granted(owner, patent, grant("NON_EXCLUSIVE_LICENCE", shenzhen.id(), "G06N", "440300"));
        toShanghai = kit.granted(owner, patent, grant("NON_EXCLUSIVE_LICENCE", shanghai.id(), "G06N", "310000"));
    }

    @Test
    void ownersOperatorsAndRegulatorsSeeEveryGrantOnTheAsset() {
        for (String token : List.of(owner.token(), ADMIN_TOKEN, kit.regulator())) {
            assertThat(ids(api.get("/api/v1/assets/" + patent + "/grants", token)))
                    .containsExactly(toShenzhen, toShanghai);
            assertThat(api.get("/api/v1/grants/" + toShanghai, token).status()).isEqualTo(200);
        }
    }

    @Test
    void aGranteeSeesOnlyItsOwnGrantAndAStrangerSeesNone() {
        assertThat(ids(api.get("/api/v1/assets/" + patent + "/grants", shenzhen.token())))
                .containsExactly(toShenzhen);
        assertThat(api.get("/api/v1/grants/" + toShenzhen, shenzhen.token()).status())
                .isEqualTo(200);

        Api.Response hidden = api.get("/api/v1/grants/" + toShanghai, shenzhen.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("NOT_FOUND");
        assertThat(hidden.text("detail"))
                .isEqualTo(api.get("/api/v1/grants/no-such-grant", shenzhen.token())
                        .text("detail")
                        .replace("no-such-grant", toShanghai));

        Fixtures.Org stranger = kit.verified("ENTERPRISE");
        assertThat(ids(api.get("/api/v1/assets/" + patent + "/grants", stranger.token())))
                .isEmpty();
        assertThat(api.get("/api/v1/grants/" + toShenzhen, stranger.token()).status())
                .isEqualTo(404);
    }

    @Test
    void listsPageWithACursorAndRefuseBadParameters() {
        Api.Response first = api.get("/api/v1/assets/" + patent + "/grants?limit=1", owner.token());
        assertThat(ids(first)).containsExactly(toShenzhen);
        Api.Response second = api.get(
                "/api/v1/assets/" + patent + "/grants?limit=1&cursor=" + first.text("nextCursor"), owner.token());
        assertThat(ids(second)).containsExactly(toShanghai);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();

        assertThat(api.get("/api/v1/assets/" + patent + "/grants?limit=0", owner.token())
                        .code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(api.get("/api/v1/assets/" + patent + "/grants?cursor=%25%25", owner.token())
                        .code())
                .isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/assets/no-such-asset/grants", owner.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/assets/" + patent + "/grants", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/grants/" + toShenzhen, null).status()).isEqualTo(401);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
