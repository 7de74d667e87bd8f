-- Log-in throttling, shared by every node: one row per account name tried ('account:<name>') and per client
-- address ('address:<ip>'). An attempt is counted when it is let through, before its password is checked, so
-- concurrent attempts cannot slip past the limit; a successful log-in clears its account's row.
create table login_throttle (
    key             text primary key,
    failures        integer not null,
    last_attempt_at timestamptz not null,
    blocked_until   timestamptz,
    locked_until    timestamptz
);
create index login_throttle_last_attempt on login_throttle (last_attempt_at);

-- Refused and failed security events, for operators and regulators: no personal data beyond the account and the
-- client address.
create table security_event (
    sequence       bigserial primary key,
    occurred_at    timestamptz not null,
    type           text not null,
    username       text,
    user_id        text,
    client_address text,
    path           text
);
create index security_event_type on security_event (type, sequence);
