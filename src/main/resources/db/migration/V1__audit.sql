-- The audit log: append-only events chained by SHA-256 (see org.techmarket.audit.domain.HashChain).
-- A transaction appends its events unsealed (no sequence, no hash) without waiting for anyone; the sealer then
-- gives committed events their place in the chain, one sealer at a time (see ADR 0003).
create table audit_event (
    id            bigserial primary key,
    sequence      bigint unique,
    occurred_at   timestamptz not null,
    actor         text not null,
    type          text not null,
    subject       text not null,
    payload       text not null,
    previous_hash char(64),
    hash          char(64) unique,
    constraint audit_event_sealed_whole check ((sequence is null) = (hash is null) and (hash is null) = (previous_hash is null))
);
create index audit_event_subject on audit_event (subject);
create index audit_event_unsealed on audit_event (id) where sequence is null;

-- The head of the chain: one row, locked by the sealer so the chain never forks.
create table audit_head (
    id       int primary key check (id = 1),
    sequence bigint not null,
    hash     char(64) not null
);
insert into audit_head (id, sequence, hash) values (1, 0, repeat('0', 64));

-- Events are never removed, and never changed except once: an unsealed event receives its place in the chain.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.sequence is null
            and new.id = old.id and new.occurred_at = old.occurred_at and new.actor = old.actor
            and new.type = old.type and new.subject = old.subject and new.payload = old.payload then
        return new;
    end if;
    raise exception 'audit events are append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
