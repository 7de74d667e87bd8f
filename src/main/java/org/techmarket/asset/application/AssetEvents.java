package org.techmarket.asset.application;

import org.techmarket.audit.AuditEventType;

/**
 * The events the asset registry records in the audit log, each constant named as the type it is stored under.
 */
enum AssetEvents implements AuditEventType {
    AssetRegistered,
    AssetUpdated,
    AssetOwnershipTransferred,
    CoOwnershipConfirmed,
    CoOwnershipDeclined,
    OwnershipDisputeFiled,
    OwnershipDisputeDecided
}
