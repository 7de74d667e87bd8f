-- The retention job deletes stored idempotent responses by age.
create index idempotency_key_created on idempotency_key (created_at);
