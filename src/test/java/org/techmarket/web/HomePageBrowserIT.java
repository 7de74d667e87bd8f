package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * The front page as a person sees it: a real headless Chromium loads it and the rendered DOM shows the newest
 * assets. Runs wherever Debian's {@code chromium} is installed; in CI ({@code CI=true}) a missing browser fails.
 */
class HomePageBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theFrontPageShowsTheNewestAssetsInARealBrowser() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        }
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String title = "一种量子密钥分发终端的同步方法 " + Fixtures.unique("browser");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        asset.put("title", title);
        asset.put("industries", List.of("QUANTUM_INFORMATION"));
        assertThat(fixtures.registerAsset(owner, asset).status()).isEqualTo(201);

        // A verified university's patent auctioned now, with a bid, is on the market.
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response patent =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(patent.status()).isEqualTo(201);
        String auctionTitle = "量子密钥分发同步方法独占许可 " + Fixtures.unique("auction");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Api.Response draft = api.post(
                "/api/v1/listings",
                seller.token(),
                Map.of(
                        "assetIds",
                        List.of(patent.text("id")),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        Map.of(
                                "type",
                                "ENGLISH",
                                "startPrice",
                                Map.of("amount", "50000.00", "currency", "CNY"),
                                "increment",
                                Map.of("amount", "1000.00", "currency", "CNY"),
                                "deposit",
                                Map.of("amount", "0.00", "currency", "CNY"),
                                "startsAt",
                                now.toString(),
                                "endsAt",
                                now.plus(Duration.ofHours(1)).toString()),
                        "title",
                        auctionTitle,
                        "description",
                        "—"));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String listing = draft.text("id");
        assertThat(api.post("/api/v1/listings/" + listing + "/submission", seller.token(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/listings/" + listing + "/approval", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);

        String dom = renderedDom(api.base() + "/?lang=en");

        assertThat(dom)
                .contains("Newest technology")
                .contains(title)
                .contains("Quantum information")
                .contains("/swagger-ui.html");
        assertThat(dom)
                .contains("On the market now")
                .contains(auctionTitle)
                .contains("/listings/" + listing)
                .contains("¥50,000.00");
    }

    private static String renderedDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process chromium = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--dump-dom",
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = chromium.getInputStream().readAllBytes();
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
