-- Technology brokers: an individual's broker qualification as an operator recorded it, the mandates clients give
-- brokers, which client a broker acts for on each listing, and the broker named in each deal's contract.

create table broker_qualification (
    organization_id text primary key references organization (id),
    number          text not null check (length(number) between 1 and 100),
    issuer          text not null check (length(issuer) between 1 and 200),
    issued_on       date not null,
    recorded_by     text not null,
    recorded_at     timestamptz not null
);

create table mandate (
    id                    text primary key,
    broker_id             text not null references organization (id),
    client_id             text not null references organization (id),
    scope_kind            text not null check (scope_kind in ('ALL', 'ASSETS', 'NEEDS')),
    scope_ids             text[] not null,
    actions               text[] not null check (cardinality(actions) > 0),
    commission_bp         int not null check (commission_bp between 0 and 10000),
    commission_minimum    bigint not null check (commission_minimum >= 0),
    currency              text not null,
    valid_until           timestamptz not null,
    status                text not null check (status in ('PROPOSED', 'CONFIRMED', 'REVOKED')),
    proposed_by           text not null,
    created_at            timestamptz not null,
    confirmed_at          timestamptz,
    revoked_at            timestamptz,
    check (broker_id <> client_id),
    check ((scope_kind = 'ALL') = (cardinality(scope_ids) = 0))
);

-- A broker's and a client's mandates, newest first: the list each side reads and the lookup of X-On-Behalf-Of.
create index mandate_of_broker on mandate (broker_id, client_id, created_at desc);
create index mandate_of_client on mandate (client_id, created_at desc);

-- A broker acts for one client on a listing: the first action it takes there for a client claims the listing for
-- that client, and the primary key refuses a second client, also when two requests race.
create table broker_listing (
    listing_id text not null,
    broker_id  text not null references organization (id),
    client_id  text not null references organization (id),
    mandate_id text not null references mandate (id),
    claimed_at timestamptz not null,
    primary key (listing_id, broker_id)
);

create index broker_listing_of_client on broker_listing (listing_id, client_id);

-- The broker a deal's contract names, for the seller or the buyer, and the commission the contract states.
create table deal_broker (
    deal_id        text not null references deal (id),
    side           text not null check (side in ('SELLER', 'BUYER')),
    broker_id      text not null,
    client_id      text not null,
    mandate_id     text not null,
    commission_bp  int not null check (commission_bp between 0 and 10000),
    minimum_fen    bigint not null check (minimum_fen >= 0),
    commission_fen bigint not null check (commission_fen >= 0),
    primary key (deal_id, side)
);

create index deal_broker_of_broker on deal_broker (broker_id, deal_id);
