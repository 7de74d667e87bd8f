-- The search module's change feed: one row for every change to a searchable item, written by a trigger in the same
-- transaction as the change. Every node tails it to keep its own index (ADR 0043). Sequence values are taken before
-- their transactions commit, so a row can become visible after rows with higher numbers: each row also keeps the id
-- of the transaction that wrote it, and a reader re-reads the rows of transactions that were still running when it
-- last read (txid >= the snapshot's xmin then), so that it never misses one.
create table search_change (
    seq        bigserial primary key,
    type       text not null,
    id         text not null,
    changed_at timestamptz not null default now(),
    txid       bigint not null default (pg_current_xact_id()::text::bigint)
);
create index search_change_txid on search_change (txid);
create index search_change_changed_at on search_change (changed_at);

-- The one trigger function other modules attach to their tables:
--   create trigger need_search_changed after insert or update or delete on need
--       for each row execute function search_changed('need');
-- The first argument is the item type (as ?types= names it), the optional second the column holding the item's id
-- (default id), so that a child table can announce its parent (asset_owner announces its asset_id).
create function search_changed() returns trigger language plpgsql as $$
declare
    item_column text := coalesce(tg_argv[1], 'id');
    item_id     text;
begin
    if tg_op = 'DELETE' then
        item_id := to_jsonb(old) ->> item_column;
    else
        item_id := to_jsonb(new) ->> item_column;
    end if;
    if item_id is not null then
        insert into search_change (type, id) values (tg_argv[0], item_id);
    end if;
    return null;
end
$$;

-- Only what the index shows: a bid moves a listing's state and count, not its searchable text.
create trigger asset_search_changed
    after insert or delete or update of kind, title, abstract, language, patent_number, ipc, industries, legal_status,
        trl, registered_by, registration on asset
    for each row execute function search_changed('asset');
create trigger asset_owner_search_changed
    after insert or update or delete on asset_owner
    for each row execute function search_changed('asset', 'asset_id');
create trigger listing_search_changed
    after insert or delete or update of title, description, asset_ids, industries, offer_kind, mechanism, terms,
        currency, status, award_price on listing
    for each row execute function search_changed('listing');
create trigger organization_search_changed
    after insert or delete or update of name, type, region, status on organization
    for each row execute function search_changed('organization');

-- Saved searches: a user's query, told on its channel when a newly indexed item matches it.
create table saved_search (
    id              text primary key,
    user_id         text not null references app_user (id),
    organization_id text not null references organization (id),
    name            text not null,
    query           text not null,
    channel         text not null check (channel in ('IN_APP', 'WEBHOOK')),
    created_at      timestamptz not null
);
create index saved_search_user on saved_search (user_id, created_at);

-- Each item notifies a saved search once, whichever node indexed it first.
create table saved_search_match (
    saved_search_id text not null references saved_search (id) on delete cascade,
    item_type       text not null,
    item_id         text not null,
    matched_at      timestamptz not null,
    primary key (saved_search_id, item_type, item_id)
);
