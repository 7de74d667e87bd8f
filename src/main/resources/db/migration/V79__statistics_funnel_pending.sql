-- A listing's first bid is noted here in the bid's own transaction, one row per listing (no shared row, so first
-- bids on different listings never wait for each other), and folded into the funnel's cells by a background sweep:
-- a batch of notes claims their facts, adds them to their cells with one upsert per cell and deletes them, all in
-- one transaction, so a note is counted once or, rolled back, stays to be folded again. The key is the fact's key in
-- stat_applied_fact; mechanism and month are the cohort's, the asset tells its industry if the listing's cohort is
-- not known yet.
create table stat_funnel_pending (
    key        text primary key,
    listing_id text not null,
    stage      text not null,
    mechanism  text not null,
    month      date not null,
    asset_id   text,
    noted_at   timestamptz not null
);
