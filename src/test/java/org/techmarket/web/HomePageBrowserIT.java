package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
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
        Fixtures.Org owner = fixtures.registerOrg("UNIVERSITY");
        String title = "一种量子密钥分发终端的同步方法 " + Fixtures.unique("browser");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        asset.put("title", title);
        asset.put("industries", List.of("QUANTUM_INFORMATION"));
        assertThat(fixtures.registerAsset(owner, asset).status()).isEqualTo(201);

        String dom = renderedDom(api.base() + "/");

        assertThat(dom).contains("Newest assets").contains(title).contains("量子信息 · Quantum information")
                .contains("/swagger-ui.html");
    }

    private static String renderedDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = chromium.getInputStream().readAllBytes();
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
