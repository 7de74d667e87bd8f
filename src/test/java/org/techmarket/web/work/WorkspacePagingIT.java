package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The workspace pages through each of its sections: a seller with more assets than a page holds follows the assets'
 * next-page link to the rest, keeps its other sections where they were, and the second page runs as many statements
 * as the first. A place or a page size the workspace did not give is refused with a 400 page and changes nothing.
 */
class WorkspacePagingIT extends WebIntegrationTest {

    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final Pattern FIRST = Pattern.compile("href=\"([^\"]+)\" rel=\"first\"");

    @Test
    void aSellerWithThreeAssetsSeesTwoOnTheFirstPageAndTheThirdOnTheNext() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        List<String> titles = Stream.of("first", "second", "third")
                .map(which -> register(seller, Fixtures.unique("Paged asset " + which)))
                .toList();
        PageClient page = signedIn(seller);

        PageClient.Counted first = page.counted("/workspace?limit=2");
        assertThat(first.page().status()).isEqualTo(200);
        String firstHtml = withoutPicker(first.page().html());
        assertThat(titles.stream().filter(firstHtml::contains)).hasSize(2);
        assertThat(firstHtml).doesNotContain("rel=\"first\"");
        String next = link(NEXT, firstHtml);
        assertThat(next).startsWith("/workspace?assets=").endsWith("&limit=2#assets");

        PageClient.Counted second = page.counted(next);
        assertThat(second.page().status()).isEqualTo(200);
        String secondHtml = withoutPicker(second.page().html());
        assertThat(titles.stream().filter(secondHtml::contains)).hasSize(1);
        assertThat(titles.stream().filter(t -> firstHtml.contains(t) && secondHtml.contains(t)))
                .as("no asset on both pages")
                .isEmpty();
        assertThat(secondHtml).doesNotContain("rel=\"next\"");
        assertThat(link(FIRST, secondHtml)).isEqualTo("/workspace?limit=2#assets");
        assertThat(second.statements())
                .as("the second page runs the first page's statements")
                .isEqualTo(first.statements());
        assertThat(first.statements())
                .as(
                        "the session's check, then every section with the organization itself in one round trip: no"
                                + " co-owner to name: %s",
                        first.sql())
                .isEqualTo(2);
        assertThat(first.commits()).as("no transaction to commit (ADR 0118)").isZero();
    }

    @Test
    void aPlaceOrAPageSizeTheWorkspaceDidNotGiveIsRefusedWithA400Page() {
        Org seller = fixtures.verifiedOrg("ENTERPRISE");
        String title = register(seller, Fixtures.unique("Unpaged asset"));
        PageClient page = signedIn(seller);
        for (String refused : List.of(
                "/workspace?assets=%25%25not-a-cursor",
                "/workspace?deals=***", "/workspace?limit=0", "/workspace?limit=201", "/workspace?limit=many")) {
            PageClient.Page answer = page.get(refused);
            assertThat(answer.status()).as(refused).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(refused).startsWith("text/html");
        }
        PageClient.Page whole = page.get("/workspace");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.html()).contains(title).doesNotContain("rel=\"next\"");
    }

    private String register(Org owner, String title) {
        Map<String, Object> asset = Fixtures.knowHowAsset(owner.id());
        asset.put("title", title);
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return title;
    }

    /** The page without the draft form's asset picker, which offers every listable asset on every page. */
    private static String withoutPicker(String html) {
        return html.replaceAll("(?s)<select id=\"listing-asset\".*?</select>", "");
    }

    private static String link(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("a link " + pattern).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
