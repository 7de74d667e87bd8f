package org.techmarket.web.listing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A reader of the sale page's live stream: each {@code sale} event's data, one event at a time. */
final class LiveStream implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final InputStream body;
    private final BufferedReader lines;

    private LiveStream(InputStream body) {
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    static LiveStream open(String url, String language) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "text/event-stream")
                                .header("Accept-Language", language)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("no event stream: " + response.statusCode());
        }
        return new LiveStream(response.body());
    }

    /** The data of the next {@code sale} event, waiting for it at most 20 seconds. */
    String next() throws Exception {
        return CompletableFuture.supplyAsync(this::readEvent).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the server has ended the stream. */
    boolean ended() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return lines.readLine() == null;
                    } catch (IOException e) {
                        return true;
                    }
                })
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private String readEvent() {
        try {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("sale".equals(name)) {
                        return data.toString();
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            throw new AssertionError("the stream ended before a sale event");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
