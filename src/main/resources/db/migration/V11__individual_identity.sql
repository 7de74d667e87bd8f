-- Individuals (natural persons) are identified by the number of their resident identity card (GB 11643-1999), as
-- organizations are by their unified social credit code. Only individuals have one; a person registers once.
-- Individuals registered before this have none and cannot be a contract's party until they do.
alter table organization add column identity_number text;
alter table organization add constraint organization_identity_number_unique unique (identity_number);
alter table organization add constraint organization_identity_number_only_individual
    check (identity_number is null or type = 'INDIVIDUAL');
