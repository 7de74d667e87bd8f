-- Responses to requests sent with an Idempotency-Key, stored in the transaction that made their changes.
create table idempotency_key (
    scope            text not null,
    key              text not null,
    request_hash     char(64) not null,
    response_status  int not null,
    response_headers text not null,
    response_body    text not null,
    created_at       timestamptz not null,
    primary key (scope, key)
);

-- The ledger's accounts. The id is "KIND:owner:CURRENCY"; only BANK, the mirror of money held outside at the
-- settlement bank, may go below zero. The balance is the sum of the account's entries.
create table ledger_account (
    id         text primary key,
    kind       text not null check (kind in ('AVAILABLE', 'HELD', 'FEES', 'ESCROW', 'BANK')),
    owner      text not null,
    currency   char(3) not null,
    balance    bigint not null default 0,
    created_at timestamptz not null,
    unique (kind, owner, currency),
    constraint ledger_account_not_overdrawn check (kind = 'BANK' or balance >= 0)
);

-- Transfers: immutable double-entry movements of an amount from one account to another.
create table ledger_transfer (
    id              text primary key,
    batch_id        text not null,
    debit_account   text not null references ledger_account (id),
    credit_account  text not null references ledger_account (id),
    amount          bigint not null check (amount > 0),
    currency        char(3) not null,
    reason          text not null,
    cause           text not null,
    idempotency_key text,
    actor           text not null,
    posted_at       timestamptz not null,
    check (debit_account <> credit_account)
);
create unique index ledger_transfer_idempotency_key on ledger_transfer (idempotency_key)
    where idempotency_key is not null;

-- Entries: each transfer's two sides, with the account's balance after it (the running balance of a statement).
create table ledger_entry (
    sequence      bigint generated always as identity primary key,
    account_id    text not null references ledger_account (id),
    transfer_id   text not null references ledger_transfer (id),
    amount        bigint not null check (amount <> 0),
    balance_after bigint not null,
    posted_at     timestamptz not null
);
create index ledger_entry_account on ledger_entry (account_id, sequence);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger transfers and entries are immutable';
end $$;
create trigger ledger_transfer_append_only before update or delete on ledger_transfer
    for each row execute function ledger_is_append_only();
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_is_append_only();

-- Holds: funds moved from an organization's AVAILABLE to its HELD account for a purpose, later captured,
-- released or expired. The HELD balance of an organization equals the remaining amount of its active holds.
create table ledger_hold (
    id              text primary key,
    organization_id text not null,
    currency        char(3) not null,
    amount          bigint not null check (amount > 0),
    captured        bigint not null check (captured >= 0),
    remaining       bigint not null check (remaining >= 0),
    purpose         text not null,
    cause           text not null,
    deadline        timestamptz,
    status          text not null check (status in ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED')),
    created_at      timestamptz not null,
    closed_at       timestamptz,
    check (captured + remaining <= amount),
    check ((status = 'ACTIVE') = (closed_at is null)),
    check (status = 'ACTIVE' or remaining = 0)
);
create index ledger_hold_due on ledger_hold (deadline) where status = 'ACTIVE' and deadline is not null;
create index ledger_hold_organization on ledger_hold (organization_id, currency) where status = 'ACTIVE';

-- Money received at the settlement bank; a bank reference is recorded once.
create table ledger_cash_in (
    id              text primary key,
    bank_reference  text not null unique,
    organization_id text not null,
    amount          bigint not null check (amount > 0),
    currency        char(3) not null,
    transfer_id     text references ledger_transfer (id),
    recorded_by     text not null,
    recorded_at     timestamptz not null
);

-- Withdrawals: requested by an organization (its funds are held meanwhile), paid out on an operator's confirmation.
create table ledger_cash_out (
    id              text primary key,
    organization_id text not null,
    amount          bigint not null check (amount > 0),
    currency        char(3) not null,
    hold_id         text not null references ledger_hold (id),
    status          text not null check (status in ('PENDING', 'CONFIRMED', 'CANCELLED')),
    requested_by    text not null,
    requested_at    timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    bank_reference  text
);
create index ledger_cash_out_organization on ledger_cash_out (organization_id, id);
