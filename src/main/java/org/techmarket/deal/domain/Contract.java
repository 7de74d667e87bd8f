package org.techmarket.deal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The terms of a technology contract: its type (and, for a transfer, what is assigned; for a licence, how
 * exclusive it is), the parties, the assets, the scope, the price and how it is paid, what the seller delivers and
 * how long the buyer has to accept. A contract that exists is consistent: a transfer of a patent names patent
 * numbers, the schedule pays exactly the price, and the seller is not the buyer (neither the same organization
 * nor the same credit code or, for natural persons, the same identity number).
 */
public record Contract(
        ContractType type,
        Optional<TransferSubject> transferSubject,
        Optional<LicenceKind> licenceKind,
        Party seller,
        Party buyer,
        List<ContractAsset> assets,
        GrantScope scope,
        Money price,
        PaymentSchedule payment,
        String deliveryObligations,
        int acceptancePeriodDays) {

    static final int MAX_OBLIGATIONS = 10_000;
    static final int MAX_ACCEPTANCE_DAYS = 365;

    public Contract {
        Require.present(type, "type");
        transferSubject = transferSubject == null ? Optional.empty() : transferSubject;
        licenceKind = licenceKind == null ? Optional.empty() : licenceKind;
        Require.present(seller, "seller");
        Require.present(buyer, "buyer");
        assets = List.copyOf(Require.present(assets, "assets"));
        Require.present(scope, "scope");
        Require.present(price, "price");
        Require.present(payment, "payment");
        deliveryObligations = Require.text(deliveryObligations, "deliveryObligations", MAX_OBLIGATIONS);
        requireSubjectFitsType(type, transferSubject, licenceKind);
        requireDistinct(seller, buyer);
        requireAssets(type, transferSubject, assets);
        requirePrice(type, price, payment);
        if (acceptancePeriodDays < 1 || acceptancePeriodDays > MAX_ACCEPTANCE_DAYS) {
            throw Rejection.invalid(
                    DealCodes.INVALID_ACCEPTANCE_PERIOD,
                    "acceptancePeriodDays",
                    "the acceptance period is 1 to " + MAX_ACCEPTANCE_DAYS + " days");
        }
    }

    /**
     * When a delivery made at {@code deliveredAt} counts as accepted unless the buyer disputed it: the acceptance
     * period in whole days of 24 hours, so that the deadline does not depend on a time zone.
     */
    public Instant acceptanceDeadline(Instant deliveredAt) {
        return deliveredAt.plus(Duration.ofDays(acceptancePeriodDays));
    }

    /** The reporting periods and deadlines of a running royalty; empty for any other schedule. */
    public Optional<RoyaltySchedule> royaltySchedule() {
        if (payment instanceof PaymentSchedule.RunningRoyalty royalty) {
            return Optional.of(
                    new RoyaltySchedule(scope.start(), scope.lastDay(), royalty.period(), royalty.reportWithinDays()));
        }
        return Optional.empty();
    }

    private static void requireSubjectFitsType(
            ContractType type, Optional<TransferSubject> subject, Optional<LicenceKind> licenceKind) {
        if (type == ContractType.TRANSFER && subject.isEmpty()) {
            throw Rejection.invalid(
                    DealCodes.TRANSFER_SUBJECT_REQUIRED,
                    "transferSubject",
                    "a transfer assigns a PATENT_RIGHT, a PATENT_APPLICATION_RIGHT or KNOW_HOW");
        }
        if (type != ContractType.TRANSFER && subject.isPresent()) {
            throw Rejection.invalid(
                    DealCodes.TRANSFER_SUBJECT_NOT_ALLOWED,
                    "transferSubject",
                    "only a TRANSFER contract has a transfer subject");
        }
        if (type == ContractType.LICENSING && licenceKind.isEmpty()) {
            throw Rejection.invalid(
                    DealCodes.LICENCE_KIND_REQUIRED, "licenceKind", "a licence is EXCLUSIVE, SOLE or NON_EXCLUSIVE");
        }
        if (type != ContractType.LICENSING && licenceKind.isPresent()) {
            throw Rejection.invalid(
                    DealCodes.LICENCE_KIND_NOT_ALLOWED, "licenceKind", "only a LICENSING contract has a licence kind");
        }
    }

    private static void requireDistinct(Party seller, Party buyer) {
        if (seller.isSameAs(buyer)) {
            throw Rejection.invalid(DealCodes.SAME_PARTY, "buyer", "the buyer must not be the seller");
        }
    }

    private static void requireAssets(
            ContractType type, Optional<TransferSubject> subject, List<ContractAsset> assets) {
        // Development, consulting and service contracts buy work and may concern no registered asset at all.
        if (type.passesRights() && assets.isEmpty()) {
            throw Rejection.invalid(DealCodes.NO_ASSETS, "assets", "a " + type + " contract names at least one asset");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < assets.size(); i++) {
            ContractAsset asset = assets.get(i);
            if (!seen.add(asset.assetId())) {
                throw Rejection.invalid(
                        DealCodes.DUPLICATE_ASSET,
                        "assets[" + i + "].assetId",
                        "asset " + asset.assetId() + " is named twice");
            }
            if (subject.map(TransferSubject::needsPatentNumber).orElse(false)
                    && asset.patentNumber().isEmpty()) {
                throw Rejection.invalid(
                        DealCodes.PATENT_NUMBER_REQUIRED,
                        "assets[" + i + "].patentNumber",
                        "a transfer of a patent or patent application names each patent's number");
            }
        }
    }

    private static void requirePrice(ContractType type, Money price, PaymentSchedule payment) {
        boolean royalty = payment.kind() == PaymentSchedule.Kind.RUNNING_ROYALTY;
        if (royalty && !type.passesRights()) {
            throw Rejection.invalid(
                    DealCodes.ROYALTY_NOT_ALLOWED,
                    "payment",
                    "a running royalty pays for exploiting transferred or licensed technology, not for " + type);
        }
        price.requireNotNegative("price");
        // A royalty deal may have no upfront fee; every other deal has a price.
        if (price.isZero() && !royalty) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "price", "the price must be more than zero");
        }
        payment.requireConsistentWith(price);
    }
}
