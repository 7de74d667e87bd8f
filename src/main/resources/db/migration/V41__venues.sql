-- Federation: many venues on one registry. A market administrator creates venues; each has versioned fee schedules
-- and rulebooks, the terms every listing was approved under, cross-listings on other venues, concerns raised about
-- organizations another venue verified, how each deal's fee was split, and a feed of the market's public events.
alter table app_user drop constraint app_user_scope;
alter table app_user add constraint app_user_scope check (
    (role in ('MEMBER', 'ORG_ADMIN') and organization_id is not null and venue_id is null)
    or (role = 'OPERATOR' and organization_id is null and venue_id is not null)
    or (role in ('REGULATOR', 'MARKET_ADMIN') and organization_id is null and venue_id is null));

-- The venue whose operator first verified the organization; every venue relies on that verification.
alter table organization add column verified_by_venue text references venue (id);

create table venue_fee_schedule (
    venue_id                      text not null references venue (id),
    version                       int not null check (version >= 1),
    default_basis_points          int not null check (default_basis_points between 0 and 10000),
    minimum_fen                   bigint not null check (minimum_fen >= 0),
    maximum_fen                   bigint not null,
    introducer_share_basis_points int not null check (introducer_share_basis_points between 0 and 10000),
    currency                      char(3) not null,
    effective_from                timestamptz not null,
    primary key (venue_id, version),
    check (maximum_fen >= minimum_fen)
);

-- A schedule's rate for one price mechanism and contract type; '*' stands for any.
create table venue_fee_rate (
    venue_id      text not null,
    version       int not null,
    mechanism     text not null,
    contract_type text not null,
    basis_points  int not null check (basis_points between 0 and 10000),
    primary key (venue_id, version, mechanism, contract_type),
    foreign key (venue_id, version) references venue_fee_schedule (venue_id, version)
);

create table venue_rulebook (
    venue_id       text not null references venue (id),
    version        int not null check (version >= 1),
    title          text not null,
    body           text not null,
    sha256         char(64) not null,
    effective_from timestamptz not null,
    primary key (venue_id, version)
);

-- The fee schedule and rulebook versions in force when the listing was approved on its venue.
create table venue_listing_terms (
    listing_id           text primary key,
    venue_id             text not null references venue (id),
    fee_schedule_version int not null,
    rulebook_version     int not null,
    approved_at          timestamptz not null
);
create index venue_listing_terms_venue on venue_listing_terms (venue_id, approved_at);

create table venue_cross_listing (
    listing_id       text not null,
    venue_id         text not null references venue (id),
    listing_venue_id text not null references venue (id),
    status           text not null check (status in ('REQUESTED', 'APPROVED')),
    requested_by     text not null,
    requested_at     timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    primary key (listing_id, venue_id),
    check (venue_id <> listing_venue_id),
    check ((status = 'APPROVED') = (approved_at is not null))
);
create index venue_cross_listing_venue on venue_cross_listing (venue_id, status);

create table venue_concern (
    id               text primary key,
    organization_id  text not null references organization (id),
    verifying_venue  text not null references venue (id),
    raised_by_venue  text not null references venue (id),
    raised_by        text not null,
    reason           text not null,
    raised_at        timestamptz not null
);
create index venue_concern_verifying on venue_concern (verifying_venue, raised_at);

-- Each payment of a fee out of a deal's escrow, as the listing venue and the introducing venue shared it.
create table venue_fee_payment (
    id                   bigserial primary key,
    deal_id              text not null,
    listing_venue_id     text not null references venue (id),
    introducing_venue_id text references venue (id),
    currency             char(3) not null,
    fee_fen              bigint not null check (fee_fen >= 0),
    listing_venue_fen    bigint not null check (listing_venue_fen >= 0),
    introducer_fen       bigint not null check (introducer_fen >= 0),
    paid_at              timestamptz not null,
    check (listing_venue_fen + introducer_fen = fee_fen),
    check ((introducing_venue_id is null) = (introducer_fen = 0) or introducing_venue_id is not null)
);
create index venue_fee_payment_listing on venue_fee_payment (listing_venue_id, paid_at);
create index venue_fee_payment_introducing on venue_fee_payment (introducing_venue_id, paid_at);

-- Each venue's public events (listings published, leads taken, awards, endings, deal steps), kept as they commit, for
-- other venues to pull by cursor when Kafka is not configured; event_ref makes a repeated delivery change nothing.
create table venue_public_event (
    seq       bigserial primary key,
    event_ref text not null unique,
    venue_id  text not null references venue (id),
    type      text not null,
    subject   text not null,
    body      text not null,
    at        timestamptz not null
);
create index venue_public_event_venue on venue_public_event (venue_id, seq);
