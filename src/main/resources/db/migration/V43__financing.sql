-- Financing against pledged patents: an owner's request, lenders' offers, and the loan the accepted offer makes,
-- secured by a pledge of each asset registered in the rights registry and repaid on a monthly schedule.

create table financing_request (
    id              text primary key,
    owner_id        text        not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    currency        text        not null,
    term_months     int         not null check (term_months between 1 and 120),
    purpose         text        not null,
    status          text        not null check (status in ('AWAITING_CONSENT', 'OPEN', 'FUNDED')),
    created_at      timestamptz not null
);
create index financing_request_owner on financing_request (owner_id, id);
create index financing_request_status on financing_request (status, id);

-- Each asset offered as collateral, with the latest valuation it had when the request was made (if any).
create table financing_collateral (
    request_id          text   not null references financing_request (id),
    asset_id            text   not null,
    valuation_id        text,
    valuation_minor     bigint,
    primary key (request_id, asset_id)
);

-- The co-owners who must consent before lenders may offer, and whether each has.
create table financing_consent (
    request_id      text    not null references financing_request (id),
    owner_id        text    not null,
    consented_at    timestamptz,
    primary key (request_id, owner_id)
);

create table financing_offer (
    id              text primary key,
    request_id      text        not null references financing_request (id),
    lender_id       text        not null,
    rate_bp         int         not null check (rate_bp between 1 and 10000),
    ltv_bp          int         not null check (ltv_bp between 1 and 10000),
    term_months     int         not null check (term_months between 1 and 120),
    principal_minor bigint      not null check (principal_minor > 0),
    status          text        not null check (status in ('OPEN', 'ACCEPTED', 'LAPSED')),
    created_at      timestamptz not null
);
create index financing_offer_request on financing_offer (request_id, id);
create unique index financing_offer_one_accepted on financing_offer (request_id) where status = 'ACCEPTED';

create table loan (
    id                      text primary key,
    request_id              text        not null unique references financing_request (id),
    offer_id                text        not null unique references financing_offer (id),
    owner_id                text        not null,
    lender_id               text        not null,
    principal_minor         bigint      not null check (principal_minor > 0),
    outstanding_minor       bigint      not null check (outstanding_minor >= 0),
    currency                text        not null,
    rate_bp                 int         not null,
    term_months             int         not null,
    disbursed_on            date        not null,
    accrued_through         date        not null,
    accrued_interest_minor  bigint      not null check (accrued_interest_minor >= 0),
    interest_carry          bigint      not null check (interest_carry >= 0 and interest_carry < 3650000),
    interest_paid_minor     bigint      not null check (interest_paid_minor >= 0),
    status                  text        not null check (status in ('ACTIVE', 'OVERDUE', 'REPAID', 'DEFAULTED')),
    created_at              timestamptz not null,
    closed_at               timestamptz,
    check ((status = 'REPAID') = (outstanding_minor = 0 and accrued_interest_minor = 0))
);
create index loan_owner on loan (owner_id, id);
create index loan_lender on loan (lender_id, id);
create index loan_servicing on loan (accrued_through) where status in ('ACTIVE', 'OVERDUE');

-- The pledge registered on each asset: the rights registry's grant and the registration number it was given.
create table loan_pledge (
    loan_id             text not null references loan (id),
    asset_id            text not null,
    grant_id            text not null unique,
    registration_number text not null unique,
    primary key (loan_id, asset_id)
);

create table loan_instalment (
    loan_id             text    not null references loan (id),
    seq                 int     not null,
    due_on              date    not null,
    principal_minor     bigint  not null check (principal_minor > 0),
    paid_on             date,
    interest_paid_minor bigint,
    primary key (loan_id, seq)
);
create index loan_instalment_unpaid on loan_instalment (due_on) where paid_on is null;

create sequence pledge_registration_seq;
