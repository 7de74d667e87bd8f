-- A defaulted loan's pledged assets sold at the lender's auction: the listing records the pledgee that listed it,
-- and the loan ends SETTLED_BY_SALE, owing any shortfall unsecured.
create table pledge_listing (
    listing_id  text        primary key references listing (id),
    loan_id     text        not null,
    pledgee_id  text        not null,
    created_at  timestamptz not null
);
create index pledge_listing_loan on pledge_listing (loan_id);

alter table loan add column shortfall_minor bigint not null default 0 check (shortfall_minor >= 0);
alter table loan drop constraint loan_status_check;
alter table loan add constraint loan_status_check
    check (status in ('ACTIVE', 'OVERDUE', 'REPAID', 'DEFAULTED', 'SETTLED_BY_SALE'));
alter table loan drop constraint loan_check;
alter table loan add constraint loan_check
    check ((status in ('REPAID', 'SETTLED_BY_SALE')) = (outstanding_minor = 0 and accrued_interest_minor = 0));
alter table loan add constraint loan_shortfall_only_after_sale check (shortfall_minor = 0 or status = 'SETTLED_BY_SALE');
