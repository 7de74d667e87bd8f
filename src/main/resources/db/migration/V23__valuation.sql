-- Valuation reports: each stored once as issued (json keeps its text as written), with the figures a reader filters on.
create table valuation (
    id              text primary key,
    asset_id        text not null,
    purpose         text not null,
    valuation_date  date not null,
    value_minor     bigint not null check (value_minor >= 0),
    low_minor       bigint not null check (low_minor >= 0),
    high_minor      bigint not null check (high_minor >= low_minor),
    currency        text not null,
    requested_by    text not null,
    -- the owner organization that asked; null when an operator did
    organization_id text,
    report          json not null,
    created_at      timestamptz not null
);
create index valuation_asset on valuation (asset_id, created_at desc, id desc);

-- The deals on given assets, as the valuation's comparables are read (deal.ComparableDeals).
create index deal_asset_asset on deal_asset (asset_id);
