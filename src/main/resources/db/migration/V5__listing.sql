-- Listings: what is offered (assets, assignment or licence), under which mechanism, by whom, and where it stands.
-- The mechanism's parameters are kept as canonical JSON text exactly as published (the reserve among them, which
-- the API never shows); the engine's state is JSON text rewritten under the row lock with every accepted command.
create table listing (
    id            text primary key,
    venue_id      text not null,
    seller_id     text not null,
    title         text not null,
    description   text not null,
    asset_ids     text[] not null,
    industries    text[] not null,
    offer_kind    text not null,
    licence_scope text,
    mechanism     text not null,
    terms         text not null,
    currency      char(3) not null,
    deposit       bigint not null check (deposit >= 0),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    status        text not null,
    status_reason text,
    state         text not null,
    bid_count     bigint not null default 0,
    winner_id     text,
    award_price   bigint,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint not null
);

-- The closing job's two claims: OPEN listings whose end has come, PUBLISHED ones whose start has come.
create index listing_due on listing (status, ends_at);
create index listing_starting on listing (status, starts_at);
create index listing_by_status on listing (status, id);

-- Every accepted bid, acceptance or purchase, in the order the sale accepted it. Amounts and maxima are secret
-- until the close (sealed) or forever (English maxima); the API decides what to show.
create table listing_bid (
    id         text primary key,
    listing_id text not null references listing (id),
    bidder_id  text not null,
    kind       text not null check (kind in ('BID', 'ACCEPTANCE', 'PURCHASE')),
    amount     bigint not null,
    max_amount bigint,
    sequence   bigint not null,
    placed_at  timestamptz not null,
    unique (listing_id, sequence)
);

create index listing_bid_by_listing on listing_bid (listing_id, sequence);

-- One row per bidder per listing: the deposit held for them, and the number under which they appear in the
-- public history ("Bidder 3"), given in the order bidders first bid.
create table listing_bidder (
    listing_id  text not null references listing (id),
    bidder_id   text not null,
    alias       int not null,
    hold_id     text,
    deposit     text not null check (deposit in ('NONE', 'HELD', 'RELEASED', 'KEPT')),
    joined_at   timestamptz not null,
    primary key (listing_id, bidder_id),
    unique (listing_id, alias)
);
