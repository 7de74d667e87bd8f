package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every RFC 9162 vector of transparency-dev/merkle (vendored under {@code src/test/resources/merkle}, Apache-2.0): the
 * verifier accepts each happy path and refuses each case that wants an error. One misjudged vector fails the build.
 */
class MerkleVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_vector_is_there_to_be_judged() throws Exception {
        assertThat(vectors("inclusion")).hasSize(98);
        assertThat(vectors("consistency")).hasSize(98);
        assertThat(vectors("inclusion").stream().filter(v -> !wantsError(v))).hasSize(6);
        assertThat(vectors("consistency").stream().filter(v -> !wantsError(v))).hasSize(6);
    }

    @TestFactory
    Stream<DynamicTest> inclusion_proofs() throws Exception {
        return vectors("inclusion").stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode v = read(file);
                    Runnable check = () -> MerkleProofs.verifyInclusion(
                            v.get("leafIdx").bigIntegerValue().longValue(),
                            v.get("treeSize").bigIntegerValue().longValue(),
                            bytes(v.get("leafHash")),
                            hashes(v.get("proof")),
                            bytes(v.get("root")));
                    judge(v, check);
                }));
    }

    @TestFactory
    Stream<DynamicTest> consistency_proofs() throws Exception {
        return vectors("consistency").stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode v = read(file);
                    Runnable check = () -> MerkleProofs.verifyConsistency(
                            v.get("size1").bigIntegerValue().longValue(),
                            v.get("size2").bigIntegerValue().longValue(),
                            bytes(v.get("root1")),
                            bytes(v.get("root2")),
                            hashes(v.get("proof")));
                    judge(v, check);
                }));
    }

    private static void judge(JsonNode vector, Runnable check) {
        if (vector.get("wantErr").asBoolean()) {
            assertThatThrownBy(check::run).isInstanceOf(NotVerified.class);
        } else {
            check.run();
        }
    }

    private static boolean wantsError(Path file) {
        return read(file).get("wantErr").asBoolean();
    }

    private static List<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path root =
                Path.of(MerkleVectorsTest.class.getResource("/merkle/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getParent().getParent().getFileName() + "/"
                + file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode text) {
        return Base64.getDecoder().decode(text.asString());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        if (proof != null && !proof.isNull()) {
            proof.forEach(hash -> hashes.add(bytes(hash)));
        }
        return hashes;
    }
}
