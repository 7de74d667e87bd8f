-- Venues: the regional exchanges that run markets on the shared registry.
create table venue (
    id         text primary key,
    code       text not null unique,
    name       text not null,
    region     text not null,
    created_at timestamptz not null
);

-- Organizations: every participant that buys, sells or serves in the market.
create table organization (
    id          text primary key,
    name        text not null,
    type        text not null,
    credit_code text unique,
    region      text not null,
    status      text not null,
    venue_id    text not null references venue (id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0,
    constraint organization_individual_has_no_code check ((type = 'INDIVIDUAL') = (credit_code is null))
);

-- Users: members and admins act for an organization, operators for a venue, regulators for the market.
create table app_user (
    id              text primary key,
    username        text not null unique,
    password_hash   text not null,
    display_name    text not null,
    role            text not null,
    organization_id text references organization (id),
    venue_id        text references venue (id),
    created_at      timestamptz not null,
    constraint app_user_scope check (
        (role in ('MEMBER', 'ORG_ADMIN') and organization_id is not null and venue_id is null)
        or (role = 'OPERATOR' and organization_id is null and venue_id is not null)
        or (role = 'REGULATOR' and organization_id is null and venue_id is null))
);
create index app_user_organization on app_user (organization_id);

-- API tokens: only a SHA-256 of the token is kept; the token itself is shown once.
create table api_token (
    id         text primary key,
    user_id    text not null references app_user (id),
    token_hash char(64) not null unique,
    label      text not null,
    created_at timestamptz not null,
    expires_at timestamptz,
    revoked_at timestamptz
);
create index api_token_user on api_token (user_id);
