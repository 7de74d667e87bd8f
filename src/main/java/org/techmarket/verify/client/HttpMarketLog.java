package org.techmarket.verify.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.techmarket.verify.NotVerified;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A market's log over HTTP, read with the JDK's client; anything but a 200 with the expected shape is refused. */
public final class HttpMarketLog implements MarketLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** The log of the market at this URL (e.g. {@code https://market.example}). */
    public HttpMarketLog(URI market) {
        String text = market.toString();
        this.base = URI.create((text.endsWith("/") ? text : text + "/") + "api/v1/log/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String key() {
        return get("key").strip();
    }

    @Override
    public String checkpoint() {
        return get("checkpoint");
    }

    @Override
    public Entry entry(long index) {
        JsonNode entry = getJson("entries/" + index);
        if (entry.path("index").asLong(-1) != index) {
            throw unexpected("entry " + index + " came back as another index");
        }
        return new Entry(index, base64(entry, "leafInput"), base64(entry, "leafHash"));
    }

    @Override
    public List<byte[]> inclusionProof(long index, long treeSize) {
        JsonNode proof = getJson("proofs/inclusion?index=" + index + "&treeSize=" + treeSize);
        if (proof.path("leafIndex").asLong(-1) != index
                || proof.path("treeSize").asLong(-1) != treeSize) {
            throw unexpected("the inclusion proof is for another leaf or size than asked");
        }
        return hashes(proof);
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        JsonNode proof = getJson("proofs/consistency?from=" + from + "&to=" + to);
        if (proof.path("from").asLong(-1) != from || proof.path("to").asLong(-1) != to) {
            throw unexpected("the consistency proof is for other sizes than asked");
        }
        return hashes(proof);
    }

    private JsonNode getJson(String path) {
        try {
            return json.readTree(get(path));
        } catch (JacksonException e) {
            throw unexpected("GET " + path + " did not answer JSON");
        }
    }

    private String get(String path) {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw unexpected("GET " + uri + " answered " + response.statusCode());
            }
            if (response.body().length() > MAX_BODY_CHARS) {
                throw unexpected("GET " + uri + " answered more than a log answer holds");
            }
            return response.body();
        } catch (IOException e) {
            throw unexpected("GET " + uri + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unexpected("interrupted while reading " + uri);
        }
    }

    private static List<byte[]> hashes(JsonNode proof) {
        JsonNode hashes = proof.path("hashes");
        if (!hashes.isArray()) {
            throw unexpected("a proof carries an array of hashes");
        }
        List<byte[]> out = new ArrayList<>();
        hashes.forEach(hash -> out.add(decode(hash.asString(""), "proof hash")));
        return out;
    }

    private static byte[] base64(JsonNode node, String field) {
        return decode(node.path(field).asString(""), field);
    }

    private static byte[] decode(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw unexpected("the " + what + " is not base64");
        }
    }

    private static NotVerified unexpected(String detail) {
        return new NotVerified(NotVerified.Failure.UNREACHABLE, detail);
    }
}
