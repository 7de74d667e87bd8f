-- The rights registry: open-licence declarations of patents, and every grant made on an asset.

-- A declaration is never edited: replacing one withdraws it and inserts the next, so history stays readable.
create table rights_open_licence (
    id                    text primary key,
    asset_id              text not null references asset (id),
    declared_by           text not null references organization (id),
    royalty_type          text not null check (royalty_type in ('LUMP_SUM', 'PERCENT_OF_REVENUE')),
    lump_sum_minor        bigint check (lump_sum_minor > 0),
    revenue_basis_points  int check (revenue_basis_points between 1 and 10000),
    minimum_per_year_minor bigint check (minimum_per_year_minor > 0),
    currency              text not null check (currency ~ '^[A-Z]{3}$'),
    term_months           int check (term_months > 0),
    term_days             int check (term_days > 0),
    -- the optional scope restriction; both null when licences cover all fields world-wide
    fields                text[] check (cardinality(fields) > 0),
    territories           text[] check (cardinality(territories) > 0),
    -- the asset's future-industry tags when declared, for the catalogue's filter
    industries            text[] not null,
    status                text not null check (status in ('ACTIVE', 'WITHDRAWN')),
    declared_at           timestamptz not null,
    withdrawn_at          timestamptz,
    check ((royalty_type = 'LUMP_SUM') = (lump_sum_minor is not null)),
    check ((royalty_type = 'PERCENT_OF_REVENUE') = (revenue_basis_points is not null)),
    check ((revenue_basis_points is null) = (minimum_per_year_minor is null)),
    check ((term_months is null) <> (term_days is null)),
    check ((fields is null) = (territories is null)),
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);
-- At most one declaration stands per asset.
create unique index rights_open_licence_standing on rights_open_licence (asset_id) where status = 'ACTIVE';
create index rights_open_licence_industries on rights_open_licence using gin (industries) where status = 'ACTIVE';

create table rights_grant (
    id                  text primary key,
    asset_id            text not null references asset (id),
    type                text not null check (type in ('ASSIGNMENT', 'EXCLUSIVE_LICENCE', 'SOLE_LICENCE',
                            'NON_EXCLUSIVE_LICENCE', 'OPEN_LICENCE', 'PLEDGE')),
    grantors            text[] not null check (cardinality(grantors) > 0),
    grantee_id          text not null references organization (id),
    fields              text[] not null check (cardinality(fields) > 0),
    territories         text[] not null check (cardinality(territories) > 0),
    starts_on           date not null,
    ends_on             date not null,
    sublicensable       boolean not null,
    pledgee_consent     boolean not null,
    status              text not null check (status in ('ACTIVE', 'TERMINATED', 'EXPIRED', 'RELEASED')),
    terminated_from     date,
    termination_reason  text,
    terminated_at       timestamptz,
    -- the exclusive end of the days the grant holds rights (see Grant.effectiveTerm); the check's query uses it
    effective_end       date generated always as (case status
                            when 'ACTIVE' then ends_on
                            when 'TERMINATED' then least(terminated_from, ends_on)
                            else starts_on end) stored,
    parent_grant_id     text references rights_grant (id),
    open_licence_id     text references rights_open_licence (id),
    amount_due_minor    bigint check (amount_due_minor > 0),
    amount_due_currency text check (amount_due_currency ~ '^[A-Z]{3}$'),
    -- the deal (or other cause) that recorded the grant; a cause records at most one grant
    cause_id            text unique,
    recorded_by         text not null,
    created_at          timestamptz not null,
    version             bigint not null,
    check (starts_on < ends_on),
    check ((status = 'TERMINATED') = (terminated_from is not null)),
    check ((terminated_from is null) = (termination_reason is null)),
    check ((terminated_from is null) = (terminated_at is null)),
    check ((amount_due_minor is null) = (amount_due_currency is null)),
    check (open_licence_id is null or type = 'OPEN_LICENCE'),
    check (parent_grant_id is null or type in ('EXCLUSIVE_LICENCE', 'SOLE_LICENCE', 'NON_EXCLUSIVE_LICENCE', 'OPEN_LICENCE'))
);
-- A check reads the grants in force during a term: asset, then the end of what each still holds.
create index rights_grant_in_force on rights_grant (asset_id, effective_end, starts_on);
create index rights_grant_asset_id on rights_grant (asset_id, id);
create index rights_grant_grantee on rights_grant (grantee_id, id);
create index rights_grant_assignment on rights_grant (asset_id, created_at) where type = 'ASSIGNMENT';
