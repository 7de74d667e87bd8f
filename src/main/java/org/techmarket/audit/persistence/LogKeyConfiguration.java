package org.techmarket.audit.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.audit.domain.LogKey;
import org.techmarket.shared.SecretFiles;

/**
 * The log's signing key: from {@code techmarket.log.signing-key} when set (what several nodes on one database must
 * share), otherwise kept in the data directory, generated there on first start. Never in the database.
 */
@Configuration
class LogKeyConfiguration {

    static final String KEY_FILE = "log-signing-key";

    private static final Logger log = LoggerFactory.getLogger(LogKeyConfiguration.class);

    @Bean
    LogKey logKey(
            @Value("${techmarket.log.origin:techmarket.example/log}") String origin,
            @Value("${techmarket.log.signing-key:}") String configured,
            @Value("${techmarket.data-dir:./data}") String dataDir)
            throws IOException {
        if (!configured.isBlank()) {
            return LogKey.of(origin, configured);
        }
        Path file = Path.of(dataDir).resolve(KEY_FILE);
        if (Files.exists(file)) {
            return LogKey.of(origin, Files.readString(file, StandardCharsets.US_ASCII));
        }
        LogKey key = LogKey.generate(origin);
        SecretFiles.create(file, key.stored());
        log.warn(
                "techmarket.log.signing-key is not set: generated the log's signing key {} into {}. Back it up: with"
                        + " another key, verifiers and witnesses no longer recognise the log.",
                key.verifierKey(),
                file.toAbsolutePath());
        return key;
    }
}
