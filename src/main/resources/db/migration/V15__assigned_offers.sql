-- An assignment ends the assignor's standing listings of the asset; this finds them by asset.
create index listing_by_asset on listing using gin (asset_ids);

-- Why an offer closed when it did not close by an answer or its deadline: its listing ended (cancelled, withdrawn,
-- unsold, or concluded with another buyer). Null for every other status.
alter table offer add column status_reason text;
