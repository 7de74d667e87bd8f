-- What relates organizations to one another, beyond what they trade: who represents them in law and where they are
-- registered (both optional), and the bank account a cash-out is paid to (optional).
-- Each is kept as given and under its same-name key (Text.sameNameKey), which the relation look-ups compare.
alter table organization add column legal_representative text;
alter table organization add column legal_representative_key text;
alter table organization add column registered_address text;
alter table organization add column registered_address_key text;
alter table ledger_cash_out add column bank_account text;

create index organization_legal_representative on organization (legal_representative_key)
    where legal_representative_key is not null;
create index organization_registered_address on organization (registered_address_key)
    where registered_address_key is not null;
create index ledger_cash_out_bank_account on ledger_cash_out (bank_account) where bank_account is not null;
create index security_event_address on security_event (client_address, user_id) where user_id is not null;

-- Surveillance alerts: one row per finding (kind + the finding's key), so a detector run that finds it again adds
-- nothing. The status moves along one transition table (AlertStatus); every move is audited.
create table surveillance_alert (
    id          text primary key,
    kind        text not null,
    finding_key text not null,
    score       double precision not null check (score >= 0 and score <= 1),
    parties     text[] not null,
    evidence    text[] not null,
    rule        text not null,
    status      text not null check (status in ('OPEN', 'UNDER_REVIEW', 'DISMISSED', 'CONFIRMED')),
    note        text,
    raised_at   timestamptz not null,
    updated_at  timestamptz not null,
    reviewed_by text,
    version     bigint not null,
    unique (kind, finding_key)
);
create index surveillance_alert_status on surveillance_alert (status, id);
