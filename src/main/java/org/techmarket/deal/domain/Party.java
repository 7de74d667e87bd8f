package org.techmarket.deal.domain;

import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.shared.Rejection;

/**
 * One side of a contract as the contract names it: the organization's id, registered name, unified social credit
 * code (checked, check character included) and GB/T 2260 region code. A copy, so that a later rename of the
 * organization does not change a signed contract's text.
 */
public record Party(String organizationId, String name, String creditCode, String regionCode) {

    public Party {
        organizationId = Require.text(organizationId, "organizationId", 100);
        name = Require.text(name, "name", 200);
        creditCode = Require.text(creditCode, "creditCode", 18);
        UnifiedSocialCreditCode.problem(creditCode).ifPresent(problem -> {
            throw Rejection.invalid(DealCodes.INVALID_CREDIT_CODE, "creditCode", problem);
        });
        regionCode = Require.text(regionCode, "regionCode", 6);
        if (!RegionCode.isWellFormed(regionCode)) {
            throw Rejection.invalid(DealCodes.INVALID_REGION_CODE, "regionCode", "'" + regionCode
                    + "' is not a six-digit GB/T 2260 region code such as 440300");
        }
    }
}
