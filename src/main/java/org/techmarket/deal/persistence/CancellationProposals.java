package org.techmarket.deal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
        return jdbc.sql("select deal_id, proposed_by, reason, proposed_at from deal_cancellation_proposal"
                        + " where deal_id = ?")
                .param(dealId)
                .query((rs, n) -> new Proposal(
                        rs.getString("deal_id"),
                        rs.getString("proposed_by"),
                        rs.getString("reason"),
                        rs.getTimestamp("proposed_at").toInstant()))
                .optional();
    }
}
