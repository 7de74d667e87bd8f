-- A lender's offer stands until valid_until; the loan-offer-expiry job marks it EXPIRED after.
alter table financing_offer add column valid_until timestamptz;
update financing_offer set valid_until = created_at + interval '14 days';
alter table financing_offer alter column valid_until set not null;
alter table financing_offer add constraint financing_offer_valid_after_made check (valid_until > created_at);
alter table financing_offer drop constraint financing_offer_status_check;
alter table financing_offer add constraint financing_offer_status_check
    check (status in ('OPEN', 'ACCEPTED', 'LAPSED', 'EXPIRED'));
create index financing_offer_running_out on financing_offer (valid_until, id) where status = 'OPEN';
