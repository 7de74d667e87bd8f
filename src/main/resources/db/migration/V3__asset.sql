-- The technology asset registry.
create table asset (
    id                   text primary key,
    kind                 text not null,
    title                text not null,
    abstract             text not null,
    language             text not null check (language in ('zh', 'en')),
    patent_number        text unique,
    ipc                  text[] not null,
    industries           text[] not null,
    legal_status         text not null,
    filed_on             date,
    granted_on           date,
    expires_on           date,
    trl                  int not null check (trl between 1 and 9),
    registered_by        text not null references organization (id),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint not null
);
create index asset_industries on asset using gin (industries);

-- Owners and their shares in hundredths of a percent: the shares of an asset sum to 10000.
create table asset_owner (
    asset_id        text not null references asset (id),
    organization_id text not null references organization (id),
    share_hundredths int not null check (share_hundredths > 0 and share_hundredths <= 10000),
    primary key (asset_id, organization_id)
);
create index asset_owner_organization on asset_owner (organization_id, asset_id);
