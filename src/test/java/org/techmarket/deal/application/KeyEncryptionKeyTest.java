package org.techmarket.deal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.deal.domain.Signatures;

/** Where the key sealing organizations' signing keys comes from: configuration, else a key kept in the data directory. */
class KeyEncryptionKeyTest {

    private final DealConfiguration configuration = new DealConfiguration();

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKeptInTheDataDirectory(@TempDir Path dataDir) throws Exception {
        Signatures first = configuration.signatures("", dataDir.toString());
        Path kept = dataDir.resolve(DealConfiguration.KEK_FILE);
        assertThat(Base64.getDecoder().decode(Files.readString(kept).strip())).hasSize(32);

        Signatures again = configuration.signatures("", dataDir.toString());
        assertThat(again.toString()).isEqualTo(first.toString());
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsWritten(@TempDir Path dataDir) throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        Signatures configured = configuration.signatures(Base64.getEncoder().encodeToString(key), dataDir.toString());
        assertThat(configured.toString()).isEqualTo(new Signatures(key).toString());
        assertThat(dataDir.resolve(DealConfiguration.KEK_FILE)).doesNotExist();
    }

    @Test
    void aKeyThatIsNot32BytesStopsTheStart(@TempDir Path dataDir) {
        assertThatThrownBy(() ->
                        configuration.signatures(Base64.getEncoder().encodeToString(new byte[16]), dataDir.toString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configuration.signatures("not base64!", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class);
    }
}
