package org.techmarket.participant.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.Tokens;
import org.techmarket.participant.persistence.Users;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/**
 * Issues, checks and revokes API tokens. A token is 32 random bytes shown once; the server keeps only its
 * SHA-256, so a copy of the database does not let anyone act as a user. Log-in by password is throttled
 * ({@link LoginThrottling}) and takes as long for an unknown username as for a wrong password ({@link PasswordVerifier}).
 */
@Service
public class TokenService {

    private static final String PREFIX = "tm_";

    private final Users users;
    private final Tokens tokens;
    private final PasswordVerifier passwords;
    private final LoginThrottling throttling;
    private final SecurityEventLog events;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    TokenService(
            Users users,
            Tokens tokens,
            PasswordVerifier passwords,
            LoginThrottling throttling,
            SecurityEventLog events,
            TransactionTemplate transactions,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            @Value("${techmarket.security.token-ttl:P30D}") Duration ttl) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttling = throttling;
        this.events = events;
        this.transactions = transactions;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A token as handed to its user, the only time its secret is shown. */
    public record IssuedToken(String id, String token, Optional<Instant> expiresAt) {}

    /**
     * Logs in by password for an API token. Each step commits on its own: the attempt is counted before the password
     * is checked, and a failure is recorded before it is answered.
     */
    public IssuedToken logIn(String username, String password, SecurityEventLog.Origin origin) {
        Checked checked = checkPassword(username, password, origin);
        return transactions.execute(status -> {
            loggedIn(checked, origin);
            User user = checked.user();
            return issue(user, newSecret(), "login", Optional.of(clock.instant().plus(ttl)), user.actor());
        });
    }

    /**
     * Logs in by password for a browser session, with the same checks, throttling and refusals as {@link #logIn}; the
     * actor returned is the one a token of this user authenticates as.
     */
    public Actor logInForSession(String username, String password, SecurityEventLog.Origin origin) {
        Checked checked = checkPassword(username, password, origin);
        transactions.executeWithoutResult(status -> loggedIn(checked, origin));
        return checked.user().actor();
    }

    private record Checked(User user, LoginThrottling.Admission admission) {}

    private Checked checkPassword(String username, String password, SecurityEventLog.Origin origin) {
        // No username has a NUL character, and the database refuses one in text: such a name is simply unknown.
        boolean storable = username != null && username.indexOf('\u0000') < 0;
        String name = storable ? username : username == null ? "" : username.replace("\u0000", "");
        Optional<User> account = storable ? users.findByUsername(name) : Optional.empty();
        LoginThrottling.Admission admission = throttling.admit(name, account, origin);
        if (!passwords.matches(account.map(User::passwordHash), password)) {
            throttling.failed(admission, account, origin);
            throw new Rejection(
                    Rejection.Kind.UNAUTHENTICATED,
                    ParticipantCodes.INVALID_CREDENTIALS,
                    "Unknown username or wrong password");
        }
        if (!account.get().active()) {
            throw UserStanding.deactivated();
        }
        return new Checked(account.get(), admission);
    }

    private void loggedIn(Checked checked, SecurityEventLog.Origin origin) {
        throttling.succeeded(checked.admission());
        events.record(SecurityEventType.LOGGED_IN, Optional.of(checked.user()), origin);
    }

    /** Stores a token whose secret is given, for the operator account created from configuration. */
    @Transactional
    public IssuedToken issueGiven(User user, String secret, String label) {
        return issue(user, secret, label, Optional.empty(), Actor.SYSTEM);
    }

    /**
     * The actor a token authenticates as, or none for an unknown, expired or revoked token; a deactivated user's token
     * is refused with {@code USER_DEACTIVATED}, checked before the token's own revocation so the answer says why.
     */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String secret) {
        Instant now = clock.instant();
        Optional<Tokens.StoredToken> token = tokens.findByHash(hash(secret));
        Optional<User> user = token.flatMap(t -> users.find(t.userId()));
        if (user.isPresent() && !user.get().active()) {
            throw UserStanding.deactivated();
        }
        return token.filter(t -> t.usableAt(now)).flatMap(t -> user).map(User::actor);
    }

    @Transactional(readOnly = true)
    public List<Tokens.StoredToken> tokensOf(Actor actor) {
        return tokens.ofUser(actor.userId());
    }

    @Transactional
    public void revoke(Actor actor, String tokenId, SecurityEventLog.Origin origin) {
        Tokens.StoredToken token = tokens.find(tokenId)
                .filter(t -> t.userId().equals(actor.userId()))
                .orElseThrow(() -> Rejection.notFound("Token", tokenId));
        if (token.revokedAt().isEmpty()) {
            tokens.revoke(tokenId, clock.instant());
            audit.record(
                    actor.auditName(),
                    ParticipantEvents.TokenRevoked,
                    "token:" + tokenId,
                    Map.of("userId", actor.userId()));
            events.record(SecurityEventType.TOKEN_REVOKED, actor, origin);
        }
    }

    private IssuedToken issue(User user, String secret, String label, Optional<Instant> expiresAt, Actor by) {
        String id = ids.newId();
        tokens.add(id, user.id(), hash(secret), label, clock.instant(), expiresAt);
        audit.record(
                by.auditName(),
                ParticipantEvents.TokenIssued,
                "user:" + user.id(),
                Map.of(
                        "tokenId",
                        id,
                        "label",
                        label,
                        "expiresAt",
                        expiresAt.map(Instant::toString).orElse("never")));
        return new IssuedToken(id, secret, expiresAt);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
