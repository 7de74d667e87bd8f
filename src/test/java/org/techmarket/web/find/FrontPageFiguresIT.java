package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The front page's figures are read at most once per few seconds on a node, yet a change to the market still shows:
 * an asset registered now is counted on the front page within that time, while the newest technology shows it at once.
 */
class FrontPageFiguresIT extends WebIntegrationTest {

    private static final Pattern REGISTERED = Pattern.compile("<dt>Registered technology</dt>\\s*<dd>([0-9,]+)</dd>");

    @Test
    void anAssetRegisteredNowIsCountedOnTheFrontPageWithinTheFiguresTime() {
        PageClient visitor = visitor();
        long before = registered(visitor.get("/?lang=en"));
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> asset = Fixtures.knowHowAsset(owner.id());
        String title = Fixtures.unique("Counted asset");
        asset.put("title", title);
        Api.Response added = fixtures.registerAsset(owner, asset);
        assertThat(added.status()).as(added.text()).isEqualTo(201);

        assertThat(visitor.get("/?lang=en").html())
                .as("the newest technology is read live")
                .contains(title);
        Eventually.await(
                "the front page counts the new asset",
                Duration.ofSeconds(20),
                () -> registered(visitor.get("/?lang=en")) > before);
    }

    private static long registered(PageClient.Page front) {
        assertThat(front.status()).isEqualTo(200);
        Matcher figure = REGISTERED.matcher(front.html());
        assertThat(figure.find()).as("the registered technology figure").isTrue();
        return Long.parseLong(figure.group(1).replace(",", ""));
    }
}
