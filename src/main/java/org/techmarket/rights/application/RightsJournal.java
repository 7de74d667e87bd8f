package org.techmarket.rights.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.rights.GrantExpired;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.rights.GrantTerminated;
import org.techmarket.rights.OpenLicenceDeclared;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.rights.OpenLicenceWithdrawn;
import org.techmarket.rights.PledgeReleased;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.shared.Money;

/**
 * Writes down every change to the rights registry twice, inside the changing transaction: an event in the
 * tamper-evident audit log, and an application event for other modules.
 */
@Component
class RightsJournal {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    RightsJournal(AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    /**
     * The grant's event is held back to go with the transaction's next or last events in one append (a deal's grant
     * with the deal's steps and its payout), in the same place in the log.
     */
    void grantRecorded(String actor, RegisteredGrant entry) {
        audit.recordAtCommit(new AuditLog.Entry(
                actor, AuditLog.typeOf(GrantRecorded.class), "grant:" + entry.id(), grantPayload(entry)));
        publishRecorded(entry);
    }

    void grantTerminated(String actor, RegisteredGrant entry) {
        Grant grant = entry.grant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", entry.assetId());
        payload.put("effectiveOn", grant.terminatedFrom().orElseThrow().toString());
        payload.put("reason", entry.terminationReason().orElseThrow());
        payload.put("version", entry.version());
        audit.record(actor, GrantTerminated.class, "grant:" + entry.id(), payload);
        events.publishEvent(new GrantTerminated(
                entry.id(),
                entry.assetId(),
                grant.terminatedFrom().orElseThrow(),
                entry.terminationReason().orElseThrow()));
    }

    void pledgeReleased(String actor, RegisteredGrant entry, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", entry.assetId());
        payload.put("reason", reason);
        payload.put("version", entry.version());
        audit.record(actor, PledgeReleased.class, "grant:" + entry.id(), payload);
        events.publishEvent(new PledgeReleased(entry.id(), entry.assetId(), reason));
    }

    void grantExpired(String actor, RegisteredGrant entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", entry.assetId());
        payload.put("endedOn", entry.grant().scope().end().toString());
        payload.put("version", entry.version());
        audit.record(actor, GrantExpired.class, "grant:" + entry.id(), payload);
        events.publishEvent(new GrantExpired(
                entry.id(), entry.assetId(), entry.grant().scope().end()));
    }

    void openLicenceDeclared(String actor, OpenLicenceDeclaration declaration, Optional<String> replaced) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("declarationId", declaration.id());
        payload.put("replaces", replaced.orElse(null));
        payload.put("terms", OpenLicenceTermsText.of(declaration.terms()));
        audit.record(actor, OpenLicenceDeclared.class, "asset:" + declaration.assetId(), payload);
        events.publishEvent(new OpenLicenceDeclared(declaration.id(), declaration.assetId(), replaced));
    }

    void openLicenceWithdrawn(String actor, OpenLicenceDeclaration declaration) {
        audit.record(
                actor,
                OpenLicenceWithdrawn.class,
                "asset:" + declaration.assetId(),
                Map.of("declarationId", declaration.id()));
        events.publishEvent(new OpenLicenceWithdrawn(declaration.id(), declaration.assetId()));
    }

    /** The declaration was withdrawn because its declarer assigned the asset away in {@code assignmentId}. */
    void openLicenceWithdrawnByAssignment(String actor, OpenLicenceDeclaration declaration, String assignmentId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("declarationId", declaration.id());
        payload.put("assignmentId", assignmentId);
        audit.record(actor, OpenLicenceWithdrawn.class, "asset:" + declaration.assetId(), payload);
        events.publishEvent(new OpenLicenceWithdrawn(declaration.id(), declaration.assetId()));
    }

    void openLicenceWithdrawnByOwnershipCorrection(String actor, OpenLicenceDeclaration declaration, String disputeId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("declarationId", declaration.id());
        payload.put("disputeId", disputeId);
        audit.record(actor, OpenLicenceWithdrawn.class, "asset:" + declaration.assetId(), payload);
        events.publishEvent(new OpenLicenceWithdrawn(declaration.id(), declaration.assetId()));
    }

    void openLicenceTaken(String actor, RegisteredGrant entry, Royalty royalty) {
        Money due = entry.amountDue().orElseThrow();
        String declaration = entry.openLicenceId().orElseThrow();
        Map<String, Object> payload = grantPayload(entry);
        payload.put("declarationId", declaration);
        payload.put("amountDue", Map.of("amount", due.decimal(), "currency", due.currency()));
        audit.record(actor, OpenLicenceTaken.class, "grant:" + entry.id(), payload);
        publishRecorded(entry);
        Optional<OpenLicenceTaken.RevenueShare> share = royalty instanceof Royalty.PercentOfRevenue p
                ? Optional.of(new OpenLicenceTaken.RevenueShare(p.basisPoints(), p.minimumPerYear()))
                : Optional.empty();
        events.publishEvent(new OpenLicenceTaken(
                entry.id(), declaration, entry.assetId(), entry.grant().grantee(), due, share));
    }

    private void publishRecorded(RegisteredGrant entry) {
        events.publishEvent(new GrantRecorded(
                entry.id(),
                entry.assetId(),
                GrantKind.valueOf(entry.grant().type().name()),
                entry.grant().grantee(),
                entry.causeId(),
                entry.createdAt()));
    }

    private static Map<String, Object> grantPayload(RegisteredGrant entry) {
        Grant grant = entry.grant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", entry.assetId());
        payload.put("type", grant.type().name());
        payload.put("grantors", grant.grantors().stream().sorted().toList());
        payload.put("granteeId", grant.grantee());
        payload.put("fields", grant.scope().fields());
        payload.put("territories", grant.scope().territories());
        payload.put("start", grant.scope().start().toString());
        payload.put("end", grant.scope().end().toString());
        payload.put("sublicensable", grant.sublicensable());
        payload.put("pledgeeConsent", grant.pledgeeConsent());
        payload.put("parentGrantId", grant.parentGrantId().orElse(null));
        payload.put("causeId", entry.causeId().orElse(null));
        return payload;
    }
}
