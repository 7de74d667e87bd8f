-- The read replica's heartbeat (ADR 0041). Every node with a read replica configured stamps the primary's time into its
-- one row every second; read on the replica, the row's age bounds how far the replica lags, and lag-tolerant reads
-- (the statistics) go to the replica only while it is young enough. Replicate this table with whatever the replica
-- copies. The first stamp inserts the row, so that a logical replica migrated from these files starts empty and copies it.
create table replica_heartbeat (
    id      integer primary key check (id = 1),
    beat_at timestamptz not null
);
