-- Who really owns a patent: co-owners confirm being named, a declined registration is void, and registrations
-- can be contested before an operator.

-- When each owner confirmed its share; the registrant's is confirmed at registration, assignees' at assignment.
alter table asset_owner add column confirmed_at timestamptz;
update asset_owner o set confirmed_at = a.created_at from asset a where a.id = o.asset_id;

-- PENDING until every named co-owner confirmed, CONFIRMED once all have, DECLINED (void) when one declined.
alter table asset add column registration text not null default 'CONFIRMED'
    check (registration in ('PENDING', 'CONFIRMED', 'DECLINED'));

-- A declined registration no longer holds its patent number, so the real owners can register it.
alter table asset drop constraint asset_patent_number_key;
create unique index asset_patent_number on asset (patent_number) where registration <> 'DECLINED';

create table asset_ownership_dispute (
    id           text primary key,
    asset_id     text not null references asset (id),
    claimant_id  text not null references organization (id),
    respondents  text[] not null,
    statement    text not null,
    evidence     text[] not null,
    status       text not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    reason       text,
    decided_by   text,
    decided_at   timestamptz,
    created_at   timestamptz not null
);
create index asset_ownership_dispute_asset on asset_ownership_dispute (asset_id, status);
-- One open dispute per claimant and asset.
create unique index asset_ownership_dispute_open on asset_ownership_dispute (asset_id, claimant_id)
    where status = 'OPEN';
