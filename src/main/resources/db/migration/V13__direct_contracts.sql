-- Development, consulting and service contracts concluded directly between two parties pass no rights in an
-- asset, so a deal has a grant kind only when it is a transfer or a licence.
alter table deal alter column grant_kind drop not null;
alter table deal add constraint deal_grant_kind_fits_type
    check ((grant_kind is null) = (contract_type in ('DEVELOPMENT', 'CONSULTING', 'SERVICE')));
