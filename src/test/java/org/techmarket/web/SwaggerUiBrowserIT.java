package org.techmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.techmarket.support.IntegrationTest;

/**
 * The API's documentation page still works in a real browser under the strict Content-Security-Policy: its scripts
 * load from the market itself and render the operations.
 */
class SwaggerUiBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theApiDocumentationRendersUnderTheContentSecurityPolicy() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        }
        String dom = renderedDom(api.base() + "/swagger-ui/index.html");
        assertThat(dom).contains("/api/v1/tokens").contains("opblock");
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
                        "--virtual-time-budget=10000",
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
