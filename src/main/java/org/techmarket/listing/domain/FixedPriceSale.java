package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/** A sale at a published price: the first buyer to purchase between the start and the end wins. */
public final class FixedPriceSale implements Auction {

    private final FixedPriceTerms terms;
    private final FirstTakerSale sale;

    private FixedPriceSale(FixedPriceTerms terms, SaleState state) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.sale = new FirstTakerSale(terms, Objects.requireNonNull(state, "state"));
    }

    public static FixedPriceSale open(FixedPriceTerms terms) {
        return new FixedPriceSale(terms, SaleState.open());
    }

    public static FixedPriceSale rehydrate(FixedPriceTerms terms, SaleState state) {
        return new FixedPriceSale(terms, state);
    }

    @Override
    public FixedPriceTerms terms() {
        return terms;
    }

    @Override
    public SaleState state() {
        return sale.state();
    }

    @Override
    public AuctionResult purchase(Purchase purchase) {
        sale.requireOpenAt(purchase.at());
        AuctionEvent purchased =
                new AuctionEvent.Purchased(purchase.bidId(), purchase.buyerId(), terms.price(), purchase.at());
        return new AuctionResult(sale.award(purchased, purchase.buyerId(), terms.price()), view(purchase.at()));
    }

    @Override
    public AuctionResult close(Instant at) {
        return new AuctionResult(sale.close(at), view(at));
    }

    @Override
    public AuctionView view(Instant at) {
        return sale.view(terms.price());
    }
}
