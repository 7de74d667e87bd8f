-- Run once, in one transaction, on a market whose database was copied from the machine's migrated cluster template
-- (ClusterTemplate, ADR 0099), before the market uses it. The template holds the rows its own migration made; each
-- row a migration makes that must differ between markets is made anew here.

-- V73: which database a node's search index was built from; copies sharing it would take each other's indexes.
update search_origin set id = gen_random_uuid();
