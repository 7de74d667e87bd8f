package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.GrantStatus;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.AssetLocks;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Ends grants early, with a reason and an effective date from which the scope is free again. The owners end
 * what the owners granted; a licensee ends its sublicences; only the pledgee ends a pledge (it gives up its
 * security). An assignment cannot be terminated: ownership goes back only by a new assignment. A licence's
 * sublicences, and theirs in turn, end with it in the same transaction: each is terminated from the same date
 * unless it already ends by then.
 */
@Service
public class Termination {

    private static final int MAX_REASON = 1000;

    /** The cause under which the financing module registers the pledges that secure its loans. */
    private static final String LOAN_CAUSE = "loan:";

    private final RightsBook book;
    private final Grants grants;
    private final AssetLocks locks;
    private final RightsJournal journal;
    private final Participants participants;
    private final Clock clock;

    Termination(
            RightsBook book,
            Grants grants,
            AssetLocks locks,
            RightsJournal journal,
            Participants participants,
            Clock clock) {
        this.participants = participants;
        this.book = book;
        this.grants = grants;
        this.locks = locks;
        this.journal = journal;
        this.clock = clock;
    }

    /** Terminates the grant from {@code effectiveOn} (today or later), if it is still at {@code expectedVersion}. */
    @Transactional
    public RegisteredGrant terminate(
            Actor actor, String grantId, String reason, LocalDate effectiveOn, Optional<Long> expectedVersion) {
        String assetId =
                grants.find(grantId).map(RegisteredGrant::assetId).orElseThrow(() -> Access.grantNotFound(grantId));
        locks.lock(assetId);
        LocalDate today = LocalDate.now(clock);
        RegisteredGrant entry = grants.find(grantId).orElseThrow().asOf(today);
        Set<String> owners = book.owners(book.requireAsset(assetId));
        if (!Access.maySee(actor, entry, owners)) {
            throw Access.grantNotFound(grantId);
        }
        requireTerminator(actor, entry.grant(), owners);
        if (entry.causeId().filter(cause -> cause.startsWith(LOAN_CAUSE)).isPresent()) {
            throw Rejection.conflict(
                    RightsCodes.PLEDGE_SECURES_LOAN,
                    "Pledge " + grantId + " secures a loan; it is released when the loan is repaid");
        }
        Access.permittedOrganization(actor, participants, MarketAction.TERMINATE_GRANT);
        validate(reason, effectiveOn, today);
        long version = expectedVersion.orElse(entry.version());
        if (version != entry.version()) {
            throw versionMismatch(entry.version());
        }
        RegisteredGrant terminated = entry.terminate(effectiveOn, reason.strip());
        if (!grants.terminate(terminated, version, Instants.now(clock))) {
            throw versionMismatch(
                    grants.find(grantId).map(RegisteredGrant::version).orElse(-1L));
        }
        journal.grantTerminated(actor.auditName(), terminated);
        endSublicences(actor.auditName(), terminated, today);
        return terminated;
    }

    /** Ends a grant because the deal that recorded it was terminated; the deal module has checked who may. */
    @Transactional
    public void endForDeal(String actor, String grantId, String reason, LocalDate effectiveOn) {
        String assetId =
                grants.find(grantId).map(RegisteredGrant::assetId).orElseThrow(() -> Access.grantNotFound(grantId));
        locks.lock(assetId);
        LocalDate today = LocalDate.now(clock);
        RegisteredGrant entry = grants.find(grantId).orElseThrow().asOf(today);
        if (entry.grant().type() == GrantType.ASSIGNMENT) {
            throw Rejection.conflict(
                    RightsCodes.ASSIGNMENT_FINAL,
                    "An assignment cannot be terminated; ownership goes back only by a new assignment");
        }
        if (entry.grant().status() != GrantStatus.ACTIVE
                || entry.grant().terminatedFrom().isPresent()) {
            return;
        }
        validate(reason, effectiveOn, today);
        RegisteredGrant terminated = entry.terminate(effectiveOn, reason.strip());
        if (!grants.terminate(terminated, entry.version(), Instants.now(clock))) {
            throw versionMismatch(
                    grants.find(grantId).map(RegisteredGrant::version).orElse(-1L));
        }
        journal.grantTerminated(actor, terminated);
        endSublicences(actor, terminated, today);
    }

