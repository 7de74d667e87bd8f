-- An organization's admin deactivates one of its users: the user keeps their history but can no longer act.
alter table app_user add column deactivated_at timestamptz;

-- The active admins of an organization, counted whenever an admin is deactivated.
create index app_user_active_admins on app_user (organization_id) where role = 'ORG_ADMIN' and deactivated_at is null;
