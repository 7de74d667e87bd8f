package org.techmarket.participant.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.BrokerQualification;
import org.techmarket.participant.MandateAction;
import org.techmarket.participant.MandateCodes;
import org.techmarket.participant.application.Mandating;
import org.techmarket.participant.domain.Mandate;
import org.techmarket.participant.domain.MandateScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** Clients' mandates to technology brokers, and individuals' broker qualifications as operators record them. */
@RestController
class MandateController {

    private final Mandating mandating;

    MandateController(Mandating mandating) {
        this.mandating = mandating;
    }

    /** The scope: exactly one of {@code assetIds}, {@code needIds} or {@code all: true}. */
    record ScopeJson(List<String> assetIds, List<String> needIds, Boolean all) {
        MandateScope scope() {
            int given = (assetIds == null ? 0 : 1) + (needIds == null ? 0 : 1) + (Boolean.TRUE.equals(all) ? 1 : 0);
            if (given != 1) {
                throw Rejection.invalid(
                        MandateCodes.INVALID_MANDATE_SCOPE, "scope", "give one of assetIds, needIds or all: true");
            }
            if (assetIds != null) {
                return new MandateScope(MandateScope.Kind.ASSETS, Set.copyOf(assetIds));
            }
            if (needIds != null) {
                return new MandateScope(MandateScope.Kind.NEEDS, Set.copyOf(needIds));
            }
            return MandateScope.all();
        }

        static ScopeJson of(MandateScope scope) {
            return switch (scope.kind()) {
                case ALL -> new ScopeJson(null, null, true);
                case ASSETS -> new ScopeJson(scope.sortedIds(), null, null);
                case NEEDS -> new ScopeJson(null, scope.sortedIds(), null);
            };
        }
    }

    record CommissionJson(Integer basisPoints, Money minimum) {}

    record MandateRequest(
            String brokerId,
            ScopeJson scope,
            List<MandateAction> actions,
            CommissionJson commission,
            Instant validUntil) {
        Mandating.Proposal proposal() {
            if (scope == null) {
                throw Rejection.invalid(MandateCodes.INVALID_MANDATE_SCOPE, "scope", "a mandate has a scope");
            }
            if (actions == null || actions.contains(null)) {
                throw Rejection.invalid(
                        MandateCodes.INVALID_MANDATE_ACTIONS,
                        "actions",
                        "grant one or more of LIST, BID, NEGOTIATE, SIGN");
            }
            if (commission == null || commission.basisPoints() == null || commission.minimum() == null) {
                throw Rejection.invalid(
                        MandateCodes.INVALID_COMMISSION, "commission", "a commission has basisPoints and a minimum");
            }
            return new Mandating.Proposal(
                    brokerId,
                    scope.scope(),
                    Set.copyOf(actions),
                    commission.basisPoints(),
                    commission.minimum(),
                    validUntil);
        }
    }

    record MandateView(
            String id,
            String brokerId,
            String clientId,
            ScopeJson scope,
            List<MandateAction> actions,
            CommissionJson commission,
            Instant validUntil,
            String status,
            Instant createdAt,
            Instant confirmedAt,
            Instant revokedAt) {
        static MandateView of(Mandate m) {
            return new MandateView(
                    m.id(),
                    m.brokerId(),
                    m.clientId(),
                    ScopeJson.of(m.scope()),
                    m.actions().stream().sorted().toList(),
                    new CommissionJson(m.commissionBasisPoints(), m.commissionMinimum()),
                    m.validUntil(),
                    m.status().name(),
                    m.createdAt(),
                    m.confirmedAt().orElse(null),
                    m.revokedAt().orElse(null));
        }
    }

    record MandateList(List<MandateView> items) {}

    record QualificationJson(String number, String issuer, LocalDate issuedOn) {
        static QualificationJson of(BrokerQualification q) {
            return new QualificationJson(q.number(), q.issuer(), q.issuedOn());
        }
    }

    @PostMapping("/api/v1/mandates")
    @ResponseStatus(HttpStatus.CREATED)
    MandateView propose(@AuthenticationPrincipal Actor actor, @RequestBody MandateRequest request) {
        return MandateView.of(mandating.propose(actor, request.proposal()));
    }

    @GetMapping("/api/v1/mandates")
    MandateList list(@AuthenticationPrincipal Actor actor) {
        return new MandateList(
                mandating.list(actor).stream().map(MandateView::of).toList());
    }

    @GetMapping("/api/v1/mandates/{id}")
    MandateView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return MandateView.of(mandating.get(actor, id));
    }

    @PostMapping("/api/v1/mandates/{id}/confirmation")
    MandateView confirm(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return MandateView.of(mandating.confirm(actor, id));
    }

    @PostMapping("/api/v1/mandates/{id}/revocation")
    MandateView revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return MandateView.of(mandating.revoke(actor, id));
    }

    @PutMapping("/api/v1/organizations/{id}/broker-qualification")
    QualificationJson qualify(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody QualificationJson request) {
        return QualificationJson.of(
                mandating.recordQualification(actor, id, request.number(), request.issuer(), request.issuedOn()));
    }
}
