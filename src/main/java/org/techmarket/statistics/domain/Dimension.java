package org.techmarket.statistics.domain;

import java.util.Arrays;
import java.util.Optional;

/** A dimension the open statistics may be grouped by, under the name the API and the CSV header give it. */
public enum Dimension {
    INDUSTRY("industry"),
    PROVINCE("province"),
    MONTH("month"),
    MECHANISM("mechanism"),
    CONTRACT_TYPE("contractType"),
    SELLER_PROVINCE("sellerProvince"),
    BUYER_PROVINCE("buyerProvince"),
    ASSET_KIND("assetKind");

    private final String apiName;

    Dimension(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Dimension> named(String apiName) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(apiName)).findFirst();
    }
}
