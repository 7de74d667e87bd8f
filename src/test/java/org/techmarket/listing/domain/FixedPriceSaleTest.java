package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;

import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

class FixedPriceSaleTest {

    private final FixedPriceSale sale = FixedPriceSale.open(new FixedPriceTerms(250_000, START, END));

    @Test
    void theFirstPurchaseWinsAtThePrice() {
        assertThat(sale.view(minute(1)).currentPrice()).hasValue(250_000);
        AuctionResult bought = sale.purchase(new Purchase("p1", "alice", minute(5)));
        assertThat(bought.events()).first().isEqualTo(new AuctionEvent.Purchased("p1", "alice", 250_000, minute(5)));
        assertThat(bought.outcome()).contains(new Award("alice", 250_000));
        assertRefused(() -> sale.purchase(new Purchase("p2", "bob", minute(6))), "ALREADY_SOLD");
    }

    @Test
    void purchasesAreTakenOnlyBetweenStartAndEnd() {
        assertRefused(() -> sale.purchase(new Purchase("p", "alice", START.minusSeconds(1))), "AUCTION_NOT_OPEN");
        assertRefused(() -> sale.purchase(new Purchase("p", "alice", END)), "AUCTION_ENDED");
    }

    @Test
    void anUnboughtOfferEndsUnsold() {
        assertThat(sale.close(END).outcome()).contains(new Unsold(UnsoldReason.NO_BIDS));
        assertRefused(() -> sale.purchase(new Purchase("p", "alice", minute(1))), "AUCTION_ENDED");
    }

    @Test
    void refusesBidsAndAcceptances() {
        assertRefused(() -> sale.placeBid(PlaceBid.of("b", "alice", 250_000, minute(1))), "WRONG_MECHANISM");
        assertRefused(() -> sale.acceptPrice(new AcceptPrice("a", "alice", minute(1))), "WRONG_MECHANISM");
    }
}
