-- Individuals (natural persons) are identified by the number of their resident identity card (GB 11643-1999), as
-- organizations are by their unified social credit code. Only individuals have one; a person registers once.
-- Individuals registered before this have none and cannot be a contract's party until they do.
alter table organization add column identity_number text;
alter table organization add constraint organization_identity_number_unique unique (identity_number);
alter table organization add constraint organization_identity_number_only_individual
    check (identity_number is null or type = 'INDIVIDUAL');

-- A deal names each party by a unified social credit code or, for a natural person, a resident identity number.
alter table deal rename column seller_credit_code to seller_identifier;
alter table deal rename column buyer_credit_code to buyer_identifier;
alter table deal add column seller_identifier_kind text not null default 'CREDIT_CODE'
    check (seller_identifier_kind in ('CREDIT_CODE', 'RESIDENT_ID'));
alter table deal add column buyer_identifier_kind text not null default 'CREDIT_CODE'
    check (buyer_identifier_kind in ('CREDIT_CODE', 'RESIDENT_ID'));
-- the default only named the deals made before; every new deal states its parties' kinds
alter table deal alter column seller_identifier_kind drop default;
alter table deal alter column buyer_identifier_kind drop default;
