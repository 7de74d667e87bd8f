package org.techmarket.asset;

/** The kinds of technology the registry holds; the first three are patents and carry a patent number. */
public enum AssetKind {
    INVENTION_PATENT,
    UTILITY_MODEL,
    DESIGN_PATENT,
    SOFTWARE_COPYRIGHT,
    IC_LAYOUT_DESIGN,
    KNOW_HOW,
    DATA_PRODUCT,
    COMPUTE_CAPACITY,
    TECHNICAL_SERVICE;

    public boolean isPatent() {
        return this == INVENTION_PATENT || this == UTILITY_MODEL || this == DESIGN_PATENT;
    }
}
