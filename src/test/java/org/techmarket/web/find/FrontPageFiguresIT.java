package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The front page, read in one transaction, shows the market as it is: an asset registered now is among the newest
 * technology and counted in the figures on the next visit.
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

    private static long registered(PageClient.Page front) {
        assertThat(front.status()).isEqualTo(200);
        Matcher figure = REGISTERED.matcher(front.html());
        assertThat(figure.find()).as("the registered technology figure").isTrue();
        return Long.parseLong(figure.group(1).replace(",", ""));
    }
}
