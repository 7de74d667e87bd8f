-- An organization's admin deactivates one of its users: the user keeps their history but can no longer act.
alter table app_user add column deactivated_at timestamptz;

-- The active admins of an organization, counted whenever an admin is deactivated.
create index app_user_active_admins on app_user (organization_id) where role = 'ORG_ADMIN' and deactivated_at is null;

-- An organization's own bids and negotiations, listed on its workspace and by GET /api/v1/bids and /api/v1/offers.
create index listing_bid_by_bidder on listing_bid (bidder_id, listing_id);
create index offer_by_buyer on offer (buyer_id, id);
create index offer_by_seller on offer (seller_id, id);
