-- Statistics: read models of what the market does, kept by the statistics module from the other modules' events
-- and rebuilt from the raw tables when they are empty (ADR 0033). Amounts are minor units (fen); months are the
-- first day of a UTC calendar month.

-- Every fact applied to the read models, by a key naming the fact ('deal:<id>:COMPLETED', 'listing:<id>:LISTED',
-- ...): written in the transaction that applies it, so an event delivered again changes nothing.
create table stat_applied_fact (
    key        text primary key,
    applied_at timestamptz not null
);

-- Deals completed and contracts registered, by future industry, the seller's province, month, mechanism and
-- contract type. A deal counts in the month it completed; a registration in the month it was registered.
create table stat_deal_cell (
    industry         text not null,
    province         text not null,
    month            date not null,
    mechanism        text not null,
    contract_type    text not null,
    deals            bigint not null default 0,
    value            bigint not null default 0,
    registrations    bigint not null default 0,
    registered_value bigint not null default 0,
    primary key (industry, province, month, mechanism, contract_type)
);

-- The same figures summed over mechanism and contract type: what the open data reads unless asked for those two.
create table stat_deal_month (
    industry         text not null,
    province         text not null,
    month            date not null,
    deals            bigint not null default 0,
    value            bigint not null default 0,
    registrations    bigint not null default 0,
    registered_value bigint not null default 0,
    primary key (industry, province, month)
);
-- a period's questions read a few months of it
create index stat_deal_month_by_month on stat_deal_month (month);

-- Completed deals from the seller's province to the buyer's, by month.
create table stat_flow_cell (
    seller_province text not null,
    buyer_province  text not null,
    month           date not null,
    deals           bigint not null default 0,
    value           bigint not null default 0,
    primary key (seller_province, buyer_province, month)
);
create index stat_flow_cell_by_month on stat_flow_cell (month);

-- The cohort of each listing the funnel has seen (its industry, mechanism and the month it starts), so that its
-- deal's completion counts in the same cohort.
create table stat_listing_cohort (
    listing_id text primary key,
    industry   text not null,
    mechanism  text not null,
    month      date not null
);

-- The funnel by cohort: listings published, bid on, awarded, and whose deal completed.
create table stat_funnel_cell (
    industry  text not null,
    mechanism text not null,
    month     date not null,
    listed    bigint not null default 0,
    bid_on    bigint not null default 0,
    awarded   bigint not null default 0,
    completed bigint not null default 0,
    primary key (industry, mechanism, month)
);

-- Awarded listings by industry, asset kind, mechanism and month of the award: the prices realised, the start
-- prices and reserves they are compared with, and the time from the listing's start to its award.
create table stat_sale_cell (
    industry          text not null,
    asset_kind        text not null,
    mechanism         text not null,
    month             date not null,
    sales             bigint not null default 0,
    value             bigint not null default 0,
    start_value       bigint not null default 0,
    reserve_sales     bigint not null default 0,
    reserve_sale_value bigint not null default 0,
    reserve_value     bigint not null default 0,
    seconds_to_sale   bigint not null default 0,
    primary key (industry, asset_kind, mechanism, month)
);

-- Open licences taken, by industry and month, and the amounts they owe.
create table stat_open_licence_cell (
    industry   text not null,
    month      date not null,
    takes      bigint not null default 0,
    amount_due bigint not null default 0,
    primary key (industry, month)
);
