-- A party's proposal to cancel a deal by agreement, awaiting the other party's confirmation: at most one per deal.
-- A cancellation both parties sign releases the award deposit; a buyer's one-sided walk-away forfeits it.
create table deal_cancellation_proposal (
    deal_id     text primary key references deal (id),
    proposed_by text not null,
    reason      text not null,
    proposed_at timestamptz not null
);
