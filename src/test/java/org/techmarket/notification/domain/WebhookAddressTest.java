package org.techmarket.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a url",
                "ftp://93.184.216.34/hook",
                "file:///etc/passwd",
                "/relative/hook",
                "http://user:pass@93.184.216.34/hook",
                "https://93.184.216.34/hook#fragment"
            })
    void onlyAbsoluteHttpUrlsWithAHostAreWebhooks(String url) {
        assertThat(WebhookAddress.refusal(url, true)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://172.16.0.1/hook",
                "http://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://224.0.0.1/hook"
            })
    void loopbackAndPrivateAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(WebhookAddress.refusal(url, false)).as(url).isPresent();
        assertThat(WebhookAddress.refusal(url, true)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8443/a?b=c", "https://[2606:4700::1]/x"})
    void publicAddressesAreWebhooks(String url) {
        assertThat(WebhookAddress.refusal(url, false)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a.invalid/hook"})
    void aHostThatDoesNotResolveIsRefused(String url) {
        assertThat(WebhookAddress.refusal(url, false)).as(url).isPresent();
    }
}
