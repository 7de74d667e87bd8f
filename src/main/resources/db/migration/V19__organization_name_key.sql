-- The same-name key of an organization's name (NFKC, case-folded, invisible characters dropped, blanks made one), so
-- that an operator verifying an organization sees the verified ones whose name reads the same. The application
-- computes it with Java's Unicode rules and fills it for organizations registered before this column existed.
alter table organization add column name_key text;

create index organization_verified_name_key on organization (name_key) where status = 'VERIFIED';
