package org.techmarket.deal.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.deal.domain.ContractRenderer;
import org.techmarket.deal.domain.Signatures;
import org.techmarket.shared.SecretFiles;

/**
 * The deal module's settings and engines. The key-encryption key that seals organizations' signing keys comes
 * from {@code techmarket.deal.key-encryption-key} (base64 of 32 bytes); when that is unset, a key kept in the data
 * directory is used, generated there on the first start.
 */
@Configuration
class DealConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DealConfiguration.class);
    static final String KEK_FILE = "deal-key-encryption-key";

    @Bean
    DealSettings dealSettings(
            @Value("${techmarket.deal.fee-basis-points:100}") int feeBasisPoints,
            @Value("${techmarket.deal.funding-period:P14D}") Duration fundingPeriod,
            @Value("${techmarket.deal.acceptance-period-days:14}") int acceptancePeriodDays) {
        return new DealSettings(feeBasisPoints, fundingPeriod, acceptancePeriodDays);
    }

    @Bean
    ContractRenderer contractRenderer() {
        return new ContractRenderer();
    }

    @Bean
    Signatures signatures(
            @Value("${techmarket.deal.key-encryption-key:}") String configured,
            @Value("${techmarket.data-dir:./data}") String dataDir)
            throws IOException {
        if (!configured.isBlank()) {
            return new Signatures(decode(configured, "techmarket.deal.key-encryption-key"));
        }
        return new Signatures(keptKey(Path.of(dataDir).resolve(KEK_FILE)));
    }

    private static byte[] keptKey(Path file) throws IOException {
        if (Files.exists(file)) {
            log.info(
                    "Signing keys are sealed under the key-encryption key in {}"
                            + " (set techmarket.deal.key-encryption-key to use another)",
                    file.toAbsolutePath());
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretFiles.create(file, Base64.getEncoder().encodeToString(key) + "\n");
        log.warn(
                "techmarket.deal.key-encryption-key is not set: generated a key-encryption key for signing keys and"
                        + " stored it in {}. Back it up: without it no organization can sign again.",
                file.toAbsolutePath());
        return key;
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 of 32 bytes", e);
        }
    }
}
