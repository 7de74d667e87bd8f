-- A bid rewrites its listing's row (state, count, version) and no indexed column. With the pages packed full (eight
-- rows of about 960 bytes) the new version never fits beside the old one, so every bid's update moved the row to
-- another page and added an entry to each of the listing's six indexes, the GIN index on its assets among them: 1 in
-- 578 updates of a hot listing stayed on its page (ADR 0093). Pages filled to 60 % keep room for a few versions, so an
-- update can stay on the page and touch no index. It applies to pages written from now on; rows already stored move to
-- roomier pages as they are next updated.
alter table listing set (fillfactor = 60);
