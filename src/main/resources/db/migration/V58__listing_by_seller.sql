-- A seller's own listings, newest first, are read by the seller's id: the workspace's listings section and the
-- standing listings an organization's suspension withdraws. Without this index each was a scan of every listing.
create index listing_by_seller on listing (seller_id, id);