    /** Releases a pledge because what it secured is paid; the financing module has checked that it is. */
    @Transactional
    public void releasePledge(String actor, String grantId, String reason) {
        String assetId =
                grants.find(grantId).map(RegisteredGrant::assetId).orElseThrow(() -> Access.grantNotFound(grantId));
        locks.lock(assetId);
        RegisteredGrant entry = grants.find(grantId).orElseThrow();
        if (entry.grant().status() == GrantStatus.RELEASED) {
            return;
        }
        RegisteredGrant released = entry.release();
        if (!grants.release(released, entry.version())) {
            throw versionMismatch(
                    grants.find(grantId).map(RegisteredGrant::version).orElse(-1L));
        }
        journal.pledgeReleased(actor, released, reason);
    }

    /**
     * Cuts every sublicence below {@code parent} short so that none holds rights after the parent ends. Called under
     * the asset's lock, which every grant on the asset (sublicences included) takes, and with the sublicences' rows
     * locked, so none can be added or changed meanwhile.
     */
    private void endSublicences(String actor, RegisteredGrant parent, LocalDate today) {
        LocalDate from = parent.grant().terminatedFrom().orElseThrow();
        String reason = "Licence " + parent.id() + " was terminated: "
                + parent.terminationReason().orElseThrow();
        for (RegisteredGrant sublicence : grants.sublicencesForUpdate(parent.id())) {
            Optional<RegisteredGrant> ended = sublicence.asOf(today).endNoLaterThan(from, reason);
            if (ended.isEmpty()) {
                continue;
            }
            if (!grants.terminate(ended.get(), sublicence.version(), Instants.now(clock))) {
                throw versionMismatch(grants.find(sublicence.id())
                        .map(RegisteredGrant::version)
                        .orElse(-1L));
            }
            journal.grantTerminated(actor, ended.get());
        }
    }

    private static void requireTerminator(Actor actor, Grant grant, Set<String> owners) {
        if (grant.type() == GrantType.ASSIGNMENT) {
            throw Rejection.conflict(
                    RightsCodes.ASSIGNMENT_FINAL,
                    "An assignment cannot be terminated; ownership goes back only by a new assignment");
        }
        String org = actor.organizationId().orElse("");
        boolean allowed;
        if (grant.type() == GrantType.PLEDGE) {
            allowed = grant.grantee().equals(org);
        } else if (grant.isSublicence()) {
            allowed = grant.grantors().contains(org);
        } else {
            allowed = owners.contains(org);
        }
        if (!allowed) {
            throw Access.notGrantor(
                    grant.type() == GrantType.PLEDGE
                            ? "Only the pledgee may end a pledge"
                            : "Only the grantor of this grant may terminate it");
        }
    }

    private static void validate(String reason, LocalDate effectiveOn, LocalDate today) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_REASON, "reason", "a reason of 1 to " + MAX_REASON + " characters is required");
        }
        if (effectiveOn == null) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERMINATION_DATE,
                    "effectiveOn",
                    "the date the termination takes effect is required");
        }
        if (effectiveOn.isBefore(today)) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERMINATION_DATE,
                    "effectiveOn",
                    "a termination cannot take effect in the past (" + effectiveOn + " is before " + today + ")");
        }
    }

    private static Rejection versionMismatch(long current) {
        return new Rejection(
                Rejection.Kind.PRECONDITION_FAILED,
                SharedCodes.VERSION_MISMATCH,
                "The grant has changed since you read it; read it again and retry",
                List.of(),
                Map.of("currentVersion", current));
    }
}
