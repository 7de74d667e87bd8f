package org.techmarket.deal.domain;

import org.techmarket.shared.Rejection;

/**
 * The exchange where a deal is made, as contracts and registrations name it: its id, Chinese and English names,
 * and the GB/T 2260 code of its region, which registration numbers carry.
 */
public record Venue(String id, String name, String englishName, String regionCode) {

    public Venue {
        id = Require.text(id, "venue.id", 100);
        name = Require.text(name, "venue.name", 200);
        englishName = Require.text(englishName, "venue.englishName", 200);
        regionCode = Require.text(regionCode, "venue.regionCode", 6);
        if (!RegionCode.isWellFormed(regionCode)) {
            throw Rejection.invalid(
                    DealCodes.INVALID_REGION_CODE,
                    "venue.regionCode",
                    "'" + regionCode + "' is not a six-digit GB/T 2260 region code such as 440300");
        }
    }
}
