package org.techmarket.rights.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.domain.CheckResult;
import org.techmarket.rights.domain.Conflict;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.RegisteredGrant;

/** The JSON shapes of grants, their scopes, checks and terminations. */
final class GrantJson {

    private GrantJson() {}

    record ScopeJson(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {}

    /** {@code POST /assets/{id}/grants} and {@code /rights-check}; the two flags default to false. */
    record GrantRequest(
            GrantKind type,
            String granteeId,
            ScopeJson scope,
            Boolean sublicensable,
            Boolean pledgeeConsent,
            String parentGrantId) {
        GrantTerms terms() {
            GrantScope grantScope = scope == null
                    ? null
                    : new GrantScope(scope.fields(), scope.territories(), scope.start(), scope.end());
            return new GrantTerms(
                    type,
                    granteeId,
                    grantScope,
                    Boolean.TRUE.equals(sublicensable),
                    Boolean.TRUE.equals(pledgeeConsent),
                    Optional.ofNullable(parentGrantId));
        }
    }

    record TerminationRequest(String reason, LocalDate effectiveOn) {}

    record GrantView(
            String id,
            String assetId,
            String type,
            List<String> grantorIds,
            String granteeId,
            ScopeJson scope,
            boolean sublicensable,
            boolean pledgeeConsent,
            String parentGrantId,
            String status,
            LocalDate terminatedFrom,
            String terminationReason,
            String openLicenceId,
            MoneyJson amountDue,
            Instant createdAt,
            long version) {

        static GrantView of(RegisteredGrant entry) {
            Grant g = entry.grant();
            ScopeJson scope = new ScopeJson(
                    g.scope().fields(),
                    g.scope().territories(),
                    g.scope().start(),
                    g.scope().end());
            return new GrantView(
                    g.id(),
                    entry.assetId(),
                    g.type().name(),
                    g.grantors().stream().sorted().toList(),
                    g.grantee(),
                    scope,
                    g.sublicensable(),
                    g.pledgeeConsent(),
                    g.parentGrantId().orElse(null),
                    g.status().name(),
                    g.terminatedFrom().orElse(null),
                    entry.terminationReason().orElse(null),
                    entry.openLicenceId().orElse(null),
                    entry.amountDue().map(MoneyJson::of).orElse(null),
                    entry.createdAt(),
                    entry.version());
        }
    }

    record ConflictView(String grantId, String type, String reason, String message) {
        static ConflictView of(Conflict c) {
            return new ConflictView(
                    c.grantId().orElse(null),
                    c.grantType().map(Enum::name).orElse(null),
                    c.reason().name(),
                    c.message());
        }
    }

    record CheckView(boolean grantable, List<ConflictView> conflicts) {
        static CheckView of(CheckResult result) {
            return new CheckView(
                    result.grantable(),
                    result.conflicts().stream().map(ConflictView::of).toList());
        }
    }
}
