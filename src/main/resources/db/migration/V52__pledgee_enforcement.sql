-- A lender enforcing its pledge signs a defaulted loan's sale contract for the owner with the lender's own key: the
-- signature stays the owner's (one per party), and names the pledgee that made it.
alter table deal_signature add column pledgee_id text;
alter table deal_signature add column pledgee_name text;
alter table deal_signature add constraint deal_signature_pledgee_named check ((pledgee_id is null) = (pledgee_name is null));

-- Whether an earlier sale of a loan's collateral still stands reads the deals struck on its listing.
create index deal_by_listing on deal (listing_id) where listing_id is not null;
