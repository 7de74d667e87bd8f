package org.techmarket.participant.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.domain.SecurityEventType;
import org.techmarket.participant.domain.ThrottlePolicy;
import org.techmarket.participant.domain.ThrottleState;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.LoginThrottles;
import org.techmarket.participant.persistence.Users;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Slows down password guessing, per account name and per client address, in the database that every node shares:
 * growing back-off after a few failures, and a lock on the account name after more, lifted when its time has passed
 * or by an organization admin or an operator. Unknown account names are throttled and locked just like known ones, so
 * the answers do not tell which exist. Rows left idle are deleted daily in batches, as a {@link Sweep}.
 */
@Service
public class LoginThrottling {

    private static final int MAX_NAME_LENGTH = 100;
    private static final int FORGET_BATCH = 5_000;

    private final LoginThrottles throttles;
    private final Users users;
    private final SecurityEventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final ThrottlePolicy accountPolicy;
    private final ThrottlePolicy addressPolicy;
    private final BackgroundJobs jobs;
    private final Sweep forgetting;

    LoginThrottling(
            LoginThrottles throttles,
            Users users,
            SecurityEventLog events,
            AuditLog audit,
            Clock clock,
            BackgroundJobs jobs,
            @Value("${techmarket.security.login.account-free-failures:5}") int accountFreeFailures,
            @Value("${techmarket.security.login.address-free-failures:20}") int addressFreeFailures,
            @Value("${techmarket.security.login.first-back-off:PT1S}") Duration firstBackOff,
            @Value("${techmarket.security.login.max-back-off:PT15M}") Duration maxBackOff,
            @Value("${techmarket.security.login.lock-after:10}") int lockAfter,
            @Value("${techmarket.security.login.lock-duration:PT30M}") Duration lockFor,
            @Value("${techmarket.security.login.forget-after:PT1H}") Duration forgetAfter) {
        this.throttles = throttles;
        this.users = users;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.accountPolicy =
                new ThrottlePolicy(accountFreeFailures, firstBackOff, maxBackOff, lockAfter, lockFor, forgetAfter);
        this.addressPolicy = new ThrottlePolicy(addressFreeFailures, firstBackOff, maxBackOff, 0, lockFor, forgetAfter);
        this.jobs = jobs;
        this.forgetting = Sweep.of(
                "login-throttle-cleanup",
                asOf -> Swept.of(throttles.forgetIdleSince(asOf.minus(forgetAfter), asOf, FORGET_BATCH), FORGET_BATCH));
    }

    /** An attempt let through, and whether its failure locks the account name. */
    public record Admission(String accountKey, String addressKey, boolean failureLocksAccount) {}

    /**
     * Lets an attempt through, counting it as a failure until it succeeds; or refuses it, unchecked, with 429
     * {@code TOO_MANY_ATTEMPTS} (backing off) or {@code ACCOUNT_LOCKED}, after recording {@code LOGIN_THROTTLED}.
     */
    @Transactional(noRollbackFor = Rejection.class)
    public Admission admit(String username, Optional<User> account, SecurityEventLog.Origin origin) {
        Instant now = clock.instant();
        String accountKey = accountKey(username);
        String addressKey = "address:" + origin.clientAddress();
        // Always the account's row first, then the address's: concurrent attempts lock in one order.
        ThrottleState forAccount = throttles.lock(accountKey, now);
        ThrottleState forAddress = throttles.lock(addressKey, now);
        Optional<ThrottleState.Refusal> refusal = forAccount.refusalAt(now).or(() -> forAddress.refusalAt(now));
        if (refusal.isPresent()) {
            events.record(SecurityEventType.LOGIN_THROTTLED, account, origin);
            throw refused(refusal.get(), now);
        }
        ThrottleState accountAfter = forAccount.attempted(now, accountPolicy);
        throttles.save(accountKey, accountAfter);
        throttles.save(addressKey, forAddress.attempted(now, addressPolicy));
        return new Admission(accountKey, addressKey, accountAfter.locks());
    }

    /** The attempt failed: recorded as {@code LOGIN_FAILED}, and {@code ACCOUNT_LOCKED} when it locked the account. */
    @Transactional
    public void failed(Admission admission, Optional<User> account, SecurityEventLog.Origin origin) {
        events.record(SecurityEventType.LOGIN_FAILED, account, origin);
        if (admission.failureLocksAccount()) {
            events.record(SecurityEventType.ACCOUNT_LOCKED, account, origin);
        }
    }

    /**
     * The attempt succeeded: the account's count, back-off and lock are forgotten; the address's earlier failures are
     * not (they may have been made on other accounts), only this attempt stops counting as one.
     */
    @Transactional
    public void succeeded(Admission admission) {
        throttles.clear(admission.accountKey());
        ThrottleState address = throttles.lock(admission.addressKey(), clock.instant());
        throttles.save(admission.addressKey(), address.succeeded());
    }

    /**
     * Lifts a user's lock and back-off: an admin of the user's organization, or an operator. Answers whether the
     * account was locked.
     */
    @Transactional
    public boolean unlock(Actor actor, String userId, SecurityEventLog.Origin origin) {
        User user = users.find(userId).orElseThrow(() -> Rejection.notFound("User", userId));
        boolean orgAdmin = actor.role() == Role.ORG_ADMIN
                && user.organizationId().map(actor::belongsTo).orElse(false);
        if (!orgAdmin && !actor.isOperator()) {
            throw Rejection.forbidden("Only an admin of the user's organization or an operator may unlock an account");
        }
        String key = accountKey(user.username());
        boolean locked = throttles.lockedAt(key, clock.instant());
        throttles.clear(key);
        audit.record(
                actor.auditName(), ParticipantEvents.AccountUnlocked, "user:" + user.id(), Map.of("wasLocked", locked));
        events.record(SecurityEventType.ACCOUNT_UNLOCKED, Optional.of(user), origin);
        return locked;
    }

    /** Deletes the rows of names and addresses left alone for the forget-after period, no longer blocked or locked. */
    @Scheduled(cron = "${techmarket.security.login.cleanup-cron:0 15 3 * * *}", zone = "UTC")
    public void forgetIdle() {
        forgetIdleAt(clock.instant());
    }

    /** Deletes, batch by batch, the rows idle at {@code asOf}; returns how many. */
    public int forgetIdleAt(Instant asOf) {
        return jobs.sweep(forgetting, asOf);
    }

    private static String accountKey(String username) {
        String name = username.length() > MAX_NAME_LENGTH ? username.substring(0, MAX_NAME_LENGTH) : username;
        return "account:" + name.toLowerCase(Locale.ROOT);
    }

    private static Rejection refused(ThrottleState.Refusal refusal, Instant now) {
        long seconds = refusal.retryAfterSeconds(now);
        return refusal.locked()
                ? new Rejection(
                        Rejection.Kind.TOO_MANY_REQUESTS,
                        ParticipantCodes.ACCOUNT_LOCKED,
                        "Too many failed log-ins: this account is locked; try again later or ask an admin to unlock it",
                        java.util.List.of(),
                        Map.of("retryAfter", seconds))
                : new Rejection(
                        Rejection.Kind.TOO_MANY_REQUESTS,
                        ParticipantCodes.TOO_MANY_ATTEMPTS,
                        "Too many failed log-ins; wait " + seconds + " s before trying again",
                        java.util.List.of(),
                        Map.of("retryAfter", seconds));
    }
}
