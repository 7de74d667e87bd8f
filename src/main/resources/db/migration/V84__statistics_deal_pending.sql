-- A deal's milestone (completed, or its contract registered) is noted here in the step's own transaction, one row per
-- milestone, and folded into the statistics' read models by a background sweep, a batch per transaction: its facts
-- claimed by key in stat_applied_fact, its cells updated and its rows deleted together, so a milestone is counted
-- once or, rolled back, stays to be folded again. Before, each milestone was an event publication, marked and
-- completed, with a transaction of its own after the step's commit. The key is the fact's key (deal:<id>:<stage>).
create table stat_deal_pending (
    key           text primary key,
    deal_id       text not null,
    stage         text not null,
    listing_id    text,
    mechanism     text not null,
    contract_type text not null,
    seller_region text,
    buyer_region  text,
    price         bigint not null,
    currency      text not null,
    asset_ids     text[] not null,
    at            timestamptz not null,
    noted_at      timestamptz not null
);

create index stat_deal_pending_noted on stat_deal_pending (noted_at, key);
