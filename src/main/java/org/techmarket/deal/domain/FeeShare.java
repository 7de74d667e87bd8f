package org.techmarket.deal.domain;

/**
 * A fee shared between the venue that listed and the venue that introduced the buyer: the introducer receives its
 * share of basis points of the fee, rounded half up to the fen, and the listing venue the rest, so the two always sum
 * to the fee and no fen is lost or invented.
 */
public record FeeShare(long toListingVenue, long toIntroducer) {

    public FeeShare {
        if (toListingVenue < 0 || toIntroducer < 0) {
            throw new IllegalArgumentException("a fee's shares are not negative");
        }
    }

    public static FeeShare of(long feeFen, int introducerShareBasisPoints) {
        if (introducerShareBasisPoints < 0 || introducerShareBasisPoints > BasisPoints.WHOLE) {
            throw new IllegalArgumentException("a share is 0 to 10000 basis points: " + introducerShareBasisPoints);
        }
        long introducer = BasisPoints.share(feeFen, introducerShareBasisPoints);
        return new FeeShare(feeFen - introducer, introducer);
    }

    public long fee() {
        return toListingVenue + toIntroducer;
    }
}
