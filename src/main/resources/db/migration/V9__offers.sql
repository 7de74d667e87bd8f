-- Offers in the negotiation for a listing sold by NEGOTIATION: a thread of offers between one buyer and the seller,
-- each counter a new row linked to the offer it answers. An offer's terms never change; only its status does.
create table offer (
    id                text primary key,
    listing_id        text not null,
    previous_offer_id text references offer (id),
    round             integer not null check (round >= 1),
    buyer_id          text not null,
    seller_id         text not null,
    made_by           text not null,
    -- price, payment schedule and scope as canonical JSON; price_minor and currency repeat the price for queries
    terms             jsonb not null,
    price_minor       bigint not null check (price_minor >= 0),
    currency          text not null,
    made_at           timestamptz not null,
    deadline          timestamptz not null,
    status            text not null,
    updated_at        timestamptz not null,
    check (deadline > made_at),
    check (made_by in (buyer_id, seller_id)),
    check ((round = 1) = (previous_offer_id is null))
);

-- a counter answers one offer only
create unique index offer_answers_once on offer (previous_offer_id) where previous_offer_id is not null;
create index offer_listing on offer (listing_id, buyer_id, made_at);
-- the expiry job's claims
create index offer_open_deadline on offer (deadline) where status = 'OPEN';
