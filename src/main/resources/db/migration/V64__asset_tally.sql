-- The number of registered assets, kept as the asset table changes, so that the front page adds up sixteen rows
-- instead of counting a table that may hold millions (ADR 0080). The count stays exact: it changes in the transaction
-- that inserts or deletes the assets, whichever code does it. Each backend adds to its own stripe
-- (pg_backend_pid() % 16), so registrations on different connections do not queue on one row's lock until commit.
create table asset_tally (
    stripe int primary key check (stripe between 0 and 15),
    assets bigint not null
);

insert into asset_tally (stripe, assets) select stripe, 0 from generate_series(0, 15) stripe;
update asset_tally set assets = (select count(*) from asset) where stripe = 0;

-- Once per statement, with every row it inserted or deleted: a bulk load is one update, not one per asset.
create function asset_tally_changed() returns trigger language plpgsql as $$
declare
    changed bigint;
begin
    if tg_op = 'INSERT' then
        select count(*) into changed from added;
    else
        select -count(*) into changed from removed;
    end if;
    if changed <> 0 then
        update asset_tally set assets = assets + changed where stripe = pg_backend_pid() % 16;
    end if;
    return null;
end
$$;

create function asset_tally_emptied() returns trigger language plpgsql as $$
begin
    update asset_tally set assets = 0;
    return null;
end
$$;

create trigger asset_tally_added after insert on asset
    referencing new table as added for each statement execute function asset_tally_changed();
create trigger asset_tally_removed after delete on asset
    referencing old table as removed for each statement execute function asset_tally_changed();
create trigger asset_tally_truncated after truncate on asset
    for each statement execute function asset_tally_emptied();
