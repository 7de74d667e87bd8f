package org.techmarket.surveillance.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;
import org.techmarket.surveillance.SurveillanceCodes;
import org.techmarket.surveillance.domain.Alert;
import org.techmarket.surveillance.domain.AlertKind;
import org.techmarket.surveillance.domain.AlertStatus;
import org.techmarket.surveillance.persistence.Alerts;

/**
 * Operators and regulators read alerts; operators review them: each move along the alert's lifecycle carries a note
 * and is audited. A CONFIRMED alert may lead to the suspension of one of its parties, through the participant
 * module's own suspension (audited and announced there).
 */
@Service
public class Review {

    static final int MAX_NOTE = 2000;

    private final Alerts alerts;
    private final Participants participants;
    private final AuditLog audit;
    private final Clock clock;

    Review(Alerts alerts, Participants participants, AuditLog audit, Clock clock) {
        this.alerts = alerts;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Alert> list(Actor actor, Optional<String> status, Optional<String> kind, String cursor, Integer limit) {
        actor.requireMarketReader();
        Optional<AlertStatus> wanted = status.map(s -> AlertStatus.parse(s, "status"));
        Optional<AlertKind> ofKind = kind.map(Review::kind);
        int size = Cursor.limit(limit);
        return Page.of(alerts.page(Cursor.decode(cursor), wanted, ofKind, size + 1), size, Alert::id);
    }

    @Transactional(readOnly = true)
    public Alert get(Actor actor, String id) {
        actor.requireMarketReader();
        return alerts.find(id).orElseThrow(() -> notFound(id));
    }

    /** Moves the alert to {@code status} with {@code note}: 409 when its lifecycle forbids the move. */
    @Transactional
    public Alert review(Actor actor, String id, String status, String note) {
        actor.requireOperator();
        AlertStatus next = AlertStatus.parse(status, "status");
        String why = requireText(note, "note");
        Alert current = alerts.lock(id).orElseThrow(() -> notFound(id));
        Alert reviewed = current.review(next, why, actor.auditName(), clock.instant());
        alerts.updateReview(reviewed);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("from", current.status().name());
        payload.put("to", reviewed.status().name());
        payload.put("note", why);
        audit.record(actor.auditName(), SurveillanceEvents.AlertReviewed, "alert:" + id, payload);
        return reviewed;
    }

    /** Suspends one party of a CONFIRMED alert, naming the alert in the suspension's reason. */
    @Transactional
    public OrganizationSummary suspendParty(Actor actor, String id, String organizationId, String reason) {
        actor.requireOperator();
        String why = requireText(reason, "reason");
        Alert alert = alerts.lock(id).orElseThrow(() -> notFound(id));
        if (alert.status() != AlertStatus.CONFIRMED) {
            throw Rejection.conflict(
                    SurveillanceCodes.ALERT_NOT_CONFIRMED,
                    "Alert " + id + " is " + alert.status() + "; only a CONFIRMED alert leads to a suspension");
        }
        if (organizationId == null || !alert.parties().contains(organizationId)) {
            throw Rejection.invalid(
                    SurveillanceCodes.NOT_A_PARTY, "organizationId", "must be one of the alert's parties");
        }
        return participants.suspendOrganization(actor, organizationId, why + " (surveillance alert " + id + ")");
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Rejection.invalid(SurveillanceCodes.NOTE_REQUIRED, field, "must say why");
        }
        if (text.length() > MAX_NOTE) {
            throw Rejection.invalid(
                    SharedCodes.VALIDATION_FAILED, field, "must have at most " + MAX_NOTE + " characters");
        }
        Text.textProblem(text).ifPresent(problem -> {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, field, problem);
        });
        return text.strip();
    }

    private static AlertKind kind(String text) {
        for (AlertKind kind : AlertKind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        throw Rejection.invalid(
                SurveillanceCodes.UNKNOWN_ALERT_KIND, "kind", "must be one of " + List.of(AlertKind.values()));
    }

    private static Rejection notFound(String id) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND, SurveillanceCodes.ALERT_NOT_FOUND, "Alert " + id + " does not exist");
    }
}
