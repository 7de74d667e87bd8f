package org.techmarket.demand.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.demand.domain.Matching;
import org.techmarket.demand.domain.Matching.Reason;
import org.techmarket.demand.domain.Matching.Score;
import org.techmarket.demand.domain.Need;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.persistence.MarketAssets;
import org.techmarket.demand.persistence.MarketAssets.AssetFacts;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.reference.IpcCode;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Brings needs and supply together with {@link Matching}'s explainable points: a need's matching assets and the
 * organizations that own them, and an asset's matching needs and challenges. Candidates are read set-based (one
 * statement for the need's side, one for the other), scored in memory and ranked by points, then id.
 */
@Service
@Transactional(readOnly = true)
public class Matchmaking {

    static final int CANDIDATES = 1000;
    static final int SHOWN = 20;

    /** A matched asset with its owners. */
    public record AssetMatch(AssetFacts asset, Score score) {}

    /** An organization owning matched assets: its best asset's points plus 5 for each further one (at most 20). */
    public record OrganizationMatch(
            String organizationId,
            String name,
            String region,
            int points,
            List<String> assetIds,
            List<Reason> reasons) {}

    /** A need's matches. */
    public record NeedMatches(List<AssetMatch> assets, List<OrganizationMatch> organizations) {}

    /** A need or challenge an asset could answer. */
    public record DemandMatch(Need need, Score score) {}

    private final NeedReading reading;
    private final Needs needs;
    private final MarketAssets assets;
    private final Readers readers;

    Matchmaking(NeedReading reading, Needs needs, MarketAssets assets, Readers readers) {
        this.reading = reading;
        this.needs = needs;
        this.assets = assets;
        this.readers = readers;
    }

    public NeedMatches forNeed(Actor actor, String needId) {
        Need need = reading.get(actor, needId).need();
        Matching.Scorer scorer = Matching.scorer(wanted(need));
        List<String> subclasses = need.details().ipc().stream()
                .map(code -> IpcCode.parse(code).subclass())
                .distinct()
                .toList();
        List<AssetMatch> matched = new ArrayList<>();
        for (AssetFacts asset : assets.candidates(
                need.details().industries(), subclasses, need.details().budget().currency(), CANDIDATES)) {
            if (asset.owners().contains(need.organizationId())) {
                continue;
            }
            Score score = scorer.score(offered(asset));
            if (score.matches()) {
                matched.add(new AssetMatch(asset, score));
            }
        }
        matched.sort(Comparator.comparingInt((AssetMatch m) -> -m.score().points())
                .thenComparing(m -> m.asset().id(), Comparator.reverseOrder()));
        return new NeedMatches(List.copyOf(matched.subList(0, Math.min(SHOWN, matched.size()))), owners(matched));
    }

    public List<DemandMatch> forAsset(Actor actor, String assetId) {
        List<DemandMatch> matched = new ArrayList<>();
        Map<String, Optional<AssetFacts>> byCurrency = new LinkedHashMap<>();
        for (Need need : needs.published(readers.of(actor), CANDIDATES)) {
            String currency = need.details().budget().currency();
            Optional<AssetFacts> asset = byCurrency.computeIfAbsent(currency, c -> assets.find(assetId, c));
            if (asset.isEmpty()) {
                throw Rejection.notFound("Asset", assetId);
            }
            if (asset.get().owners().contains(need.organizationId())) {
                continue;
            }
            Score score = Matching.score(wanted(need), offered(asset.get()));
            if (score.matches()) {
                matched.add(new DemandMatch(need, score));
            }
        }
        if (byCurrency.isEmpty() && assets.find(assetId, "CNY").isEmpty()) {
            throw Rejection.notFound("Asset", assetId);
        }
        matched.sort(Comparator.comparingInt((DemandMatch m) -> -m.score().points())
                .thenComparing((DemandMatch m) -> m.need().kind() == NeedKind.CHALLENGE ? 0 : 1)
                .thenComparing(m -> m.need().id(), Comparator.reverseOrder()));
        return List.copyOf(matched.subList(0, Math.min(SHOWN, matched.size())));
    }

    private static List<OrganizationMatch> owners(List<AssetMatch> matched) {
        Map<String, List<AssetMatch>> byOwner = new LinkedHashMap<>();
        for (AssetMatch match : matched) {
            if (!match.asset().owners().isEmpty()) {
                byOwner.computeIfAbsent(match.asset().owners().get(0), k -> new ArrayList<>())
                        .add(match);
            }
        }
        List<OrganizationMatch> result = new ArrayList<>();
        byOwner.forEach((owner, theirs) -> {
            AssetMatch best = theirs.get(0);
            int further = Math.min(20, 5 * (theirs.size() - 1));
            List<Reason> reasons = new ArrayList<>(best.score().reasons());
            if (further > 0) {
                reasons.add(new Reason(
                        "assets", theirs.stream().map(m -> m.asset().id()).toList(), further));
            }
            result.add(new OrganizationMatch(
                    owner,
                    best.asset().ownerNames().get(0),
                    best.asset().region(),
                    best.score().points() + further,
                    theirs.stream().map(m -> m.asset().id()).toList(),
                    List.copyOf(reasons)));
        });
        result.sort(Comparator.comparingInt((OrganizationMatch m) -> -m.points())
                .thenComparing(OrganizationMatch::organizationId));
        return List.copyOf(result.subList(0, Math.min(SHOWN, result.size())));
    }

    private static Matching.Wanted wanted(Need need) {
        return new Matching.Wanted(
                need.details().ipc(),
                need.details().industries(),
                need.details().title() + "\n" + need.details().description(),
                need.details().region(),
                need.details().budget());
    }

    private static Matching.Offered offered(AssetFacts asset) {
        return new Matching.Offered(
                asset.ipc(), asset.industries(), asset.text(), asset.region(), Optional.of(asset.trl()), asset.price());
    }
}
