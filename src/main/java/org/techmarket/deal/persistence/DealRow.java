package org.techmarket.deal.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.LicenceKind;
import org.techmarket.deal.domain.Party;
import org.techmarket.deal.domain.TransferSubject;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/**
 * A stored deal: what opened it, its contract terms as the rights registry and the contract read them, the
 * rendered contract and its hash, its status and its deadlines. Only a transfer or a licence has a grant kind: a
 * development, consulting or service contract passes no rights in an asset.
 */
public record DealRow(String id, String cause, String venueId, Optional<String> listingId,
        Optional<String> openLicenceGrantId, String mechanism, DealStatus status, ContractType contractType,
        Optional<GrantKind> grantKind, Optional<TransferSubject> transferSubject, Optional<LicenceKind> licenceKind,
        Party seller, Party buyer, List<ContractAsset> assets, List<String> scopeFields,
        List<String> scopeTerritories, LocalDate scopeStart, Optional<LocalDate> scopeEnd, Money price,
        LocalDate paymentDue, int acceptanceDays, String deliveryObligations, Optional<String> depositHoldId,
        Optional<String> runnerUpId, Optional<Money> runnerUpPrice, String contractHash, String contractZh,
        String contractEn, Optional<Instant> fundingDeadline, Optional<Instant> deliveredAt,
        Optional<Instant> acceptanceDeadline, Instant createdAt, Instant updatedAt) {

    /** The cause of a deal the seller of a defaulted deal offered to its runner-up: this prefix and that deal's id. */
    public static final String RUNNER_UP_CAUSE = "runner-up:";

    public DealRow {
        assets = List.copyOf(assets);
        scopeFields = List.copyOf(scopeFields);
        scopeTerritories = List.copyOf(scopeTerritories);
    }

    public boolean isParty(String organizationId) {
        return seller.organizationId().equals(organizationId) || buyer.organizationId().equals(organizationId);
    }

    /** The defaulted deal this one was offered to the runner-up from, when it was. */
    public Optional<String> previousDealId() {
        return cause.startsWith(RUNNER_UP_CAUSE) ? Optional.of(cause.substring(RUNNER_UP_CAUSE.length()))
                : Optional.empty();
    }

    public DealRow withStatus(DealStatus next, Instant at) {
        return new DealRow(id, cause, venueId, listingId, openLicenceGrantId, mechanism, next, contractType,
                grantKind, transferSubject, licenceKind, seller, buyer, assets, scopeFields, scopeTerritories,
                scopeStart, scopeEnd, price, paymentDue, acceptanceDays, deliveryObligations, depositHoldId,
                runnerUpId, runnerUpPrice, contractHash, contractZh, contractEn, fundingDeadline, deliveredAt,
                acceptanceDeadline, createdAt, at);
    }
}
