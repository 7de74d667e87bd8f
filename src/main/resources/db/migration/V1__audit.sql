-- The audit log: append-only events chained by SHA-256 (see org.techmarket.audit.domain.HashChain).
create table audit_event (
    sequence      bigint primary key,
    occurred_at   timestamptz not null,
    actor         text not null,
    type          text not null,
    subject       text not null,
    payload       text not null,
    previous_hash char(64) not null,
    hash          char(64) not null unique
);
create index audit_event_subject on audit_event (subject);

-- The head of the chain: one row, locked by every appending transaction so the chain never forks.
create table audit_head (
    id       int primary key check (id = 1),
    sequence bigint not null,
    hash     char(64) not null
);
insert into audit_head (id, sequence, hash) values (1, 0, repeat('0', 64));

-- Events are never changed or removed.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
