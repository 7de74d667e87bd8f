package org.techmarket.demand;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;

/**
 * Needs and challenges as the market's pages read and answer them, by the same rules as the API: a reader sees what
 * the API would show it (VERIFIED_ONLY needs to verified organizations, drafts to their poster, proposals to the poster,
 * the panel and each proposer its own), and proposals and selections go through the same checks.
 */
public interface NeedBoard {

    /**
     * A need or challenge as its reader sees it. {@code status} is a {@code NeedStatus} name; {@code reward} is the
     * challenge's; {@code open} whether it takes proposals now; {@code mine} whether the reader posted it.
     */
    record NeedCard(
            String id,
            boolean challenge,
            String title,
            String description,
            String status,
            List<String> industries,
            List<String> ipc,
            String region,
            Money budgetMin,
            Money budgetMax,
            Instant deadline,
            String organizationId,
            Optional<Money> reward,
            boolean open,
            boolean mine) {}

    /**
     * A published need or challenge as a list of them shows it, without its description: {@code reward} is the
     * challenge's, {@code budgetMax} the top of the need's budget.
     */
    record NeedLine(
            String id,
            boolean challenge,
            String title,
            String organizationId,
            Money budgetMax,
            Optional<Money> reward,
            Instant deadline) {}

    /** A proposal as its reader may see it; {@code status} is a {@code ProposalStatus} name. */
    record ProposalCard(
            String id,
            String organizationId,
            String summary,
            String plan,
            Money price,
            List<String> team,
            String status,
            Instant createdAt) {}

    /** One reason for a match: its kind ({@code ipc}, {@code industry}, {@code region}, …), what was found, points. */
    record MatchReason(String kind, List<String> found, int points) {}

    /** An asset matching a need, with its points and reasons. */
    record AssetMatch(String assetId, String title, int points, List<MatchReason> reasons) {}

    /** A page of the published needs (or challenges alone) the reader may see, newest first. */
    Page<NeedCard> published(Actor reader, boolean challengesOnly, String cursor, Integer limit);

    /** The newest published needs (or challenges alone) the reader may see, at most {@code limit}: one statement. */
    List<NeedLine> newest(Actor reader, boolean challengesOnly, int limit);

    /** As {@link #newest(Actor, boolean, int)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<List<NeedLine>> newest(
            Actor reader, boolean challengesOnly, int limit, ReadsTogether.Batch batch);

    /** A need's or challenge's page: the need and the challenge's proposals the reader may see. */
    record NeedPage(NeedCard need, List<ProposalCard> proposals) {}

    /**
     * The need or challenge, or NOT_FOUND when the reader may not see it, with the challenge's proposals the reader may
     * see (none for a need or for nobody signed in); the need and the challenge's terms are read once for both.
     */
    NeedPage page(Actor reader, String id);

    /** The assets matching the need, best first. */
    List<AssetMatch> matches(Actor reader, String needId);

    /** A verified organization's proposal to a challenge, refused as the API refuses it; returns its id. */
    String propose(Actor proposer, String challengeId, String summary, String plan, Money price, List<String> team);

    /** The poster selects the winning proposal, as the API's selection does; returns the development deal's id. */
    String selectWinner(Actor poster, String challengeId, String proposalId);
}
