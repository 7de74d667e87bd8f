package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.StatementCounting;
import org.techmarket.support.WebIntegrationTest;

/**
 * The front page, read in one transaction, shows the market as it is: an asset registered now is among the newest
 * technology and counted in the figures on the next visit; and it reads only what it shows.
 */
class FrontPageFiguresIT extends WebIntegrationTest {

    private static final Pattern REGISTERED = Pattern.compile("<dt>Registered technology</dt>\\s*<dd>([0-9,]+)</dd>");

    @Test
    void anAssetRegisteredNowIsAmongTheNewestAndCountedOnTheNextVisit() {
        PageClient visitor = visitor();
        long before = registered(visitor.get("/?lang=en"));
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> asset = Fixtures.knowHowAsset(owner.id());
        String title = Fixtures.unique("Counted asset");
        asset.put("title", title);
        Api.Response added = fixtures.registerAsset(owner, asset);
        assertThat(added.status()).as(added.text()).isEqualTo(201);

        PageClient.Page after = visitor.get("/?lang=en");
        assertThat(after.html()).as("the newest technology").contains(title);
        assertThat(registered(after)).as("registered technology").isGreaterThan(before);
    }

    @Test
    void theFrontPageReadsNoDescriptionAndCountsNoTable() {
        PageClient visitor = visitor();
        visitor.get("/?lang=en");

        PageClient.Counted front = visitor.counted("/?lang=en");
        System.out.println(StatementCounting.report("the front page", front.sql()));

        assertThat(front.page().status()).isEqualTo(200);
        assertThat(front.sql())
                .as("no statement reads a need's, a listing's or an asset's description")
                .noneMatch(sql -> sql.contains("description") || sql.contains("abstract"));
        assertThat(front.sql())
                .as("the registered assets are the tally's sum, not a count of the asset table")
                .noneMatch(sql -> sql.contains("count(*)"));
        assertThat(front.statements())
                .as("the listings on sale, the needs and challenges with their rewards, the newest assets with the"
                        + " tally and the completed deals' figures sent together (ADR 0117), then the organizations'"
                        + " names")
                .isBetween(1, 2);
        String html = front.page().html();
        assertThat(front.statements())
                .as("the names are read only when some listing or need names an organization")
                .isEqualTo(
                        html.contains("href=\"/listings/")
                                        || html.contains("href=\"/needs/")
                                        || html.contains("href=\"/challenges/")
                                ? 2
                                : 1);
        assertThat(front.commits()).as("no transaction to commit (ADR 0119)").isZero();
        assertThat(front.sql().get(0).split(";\\s*select "))
                .as("the first statement holds the four reads")
                .hasSize(4);
    }

    private static long registered(PageClient.Page front) {
        assertThat(front.status()).isEqualTo(200);
        Matcher figure = REGISTERED.matcher(front.html());
        assertThat(figure.find()).as("the registered technology figure").isTrue();
        return Long.parseLong(figure.group(1).replace(",", ""));
    }
}
