package org.techmarket.demand.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.demand.application.Matchmaking;
import org.techmarket.demand.application.Matchmaking.NeedMatches;
import org.techmarket.demand.domain.Matching.Reason;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/** Matching over HTTP: a need's assets and organizations, an asset's needs and challenges, each with its reasons. */
@RestController
class MatchController {

    record AssetMatchView(String id, String title, List<String> ownerIds, int score, List<Reason> reasons) {}

    record OrganizationMatchView(
            String id, String name, String region, int score, List<String> assetIds, List<Reason> reasons) {}

    record NeedMatchesView(String needId, List<AssetMatchView> assets, List<OrganizationMatchView> organizations) {}

    record DemandMatchView(String id, String kind, String title, Money budgetMax, int score, List<Reason> reasons) {}

    record AssetMatchesView(String assetId, List<DemandMatchView> needs) {}

    private final Matchmaking matchmaking;

    MatchController(Matchmaking matchmaking) {
        this.matchmaking = matchmaking;
    }

    @GetMapping(NeedController.NEEDS + "/{id}/matches")
    NeedMatchesView forNeed(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        NeedMatches matches = matchmaking.forNeed(actor, id);
        return new NeedMatchesView(
                id,
                matches.assets().stream()
                        .map(m -> new AssetMatchView(
                                m.asset().id(),
                                m.asset().title(),
                                m.asset().owners(),
                                m.score().points(),
                                m.score().reasons()))
                        .toList(),
                matches.organizations().stream()
                        .map(o -> new OrganizationMatchView(
                                o.organizationId(), o.name(), o.region(), o.points(), o.assetIds(), o.reasons()))
                        .toList());
    }

    @GetMapping("/api/v1/assets/{id}/matches")
    AssetMatchesView forAsset(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return new AssetMatchesView(
                id,
                matchmaking.forAsset(actor, id).stream()
                        .map(m -> new DemandMatchView(
                                m.need().id(),
                                m.need().kind().name(),
                                m.need().details().title(),
                                m.need().details().budget().max(),
                                m.score().points(),
                                m.score().reasons()))
                        .toList());
    }
}
