-- Which database a node's search index was built from. A node keeps its index in its own data directory and trusts
-- the feed position the index holds; an index built from another database (a data directory kept while the database
-- was created anew) would otherwise keep that database's items and skip this one's changes up to its position. Each
-- commit of an index records this id, and a node rebuilds an index whose id differs (ADR 0089).
create table search_origin (
    id   uuid primary key default gen_random_uuid(),
    only_one boolean not null default true unique check (only_one)
);
insert into search_origin default values;
