package org.techmarket.asset;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which the asset registry refuses a request: registration, co-ownership and
 * ownership disputes.
 */
public enum AssetCodes implements ProblemCode {
    ASSET_EXISTS,
    REGISTRANT_NOT_OWNER,
    NOT_OWNER,
    OWNERS_CHANGE_NOT_ALLOWED,
    INVALID_PATENT_NUMBER,
    CO_OWNERS_NOT_CONFIRMED,
    NOT_A_CO_OWNER,
    CO_OWNERSHIP_ALREADY_CONFIRMED,
    REGISTRATION_DECLINED,
    INVALID_ASSIGNMENT,
    ASSIGNOR_NOT_OWNER,
    OWNERSHIP_CONTESTED,
    CLAIMANT_IS_OWNER,
    DISPUTE_ALREADY_OPEN,
    DISPUTE_ALREADY_DECIDED,
    INVALID_STATEMENT,
    EVIDENCE_REQUIRED,
    INVALID_OUTCOME
}
