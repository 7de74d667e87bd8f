-- The instalments of a deal paid in instalments, in the order they fall due. The first is paid by funding the deal;
-- each later one by its own payment. A deal paid in one sum (or by royalty) has no rows here.
create table deal_instalment (
    deal_id      text not null references deal (id),
    number       integer not null check (number >= 1),
    amount_minor bigint not null check (amount_minor > 0),
    currency     text not null,
    due_date     date not null,
    paid_at      timestamptz,
    -- who paid it (audit name); null while unpaid
    paid_by      text,
    primary key (deal_id, number),
    check ((paid_at is null) = (paid_by is null))
);
