package org.techmarket.shared;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Honours the {@code Idempotency-Key} header of state-changing requests (IETF httpapi draft): the first request
 * with a key runs, and its response is stored in the same transaction as its changes; the same key with the same
 * request replays that response; with a different request it is refused with 422 IDEMPOTENCY_KEY_REUSED; while the
 * first is still running, 409 IDEMPOTENCY_KEY_IN_USE. A refused request stores nothing, so it may be retried with
 * its key. Without a key the work simply runs in one transaction.
 */
public interface Idempotency {

    String HEADER = "Idempotency-Key";

    /**
     * Runs {@code work} in a transaction (joining the caller's, if any) unless the key already holds a response.
     * The work's body is written as JSON once, and the first answer and every replay carry exactly those bytes.
     */
    ResponseEntity<String> execute(IdempotentRequest request, Supplier<ResponseEntity<?>> work);

    /**
     * A request as the key binds it: whose key it is ({@code scope}, e.g. the acting user), the key if the client
     * sent one, and the method, path and parsed body that a reused key must match.
     */
    record IdempotentRequest(String scope, Optional<String> key, String method, String path, Object body) {

        /** A POST by {@code actor} with the key from its header, which may be missing. */
        public static IdempotentRequest post(Actor actor, String key, String path, Object body) {
            return new IdempotentRequest(actor.userId(), Optional.ofNullable(key), "POST", path, body);
        }
    }
}
