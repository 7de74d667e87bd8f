package org.techmarket.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores idempotent responses in {@code idempotency_key}. A transaction-scoped advisory lock on the key marks a
 * request as running, so a concurrent duplicate is told 409 at once instead of waiting, and the lock disappears
 * with the transaction, so a crashed node leaves no key stuck in "running".
 */
@Component
class JdbcIdempotency implements Idempotency {

    /** Headers of the first response that a replay repeats. */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    JdbcIdempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(String requestHash, int status, Map<String, String> headers, String body) {}

    @Override
    public ResponseEntity<String> execute(IdempotentRequest request, Supplier<ResponseEntity<?>> work) {
        if (request.key().isEmpty()) {
            // Nothing stores an answer without a key, so it is written after the commit, not while the work's row
            // locks are held.
            return written(transactions.execute(tx -> work.get())).response(false);
        }
        String key = request.key().get();
        if (!KEY.matcher(key).matches()) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_IDEMPOTENCY_KEY,
                    HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String hash = fingerprint(request);
        return transactions.execute(tx -> {
            // The lock is held from the start of a first request to its commit, and its response is stored before
            // it commits: a request that cannot take the lock races one still running; one that can reads, after
            // taking it, whatever an earlier request with the key committed.
            if (!tryLock(request.scope(), key)) {
                throw Rejection.conflict(
                        SharedCodes.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            Optional<ResponseEntity<String>> earlier = replay(request.scope(), key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Written response = written(work.get());
            store(request.scope(), key, hash, response);
            return response.response(false);
        });
    }

    private Optional<ResponseEntity<String>> replay(String scope, String key, String hash) {
        return find(scope, key).map(stored -> {
            if (!stored.requestHash().equals(hash)) {
                throw new Rejection(
                        Rejection.Kind.UNPROCESSABLE,
                        SharedCodes.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request");
            }
            return new Written(stored.status(), stored.headers(), stored.body()).response(true);
        });
    }

    private boolean tryLock(String scope, String key) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(scope + "\n" + key)
                .query(Boolean.class)
                .single();
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                select request_hash, response_status, response_headers, response_body
                from idempotency_key where scope = ? and key = ?""")
                .params(scope, key)
                .query((rs, n) -> new Stored(
                        rs.getString(1), rs.getInt(2), json.readValue(rs.getString(3), HEADER_MAP), rs.getString(4)))
                .optional();
    }

    private void store(String scope, String key, String hash, Written response) {
        jdbc.sql("""
                insert into idempotency_key (scope, key, request_hash, response_status, response_headers,
                    response_body, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        scope,
                        key,
                        hash,
                        response.status(),
                        json.writeValueAsString(response.headers()),
                        response.body(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private Written written(ResponseEntity<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        REPLAYED_HEADERS.forEach(name -> {
            String value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        String body = response.hasBody() ? json.writeValueAsString(response.getBody()) : "";
        return new Written(response.getStatusCode().value(), headers, body);
    }

    /** A response with its body already written as JSON text. */
    private record Written(int status, Map<String, String> headers, String body) {
        ResponseEntity<String> response(boolean replayed) {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatusCode.valueOf(status));
            headers.forEach(builder::header);
            if (replayed) {
                builder.header("Idempotent-Replayed", "true");
            }
            return body.isEmpty()
                    ? builder.build()
                    : builder.contentType(MediaType.APPLICATION_JSON).body(body);
        }
    }

    private static String fingerprint(IdempotentRequest request) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("method", request.method());
        content.put("path", request.path());
        content.put("body", request.body());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
