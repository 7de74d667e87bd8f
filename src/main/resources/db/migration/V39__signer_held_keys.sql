-- Ed25519 public keys that an organization's users registered; the private keys stay with the signer.
create table signer_key (
    id              text primary key,
    organization_id text not null,
    user_id         text not null,
    public_key      text not null,
    fingerprint     text not null,
    registered_at   timestamptz not null,
    revoked_at      timestamptz,
    unique (organization_id, public_key)
);
create index signer_key_organization on signer_key (organization_id, registered_at, id);

-- Whether an organization lets the market sign for it with the key the market holds (absent: it has not chosen).
create table organization_signing_choice (
    organization_id text primary key,
    server_held     boolean not null,
    chosen_at       timestamptz not null
);

-- Which kind of key made each signature: the market's for the organization, or a key the signer holds.
alter table deal_signature add column key_kind text not null default 'SERVER_HELD';
alter table deal_signature add column signer_key_id text references signer_key (id);
