package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A descending clock: the price falls by a step every interval down to a floor, and the first bidder to accept
 * wins at the price the clock shows at the moment of acceptance. Unsold if nobody accepts before the end.
 */
public final class DutchAuction implements Auction {

    private final DutchTerms terms;
    private final FirstTakerSale sale;

    private DutchAuction(DutchTerms terms, SaleState state) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.sale = new FirstTakerSale(terms, Objects.requireNonNull(state, "state"));
    }

    public static DutchAuction open(DutchTerms terms) {
        return new DutchAuction(terms, SaleState.open());
    }

    public static DutchAuction rehydrate(DutchTerms terms, SaleState state) {
        return new DutchAuction(terms, state);
    }

    @Override
    public DutchTerms terms() {
        return terms;
    }

    @Override
    public SaleState state() {
        return sale.state();
    }

    /** The clock's price at {@code at}. */
    public long priceAt(Instant at) {
        return terms.priceAt(at);
    }

    @Override
    public AuctionResult acceptPrice(AcceptPrice acceptance) {
        sale.requireOpenAt(acceptance.at());
        long price = terms.priceAt(acceptance.at());
        AuctionEvent accepted =
                new AuctionEvent.PriceAccepted(acceptance.bidId(), acceptance.bidderId(), price, acceptance.at());
        return new AuctionResult(sale.award(accepted, acceptance.bidderId(), price), view(acceptance.at()));
    }

    @Override
    public AuctionResult close(Instant at) {
        return new AuctionResult(sale.close(at), view(at));
    }

    @Override
    public AuctionView view(Instant at) {
        return sale.view(terms.priceAt(at));
    }
}
