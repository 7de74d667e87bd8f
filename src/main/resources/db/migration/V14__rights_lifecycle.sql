-- The rights lifecycle: grants expire by a job, and the asset registry records the owners an assignment makes.

-- The expiry job claims ACTIVE grants by the end of their term.
create index rights_grant_due_to_expire on rights_grant (ends_on, id) where status = 'ACTIVE';

-- Until now the owners after an assignment were read from the latest assignment in rights_grant, and asset_owner
-- kept the owners first registered. Every assignment recorded so far was made by all owners together, so its
-- assignee became the sole owner: write that into the asset registry, which keeps ownership from now on.
create temporary table reassigned on commit drop as
select l.asset_id, l.grantee_id, l.created_at
from (select distinct on (asset_id) asset_id, grantee_id, created_at
      from rights_grant where type = 'ASSIGNMENT'
      order by asset_id, created_at desc, id desc) l
where not exists (select 1 from asset_owner o
                  where o.asset_id = l.asset_id and o.organization_id = l.grantee_id and o.share_hundredths = 10000);

delete from asset_owner o using reassigned r where o.asset_id = r.asset_id;

insert into asset_owner (asset_id, organization_id, share_hundredths)
select asset_id, grantee_id, 10000 from reassigned;

update asset a set version = a.version + 1, updated_at = greatest(a.updated_at, r.created_at)
from reassigned r where a.id = r.asset_id;

-- Owners are no longer looked up by the latest assignment.
drop index rights_grant_assignment;
