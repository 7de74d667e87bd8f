-- Deals: one row per sale or open licence taken, carrying its contract terms, status and deadlines.
create table deal (
    id                   text primary key,
    -- what opened the deal ('listing:<id>', 'open-licence:<grant id>'); a repeated event finds it taken
    cause                text not null unique,
    venue_id             text not null,
    listing_id           text,
    open_licence_grant_id text,
    mechanism            text not null,
    status               text not null,
    contract_type        text not null,
    grant_kind           text not null,
    transfer_subject     text,
    licence_kind         text,
    seller_id            text not null,
    seller_name          text not null,
    seller_credit_code   text not null,
    seller_region        text not null,
    buyer_id             text not null,
    buyer_name           text not null,
    buyer_credit_code    text not null,
    buyer_region         text not null,
    -- the granted scope as the rights registry reads it; fields and territories one per line
    scope_fields         text not null,
    scope_territories    text not null,
    scope_start          date not null,
    scope_end            date,
    price_minor          bigint not null check (price_minor >= 0),
    currency             text not null,
    payment_due          date not null,
    acceptance_days      integer not null,
    delivery_obligations text not null,
    deposit_hold_id      text,
    runner_up_id         text,
    runner_up_minor      bigint,
    contract_hash        text not null,
    contract_zh          text not null,
    contract_en          text not null,
    funding_deadline     timestamptz,
    delivered_at         timestamptz,
    acceptance_deadline  timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint deal_parties_differ check (seller_id <> buyer_id)
);
create index deal_seller on deal (seller_id, id);
create index deal_buyer on deal (buyer_id, id);
-- what the automatic acceptance job scans
create index deal_acceptance_due on deal (acceptance_deadline) where status = 'DELIVERED';

create table deal_asset (
    deal_id       text not null references deal (id),
    position      integer not null,
    asset_id      text not null,
    title         text not null,
    patent_number text,
    primary key (deal_id, position)
);

-- Every status a deal passed through, who moved it and why.
create table deal_history (
    id         bigserial primary key,
    deal_id    text not null references deal (id),
    status     text not null,
    event      text not null,
    actor      text not null,
    at         timestamptz not null
);
create index deal_history_deal on deal_history (deal_id, id);

-- Each organization's Ed25519 key pair, the private key sealed under the key-encryption key.
create table organization_signing_key (
    organization_id    text primary key,
    public_key         text not null,
    sealed_private_key text not null,
    created_at         timestamptz not null
);

create table deal_signature (
    id              text primary key,
    deal_id         text not null references deal (id),
    organization_id text not null,
    user_id         text not null,
    contract_hash   text not null,
    public_key      text not null,
    signature       text not null,
    signed_at       timestamptz not null,
    unique (deal_id, organization_id)
);

-- The seller's delivery: documents identified by their SHA-256 and described.
create table deal_delivery_document (
    deal_id     text not null references deal (id),
    position    integer not null,
    sha256      text not null,
    description text not null,
    primary key (deal_id, position)
);

-- The rights a completed deal recorded, one grant per asset.
create table deal_grant (
    deal_id  text not null references deal (id),
    asset_id text not null,
    grant_id text not null,
    primary key (deal_id, asset_id)
);

-- Technology contract registrations and the per-venue, per-year serial counter they draw from.
create table registration_counter (
    venue_id text not null,
    year     integer not null,
    last_serial integer not null,
    primary key (venue_id, year)
);

create table contract_registration (
    number         text primary key,
    deal_id        text not null unique references deal (id),
    venue_id       text not null,
    contract_hash  text not null,
    contract_type  text not null,
    amount_minor   bigint not null,
    currency       text not null,
    qualification  text not null,
    qualifies      boolean not null,
    registered_on  date not null,
    registered_at  timestamptz not null
);

-- Disputes: opened by a party with reasons and evidence hashes while escrow holds the money; an operator decides.
create table deal_dispute (
    id                 text primary key,
    deal_id            text not null references deal (id),
    opened_by          text not null,
    reasons            text not null,
    -- SHA-256 hashes of the evidence, one per line
    evidence           text not null,
    opened_at          timestamptz not null,
    outcome            text,
    seller_gross_minor bigint,
    decision           text,
    decided_by         text,
    decided_at         timestamptz
);
-- a deal is disputed at most once
create unique index deal_dispute_once on deal_dispute (deal_id);
-- what the default job scans
create index deal_funding_due on deal (funding_deadline) where status = 'SIGNED';
