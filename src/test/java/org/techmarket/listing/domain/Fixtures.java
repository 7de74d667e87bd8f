package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.techmarket.shared.Rejection;

/** Shared times, terms and assertions for the auction rule tests. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(1));

    private Fixtures() {}

    static Instant minute(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    static Instant second(long seconds) {
        return START.plusSeconds(seconds);
    }

    static EnglishTerms english(long startPrice, Increment increment) {
        return EnglishTerms.simple(startPrice, increment, START, END);
    }

    static EnglishTerms englishWithReserve(long startPrice, long reserve, Increment increment) {
        return new EnglishTerms(
                startPrice,
                OptionalLong.of(reserve),
                increment,
                START,
                END,
                Duration.ZERO,
                Duration.ZERO,
                Optional.empty());
    }

    static SealedBidTerms sealed(SealedBidTerms.Pricing pricing, long startPrice, OptionalLong reserve) {
        return new SealedBidTerms(pricing, startPrice, reserve, START, END);
    }

    static void assertRefused(ThrowingCallable call, String code) {
        assertRefused(call, code, rejection -> {});
    }

    static void assertRefused(ThrowingCallable call, String code, Consumer<Rejection> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, rejection -> {
            assertThat(rejection.code()).isEqualTo(code);
            more.accept(rejection);
        });
    }

    static void assertInvalidMechanism(ThrowingCallable call, String field) {
        assertRefused(call, "INVALID_MECHANISM", rejection -> {
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(rejection.errors())
                    .extracting(Rejection.FieldError::field)
                    .containsExactly(field);
        });
    }
}
