package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/** The deal_cancellation_proposal table: a party's offer to cancel a deal by agreement, one per deal. */
@Repository
public class CancellationProposals {

    /** Who proposed to cancel the deal by agreement, why and when. */
    public record Proposal(String dealId, String proposedBy, String reason, Instant proposedAt) {}

    private final JdbcClient jdbc;

    CancellationProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the proposal, or replaces the reason of the same party's earlier one. Called under the deal's lock. */
    public void propose(Proposal proposal) {
        jdbc.sql("""
                insert into deal_cancellation_proposal (deal_id, proposed_by, reason, proposed_at) values (?, ?, ?, ?)
                on conflict (deal_id) do update set reason = excluded.reason, proposed_at = excluded.proposed_at""")
                .params(
                        proposal.dealId(),
                        proposal.proposedBy(),
                        proposal.reason(),
                        Timestamp.from(proposal.proposedAt()))
                .update();
    }

    public Optional<Proposal> find(String dealId) {
        return jdbc.sql(FIND).param(dealId).query(CancellationProposals::map).optional();
    }

    /** As {@link #find(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<Proposal>> find(String dealId, ReadsTogether.Batch batch) {
        return batch.optional(FIND, List.of(dealId), CancellationProposals::map);
    }

    private static final String FIND =
            "select deal_id, proposed_by, reason, proposed_at from deal_cancellation_proposal where deal_id = ?";

    private static Proposal map(ResultSet rs, int row) throws SQLException {
        return new Proposal(
                rs.getString("deal_id"),
                rs.getString("proposed_by"),
                rs.getString("reason"),
                rs.getTimestamp("proposed_at").toInstant());
    }
}
