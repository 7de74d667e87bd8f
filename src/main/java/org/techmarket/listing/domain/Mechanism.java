package org.techmarket.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.techmarket.listing.ListingCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A listing's mechanism exactly as the seller published it (and as it is stored): absent parameters are null, as
 * in the request. {@link #terms()} turns it into the engine's validated terms; one currency throughout.
 */
public record Mechanism(
        MechanismType type,
        Money startPrice,
        Money reservePrice,
        Money increment,
        List<Step> increments,
        Money deposit,
        Instant startsAt,
        Instant endsAt,
        Long extendWindowSeconds,
        Long extendBySeconds,
        Instant latestEnd,
        Dutch dutch) {

    /** One tier of an English increment schedule. */
    public record Step(Money from, Money step) {}

    /** A descending clock's parameters. */
    public record Dutch(Money step, Long intervalSeconds, Money floorPrice) {}

    /** The currency of every amount, or a refusal when amounts disagree or the start price is missing. */
    public String currency() {
        String currency = required(startPrice, "startPrice").currency();
        amounts().filter(m -> !m.currency().equals(currency)).findFirst().ifPresent(m -> {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "mechanism",
                    "every amount of a mechanism is in one currency, " + currency);
        });
        return currency;
    }

    /** The deposit each bidder leaves, zero when none is asked. */
    public Money depositOrZero() {
        Money d = deposit == null ? Money.zero(currency()) : deposit;
        if (d.minor() < 0) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism.deposit", "must not be negative");
        }
        return d;
    }

    /** The engine's terms; a refusal INVALID_MECHANISM naming the field when a parameter is wrong. */
    public AuctionTerms terms() {
        if (type == null) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism.type", "is required");
        }
        currency();
        long start = required(startPrice, "startPrice").minor();
        Instant from = required(startsAt, "startsAt");
        Instant to = required(endsAt, "endsAt");
        return switch (type) {
            case ENGLISH ->
                new EnglishTerms(
                        start,
                        optional(reservePrice),
                        english(),
                        from,
                        to,
                        seconds(extendWindowSeconds, "extendWindowSeconds"),
                        seconds(extendBySeconds, "extendBySeconds"),
                        Optional.ofNullable(latestEnd));
            case SEALED_FIRST_PRICE, SEALED_SECOND_PRICE ->
                new SealedBidTerms(
                        type == MechanismType.SEALED_FIRST_PRICE
                                ? SealedBidTerms.Pricing.FIRST_PRICE
                                : SealedBidTerms.Pricing.SECOND_PRICE,
                        start,
                        optional(reservePrice),
                        from,
                        to);
            case DUTCH -> {
                Dutch d = required(dutch, "dutch");
                yield new DutchTerms(
                        start,
                        required(d.step(), "dutch.step").minor(),
                        seconds(required(d.intervalSeconds(), "dutch.intervalSeconds"), "dutch.intervalSeconds"),
                        required(d.floorPrice(), "dutch.floorPrice").minor(),
                        from,
                        to);
            }
            case FIXED_PRICE -> new FixedPriceTerms(start, from, to);
            // No engine decides a negotiation: the stored sale only carries the asking price and the period, which
            // closes the listing UNSOLD at its end unless the deal module has concluded it before.
            case NEGOTIATION -> new FixedPriceTerms(start, from, to);
        };
    }

    private Increment english() {
        if (increment != null && increments != null) {
            throw Rejection.invalid(
                    ListingCodes.INVALID_MECHANISM, "mechanism.increments", "give increment or increments, not both");
        }
        if (increments != null) {
            return Increment.tiered(increments.stream()
                    .map(s -> new Increment.Tier(
                            required(s.from(), "increments.from").minor(),
                            required(s.step(), "increments.step").minor()))
                    .toList());
        }
        return Increment.fixed(required(increment, "increment").minor());
    }

    private Stream<Money> amounts() {
        Stream<Money> steps =
                increments == null ? Stream.empty() : increments.stream().flatMap(s -> Stream.of(s.from(), s.step()));
        Stream<Money> clock = dutch == null ? Stream.empty() : Stream.of(dutch.step(), dutch.floorPrice());
        return Stream.of(Stream.of(startPrice, reservePrice, increment, deposit), steps, clock)
                .flatMap(s -> s)
                .filter(Objects::nonNull);
    }

    private static OptionalLong optional(Money money) {
        return money == null ? OptionalLong.empty() : OptionalLong.of(money.minor());
    }

    private static Duration seconds(Long value, String field) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value < 0 || value > 366L * 24 * 3600) {
            throw Rejection.invalid(
                    ListingCodes.INVALID_MECHANISM, "mechanism." + field, "must be between 0 and a year");
        }
        return Duration.ofSeconds(value);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism." + field, "is required");
        }
        return value;
    }
}
