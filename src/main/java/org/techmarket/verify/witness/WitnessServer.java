package org.techmarket.verify.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The witness's HTTP face on the JDK's own server: {@code POST /add-checkpoint} and nothing else. Bodies beyond
 * {@link #MAX_BODY_BYTES} are refused before they are read in full.
 */
public final class WitnessServer implements AutoCloseable {

    /** Room for 63 proof lines and a checkpoint with many signatures. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;

    private WitnessServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts serving the witness on the port (0: any free port). */
    public static WitnessServer start(Witness witness, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(witness, exchange);
            }
        });
        server.start();
        return new WitnessServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(Witness witness, HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/add-checkpoint")) {
            send(exchange, Witness.Answer.refused(404, "not found"));
        } else if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            send(exchange, Witness.Answer.refused(405, "POST only"));
        } else {
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            send(
                    exchange,
                    body == null ? Witness.Answer.refused(413, "request body too large") : witness.addCheckpoint(body));
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private static void send(HttpExchange exchange, Witness.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
