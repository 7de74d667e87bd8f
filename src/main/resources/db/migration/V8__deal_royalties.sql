-- Running royalties: the terms of a royalty deal and the licensee's revenue report for each period.

create table deal_royalty_terms (
    deal_id              text primary key references deal (id),
    rate_basis_points    integer not null check (rate_basis_points between 1 and 10000),
    minimum_per_period   bigint not null check (minimum_per_period >= 0),
    currency             text not null,
    reporting_period     text not null,
    report_within_days   integer not null check (report_within_days between 1 and 366)
);

create table deal_royalty_report (
    deal_id              text not null references deal (id),
    period_index         integer not null check (period_index >= 1),
    period_start         date not null,
    period_end           date not null,
    revenue_fen          bigint not null check (revenue_fen >= 0),
    royalty_fen          bigint not null check (royalty_fen >= 0),
    currency             text not null,
    -- the ledger transfer that paid the licensor; null when nothing was due
    transfer_id          text,
    reported_by          text not null,
    reported_at          timestamptz not null,
    primary key (deal_id, period_index),
    check (period_end >= period_start)
);
