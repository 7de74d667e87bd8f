package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The workspace's users section is paged like the others, with its own place in the address, and its draft-a-listing
 * form offers every asset the organization may list, whichever page of the assets section is shown; an asset still
 * waiting for a co-owner's confirmation, or another organization's, is not offered.
 */
class WorkspaceUsersAndAssetPickerIT extends WebIntegrationTest {

    private static final Pattern USERS_NEXT = Pattern.compile("href=\"(/workspace\\?users=[^\"]+)\" rel=\"next\"");
    private static final Pattern USER_ROW = Pattern.compile("data-user-id=\"([^\"]+)\"");
    private static final Pattern ASSET_ROW = Pattern.compile("data-asset-id=\"([^\"]+)\"");
    private static final Pattern PICKER =
            Pattern.compile("<select id=\"listing-asset\"[^>]*>(.*?)</select>", Pattern.DOTALL);

    @Test
    void anAdminWithThreeUsersPagesThroughThemTwoAtATime() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String second = addUser(org, Fixtures.unique("second"));
        String third = addUser(org, Fixtures.unique("third"));
        PageClient page = signedIn(org);

        PageClient.Counted first = page.counted("/workspace?limit=2");
        assertThat(first.page().status()).isEqualTo(200);
        String firstHtml = first.page().html();
        List<String> firstUsers = all(USER_ROW, firstHtml);
        assertThat(firstUsers).hasSize(2);
        Matcher next = USERS_NEXT.matcher(firstHtml);
        assertThat(next.find()).as("a link to the users' next page").isTrue();
        String nextPage = next.group(1).replace("&amp;", "&");
        assertThat(nextPage).endsWith("&limit=2#users");

        PageClient.Counted rest = page.counted(nextPage);
        assertThat(rest.page().status()).isEqualTo(200);
        String restHtml = rest.page().html();
        List<String> restUsers = all(USER_ROW, restHtml);
        assertThat(restUsers).hasSize(1).doesNotContainAnyElementsOf(firstUsers);
        assertThat(firstHtml + restHtml).contains(second).contains(third);
        assertThat(restHtml).doesNotContain("rel=\"next\"").contains("href=\"/workspace?limit=2#users\" rel=\"first\"");
        assertThat(rest.statements())
                .as("the users' second page runs the first's statements")
                .isEqualTo(first.statements());

        PageClient.Page refused = page.get("/workspace?users=***");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void theDraftFormOffersEveryListableAssetButNotOnesWaitingForACoOwnerNorAnotherOrganizations() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org partner = fixtures.verifiedOrg("ENTERPRISE");
        List<String> listable = List.of(
                register(seller, Fixtures.unique("Picker asset A"), List.of(share(seller, "100"))),
                register(seller, Fixtures.unique("Picker asset B"), List.of(share(seller, "100"))),
                register(seller, Fixtures.unique("Picker asset C"), List.of(share(seller, "100"))));
        String waiting = register(
                seller, Fixtures.unique("Picker co-owned"), List.of(share(seller, "60"), share(partner, "40")));
        String theirs = register(partner, Fixtures.unique("Picker theirs"), List.of(share(partner, "100")));

        PageClient.Page one = signedIn(seller).get("/workspace?limit=1");
        assertThat(one.status()).isEqualTo(200);
        String picker = picker(one.html());
        assertThat(listable).allSatisfy(title -> assertThat(picker).contains(title));
        assertThat(all(ASSET_ROW, one.html()))
                .as("the assets section's page holds one")
                .hasSize(1);
        assertThat(picker).doesNotContain(waiting).doesNotContain(theirs);

        PageClient.Counted counted = signedIn(seller).counted("/workspace");
        PageClient.Page whole = counted.page();
        assertThat(all(ASSET_ROW, whole.html())).hasSize(4);
        assertThat(whole.html()).contains(waiting);
        assertThat(picker(whole.html())).doesNotContain(waiting).doesNotContain(theirs);
        String partnerName = api.get("/api/v1/organizations/" + partner.id(), partner.token())
                .text("name");
        assertThat(whole.html())
                .as("the co-owned asset names its co-owner")
                .contains(partnerName + " 40")
                .contains(api.get("/api/v1/organizations/" + seller.id(), seller.token())
                                .text("name") + " 60");
        assertThat(counted.statements())
                .as(
                        "the session's check; every section with the organization itself; then the co-owner's name: %s",
                        counted.sql())
                .isEqualTo(3);
    }

    private static Map<String, Object> share(Org owner, String percent) {
        return Map.of("organizationId", owner.id(), "share", percent);
    }

    private String register(Org owner, String title, List<Map<String, Object>> owners) {
        Map<String, Object> asset = Fixtures.knowHowAsset(owner.id());
        asset.put("title", title);
        asset.put("owners", owners);
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return title;
    }

    private String addUser(Org org, String username) {
        Api.Response added = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", username, "password", "a long enough password", "displayName", username));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return username;
    }

    private static List<String> all(Pattern pattern, String html) {
        return pattern.matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static String picker(String html) {
        Matcher select = PICKER.matcher(html);
        assertThat(select.find()).as("the draft form's asset picker").isTrue();
        return select.group(1);
    }
}
