package org.techmarket.rights;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.techmarket.asset.AssetSummary;

/** The rights registry as other modules (listings, deals) see it: check a grant, record one, read grants and owners. */
public interface RightsRegistry {

    /** Whether {@code grantorIds} could make this grant on the asset today, with every conflict; changes nothing. */
    RightsCheck check(String assetId, Set<String> grantorIds, GrantTerms terms);

    /**
     * Whether {@code grantorIds} could grant {@code kind} over {@code scope} today to any verified buyer, as a listing
     * offers it before its buyer is known; changes nothing.
     */
    RightsCheck checkOffer(String assetId, Set<String> grantorIds, GrantKind kind, GrantScope scope);

    /**
     * {@link #checkOffer} for each of {@code kinds} by the owners of {@code asset} as the caller read it, in that
     * order: the asset's declaration and the grants overlapping the scope are read once for all of them.
     */
    Map<GrantKind, RightsCheck> checkOffers(AssetSummary asset, List<GrantKind> kinds, GrantScope scope);

    /**
     * Records a grant made through a completed deal, at most once per {@code causeId}: a repeated call returns
     * the first grant; a conflict is refused with a {@code RIGHTS_CONFLICT} rejection listing the conflicts.
     */
    GrantSummary record(String causeId, String assetId, Set<String> grantorIds, GrantTerms terms);

    /**
     * Records, as {@link #record} does, a grant by the asset's owners as they stand under the asset's lock, on the
     * terms {@code terms} makes of the asset as read there (its expiry, say): the asset is read once for the owners,
     * the terms, the tradeability check and the conflict check. The terms must be of {@code kind}, which the registry
     * needs before it reads the asset: a non-exclusive licence takes the asset's lock shared with other such
     * licences, every other kind alone.
     */
    GrantSummary recordByOwners(
            String causeId, String assetId, GrantKind kind, Function<AssetSummary, GrantTerms> terms);

    /**
     * Ends a licence that a deal recorded, from {@code effectiveOn}, because the deal's contract was terminated; the
     * deal module decides who may terminate. A grant no longer in force is left as it is; an assignment is refused.
     */
    void endGrant(String actor, String grantId, String reason, java.time.LocalDate effectiveOn);

    /**
     * Registers a PLEDGE of the asset by all its current owners to {@code pledgeeId} until {@code until}, at most once
     * per {@code causeId}, under the asset's lock. It is refused (409 {@code COLLATERAL_CHANGED}) when a licence or
     * assignment still in force was recorded on the asset after {@code collateralAsOf}, the moment the pledgee priced
     * it, and (409 {@code RIGHTS_CONFLICT}) as any grant is. Of a pledge and such a grant made at once exactly one wins.
     */
    GrantSummary registerPledge(
            String causeId,
            String assetId,
            String pledgeeId,
            java.time.LocalDate until,
            java.time.Instant collateralAsOf);

    /** The pledgee gives up a pledge in the caller's transaction, for {@code reason}; a released pledge stays so. */
    void releasePledge(String actor, String grantId, String reason);

    /** The grant with this id, if there is one. */
    Optional<GrantSummary> find(String grantId);

    /** The asset's current owners, as the asset registry names them after every recorded assignment. */
    Set<String> owners(String assetId);
}
