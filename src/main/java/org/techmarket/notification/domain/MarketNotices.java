package org.techmarket.notification.domain;

import java.util.List;
import java.util.Optional;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.deal.OfferReceived;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.shared.Notice.Recipient;

/**
 * What a participant hears of the market's own events. The one outbid hears that someone else leads; a sale's
 * winner and seller hear of the award; the side an offer awaits hears of it; and at each deal step the side that
 * must act next hears what is waiting for it (sign, fund, deliver, accept), while both sides hear how the deal ends.
 */
public final class MarketNotices {

    private MarketNotices() {}

    public static List<MarketNotice> of(LeadTaken taken) {
        return List.of(new MarketNotice(
                NoticeKind.OUTBID.dotted(),
                List.of(Recipient.organization(taken.previousLeaderId())),
                "listing",
                taken.listingId(),
                "You were outbid on listing " + taken.listingId() + ": the price is now "
                        + taken.currentPrice().grouped() + " "
                        + taken.currentPrice().currency()));
    }

    public static List<MarketNotice> of(ListingAwarded awarded) {
        String price = awarded.price().grouped() + " " + awarded.price().currency();
        return List.of(
                new MarketNotice(
                        NoticeKind.AWARDED.dotted(),
                        List.of(Recipient.organization(awarded.buyerId())),
                        "listing",
                        awarded.listingId(),
                        "You won listing " + awarded.listingId() + " at " + price),
                new MarketNotice(
                        NoticeKind.AWARDED.dotted(),
                        List.of(Recipient.organization(awarded.sellerId())),
                        "listing",
                        awarded.listingId(),
                        "Your listing " + awarded.listingId() + " was awarded at " + price));
    }

    public static List<MarketNotice> of(OfferReceived offer) {
        return List.of(new MarketNotice(
                NoticeKind.OFFER_RECEIVED.dotted(),
                List.of(Recipient.organization(offer.recipientId())),
                "offer",
                offer.offerId(),
                (offer.round() > 1 ? "A counter-offer of " : "An offer of ")
                        + offer.price().grouped() + " "
                        + offer.price().currency() + " on listing " + offer.listingId() + " awaits your answer by "
                        + offer.deadline()));
    }

    /** The notices a deal's step calls for: nothing for a step that leaves no one waiting and ends nothing. */
    public static List<MarketNotice> of(DealStepTaken step) {
        String seller = step.sellerId();
        String buyer = step.buyerId();
        String deal = "deal " + step.dealId();
        return switch (step.step()) {
            case "DealOpened" ->
                "SIGNING".equals(step.status())
                        ? deal(step, NoticeKind.SIGNATURE_DUE, List.of(seller, buyer), "Sign the contract of " + deal)
                        : List.of();
            case "ContractSigned" ->
                "SIGNING".equals(step.status())
                        ? deal(
                                step,
                                NoticeKind.SIGNATURE_DUE,
                                otherThan(step.byOrganization(), seller, buyer),
                                "The other side signed; your signature of " + deal + " is waiting")
                        : List.of();
            case "DealSigned" ->
                deal(step, NoticeKind.FUNDING_DUE, List.of(buyer), "Both sides signed; fund the escrow of " + deal);
            case "DealFunded" ->
                deal(step, NoticeKind.DELIVERY_DUE, List.of(seller), "The escrow is funded; deliver on " + deal);
            case "DeliveryRecorded" ->
                deal(step, NoticeKind.ACCEPTANCE_DUE, List.of(buyer), "The delivery is in; accept or dispute " + deal);
            case "DeliveryAccepted", "DeliveryAcceptedAutomatically" ->
                deal(step, NoticeKind.DELIVERY_ACCEPTED, List.of(seller), "Your delivery on " + deal + " was accepted");
            case "ContractRegistered" ->
                deal(
                        step,
                        NoticeKind.DEAL_REGISTERED,
                        List.of(seller, buyer),
                        "The contract of " + deal + " was registered");
            case "DealCompleted" ->
                deal(step, NoticeKind.DEAL_COMPLETED, List.of(seller, buyer), "The " + deal + " completed");
            case "DisputeOpened" ->
                deal(step, NoticeKind.DEAL_DISPUTED, List.of(seller, buyer), "A dispute was opened on " + deal);
            case "DisputeResolved" ->
                deal(
                        step,
                        NoticeKind.DISPUTE_RESOLVED,
                        List.of(seller, buyer),
                        "The dispute on " + deal + " was resolved");
            case "DealCancelled", "FundingDefaulted", "BuyerWalkedAway" ->
                deal(step, NoticeKind.DEAL_ENDED, List.of(seller, buyer), "The " + deal + " ended: " + step.status());
            default -> List.of();
        };
    }

    private static List<MarketNotice> deal(
            DealStepTaken step, NoticeKind kind, List<String> organizations, String summary) {
        return organizations.stream()
                .distinct()
                .map(org -> new MarketNotice(
                        kind.dotted(), List.of(Recipient.organization(org)), "deal", step.dealId(), summary))
                .toList();
    }

    private static List<String> otherThan(Optional<String> signed, String seller, String buyer) {
        return signed.map(by -> by.equals(seller) ? List.of(buyer) : List.of(seller))
                .orElse(List.of(seller, buyer));
    }
}
