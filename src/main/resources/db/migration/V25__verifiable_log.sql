-- The audit log as an RFC 9162 Merkle tree (ADR 0036). How many sealed events are leaves of the tree: the sealer
-- moves it with the sequence, under the same lock; it starts at 0 so that events sealed before become leaves first.
alter table audit_head add column tree_size bigint not null default 0;

-- The tree's complete subtrees: node (level, node_index) covers leaves [node_index * 2^level, (node_index + 1) * 2^level).
create table log_node (
    level      smallint not null check (level between 0 and 62),
    node_index bigint   not null check (node_index >= 0),
    hash       bytea    not null check (length(hash) = 32),
    primary key (level, node_index)
);

-- The private salt of each confidential event's commitment, by leaf index.
create table log_leaf_salt (
    leaf_index bigint primary key,
    salt       bytea not null check (length(salt) = 32)
);

-- Signed checkpoints as stored: a size and the root of the tree of that size; the note is signed when served.
create table log_checkpoint (
    tree_size bigint primary key check (tree_size >= 0),
    root      bytea not null check (length(root) = 32),
    issued_at timestamptz not null
);

-- Witnesses' cosignature lines on a stored checkpoint.
create table log_cosignature (
    tree_size bigint not null references log_checkpoint (tree_size),
    line      text   not null,
    added_at  timestamptz not null,
    primary key (tree_size, line)
);

-- Nodes, salts and checkpoints never change once written, and are never removed.
create function log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger log_node_append_only before update or delete on log_node
    for each row execute function log_is_append_only();
create trigger log_leaf_salt_append_only before update or delete on log_leaf_salt
    for each row execute function log_is_append_only();
create trigger log_checkpoint_append_only before update or delete on log_checkpoint
    for each row execute function log_is_append_only();
