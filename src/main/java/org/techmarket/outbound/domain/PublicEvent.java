package org.techmarket.outbound.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The market's events that go out, each named exactly as the audit log stores its type (ADR 0029), with the topic it
 * goes to and the fields of its log entry it carries. Only the fields named here leave the market: a sealed bid's
 * amount is never in its log entry before the opening, and no price, document, evidence, signature, contract text or
 * identity number of a deal step is named. Changing what an event carries is a new schema version and a new topic.
 */
public enum PublicEvent {
    ListingPublished(Subject.LISTING, "published"),
    ListingOpened(Subject.LISTING, "opened"),
    BidPlaced(Subject.LISTING, "bid-placed", Field.text("bidId"), Field.money("amount"), Field.money("currentPrice")),
    DutchPriceAccepted(
            Subject.LISTING,
            "dutch-price-accepted",
            Field.text("bidId"),
            Field.money("amount"),
            Field.money("currentPrice")),
    FixedPricePurchased(Subject.LISTING, "fixed-price-purchased", Field.text("bidId"), Field.money("amount")),
    ListingAwarded(Subject.LISTING, "awarded", Field.text("winnerId"), Field.money("price"), Field.text("mechanism")),
    ListingUnsold(Subject.LISTING, "unsold", Field.text("unsold")),
    ListingWithdrawn(Subject.LISTING, "withdrawn"),
    ListingCancelled(Subject.LISTING, "cancelled"),
    DealOpened(Subject.DEAL, "opened", Field.text("cause"), Field.text("contractType"), Field.text("status")),
    ContractSigned(Subject.DEAL, "contract-signed", Field.text("organizationId"), Field.text("status")),
    DealSigned(Subject.DEAL, "signed", Field.text("fundingDeadline"), Field.text("status")),
    DealFunded(Subject.DEAL, "funded", Field.text("status")),
    InstalmentPaid(Subject.DEAL, "instalment-paid", Field.text("number"), Field.text("status")),
    DeliveryRecorded(Subject.DEAL, "delivery-recorded", Field.text("acceptanceDeadline"), Field.text("status")),
    DeliveryAccepted(Subject.DEAL, "delivery-accepted", Field.text("status")),
    DeliveryAcceptedAutomatically(Subject.DEAL, "delivery-accepted-automatically", Field.text("status")),
    DealCompleted(Subject.DEAL, "completed", Field.text("status")),
    DisputeOpened(Subject.DEAL, "dispute-opened", Field.text("disputeId"), Field.text("status")),
    DisputeResolved(
            Subject.DEAL, "dispute-resolved", Field.text("disputeId"), Field.text("outcome"), Field.text("status")),
    ContractRegistered(
            Subject.DEAL,
            "contract-registered",
            Field.text("number"),
            Field.text("qualification"),
            Field.text("status")),
    DealCancelled(Subject.DEAL, "cancelled", Field.text("status")),
    FundingDefaulted(Subject.DEAL, "funding-defaulted", Field.text("status")),
    GrantRecorded(
            Subject.GRANT,
            "recorded",
            Field.text("assetId"),
            Field.text("type"),
            Field.text("granteeId"),
            Field.text("start"),
            Field.text("end")),
    OpenLicenceTaken(
            Subject.GRANT,
            "open-licence-taken",
            Field.text("assetId"),
            Field.text("declarationId"),
            Field.text("type")),
    GrantTerminated(Subject.GRANT, "terminated", Field.text("assetId"), Field.text("effectiveOn")),
    GrantExpired(Subject.GRANT, "expired", Field.text("assetId"), Field.text("endedOn"));

    /** The schema version every topic's messages follow; it is also the topic name's last part. */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, PublicEvent> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toMap(Enum::name, Function.identity()));

    private final Subject subject;
    private final String topicName;
    private final List<Field> fields;

    PublicEvent(Subject subject, String name, Field... fields) {
        this.subject = subject;
        this.topicName = subject.prefix + "." + name + ".v" + SCHEMA_VERSION;
        this.fields = List.of(fields);
    }

    /** The public event logged under {@code type}, if that type goes out. */
    public static Optional<PublicEvent> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The topic's name after the deployment's prefix, e.g. {@code listing.bid-placed.v1}. */
    public String topicName() {
        return topicName;
    }

    public Subject subject() {
        return subject;
    }

    public List<Field> fields() {
        return fields;
    }

    /** What an event is about, as its log entry's subject names it ({@code listing:ID}), and what keys its messages. */
    public enum Subject {
        /** Keyed by the listing's id, so a listing's events keep their order. */
        LISTING("listing", false),
        /** Keyed by the deal's id. */
        DEAL("deal", false),
        /** Keyed by the asset the grant is on, so the grants on one asset keep their order. */
        GRANT("grant", true);

        private final String prefix;
        private final boolean keyedByAsset;

        Subject(String prefix, boolean keyedByAsset) {
            this.prefix = prefix;
            this.keyedByAsset = keyedByAsset;
        }

        /** The subject's id in a log entry's subject ({@code listing:ID}), if the entry is about this kind. */
        Optional<String> idIn(String logSubject) {
            String start = prefix + ":";
            return logSubject.startsWith(start) && logSubject.length() > start.length()
                    ? Optional.of(logSubject.substring(start.length()))
                    : Optional.empty();
        }

        String prefix() {
            return prefix;
        }

        boolean keyedByAsset() {
            return keyedByAsset;
        }
    }

    /** A field of the log entry that goes out; an amount leaves as {@code {amount, currency}}. */
    public record Field(String name, boolean money) {
        static Field text(String name) {
            return new Field(name, false);
        }

        static Field money(String name) {
            return new Field(name, true);
        }
    }
}
