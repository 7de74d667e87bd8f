package org.techmarket.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A market's log endpoints served from a {@link TestLogs.Log} by the JDK's HTTP server, so that the verifier command
 * can be run against a market that tests can make misbehave: show another history, a smaller tree, or an entry whose
 * bytes changed after they were hashed into the tree.
 */
public final class FakeMarket implements AutoCloseable {

    private final HttpServer server;
    private volatile TestLogs.Log log;
    private volatile int size;
    private final Map<Integer, byte[]> changedEntries = new HashMap<>();

    public FakeMarket(TestLogs.Log log, int size) throws IOException {
        this.log = log;
        this.size = size;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/log/", this::answer);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves this history at this size from now on. */
    public void serve(TestLogs.Log log, int size) {
        this.log = log;
        this.size = size;
    }

    /** Serves entry {@code index} with other bytes while its leaf in the tree stays the one hashed before. */
    public synchronized void changeEntry(int index, String bytes) {
        changedEntries.put(index, bytes.getBytes(StandardCharsets.UTF_8));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/api/v1/log/".length());
            Map<String, Integer> query = query(exchange.getRequestURI().getQuery());
            String body;
            if (path.equals("key")) {
                body = log.key().verifierKey().toString();
            } else if (path.equals("checkpoint")) {
                body = log.note(size);
            } else if (path.startsWith("entries/")) {
                body = entry(Integer.parseInt(path.substring("entries/".length())));
            } else if (path.equals("proofs/inclusion")) {
                body = "{\"leafIndex\":" + query.get("index") + ",\"treeSize\":" + query.get("treeSize")
                        + ",\"hashes\":" + json(log.inclusion(query.get("index"), query.get("treeSize"))) + "}";
            } else if (path.equals("proofs/consistency")) {
                body = "{\"from\":" + query.get("from") + ",\"to\":" + query.get("to") + ",\"hashes\":"
                        + json(log.consistency(query.get("from"), query.get("to"))) + "}";
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized String entry(int index) {
        byte[] stated = log.leafInput(index);
        byte[] served = changedEntries.getOrDefault(index, stated);
        return "{\"index\":" + index + ",\"leafInput\":\"" + b64(served) + "\",\"leafHash\":\""
                + b64(MerkleProofs.leafHash(stated)) + "\",\"event\":null}";
    }

    private static Map<String, Integer> query(String query) {
        Map<String, Integer> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return values;
    }

    private static String json(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + b64(h) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
