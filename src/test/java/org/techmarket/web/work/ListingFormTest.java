package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class ListingFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 23:30 UTC on 1 March is already 2 March in Shanghai.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC);

    private static ListingForm form(String mechanism, String offer) {
        return new ListingForm(
                " asset-1 ",
                "A robot hand",
                "",
                offer,
                "NON_EXCLUSIVE",
                mechanism,
                "1,250.50",
                "2000",
                "100",
                "50",
                "2026-03-02T09:00",
                "2026-03-09T18:30",
                "5",
                "2",
                "10",
                "60",
                "500");
    }

    @Test
    void anEnglishAuctionTakesItsOwnFieldsInTheUsersZoneAndLeavesTheDutchClockOut() {
        var listing = form("ENGLISH", "ASSIGNMENT").toNewListing(SHANGHAI, CLOCK);

        var m = listing.mechanism();
        assertThat(m.type()).isEqualTo(MechanismType.ENGLISH);
        assertThat(m.startPrice()).isEqualTo(Money.cny(125_050));
        assertThat(m.reservePrice()).isEqualTo(Money.cny(200_000));
        assertThat(m.increment()).isEqualTo(Money.cny(10_000));
        assertThat(m.deposit()).isEqualTo(Money.cny(5_000));
        assertThat(m.startsAt()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
        assertThat(m.endsAt()).isEqualTo(Instant.parse("2026-03-09T10:30:00Z"));
        assertThat(m.extendWindowSeconds()).isEqualTo(300L);
        assertThat(m.extendBySeconds()).isEqualTo(120L);
        assertThat(m.dutch()).isNull();
        assertThat(listing.assetIds()).containsExactly("asset-1");
        assertThat(listing.description()).isNull();
        assertThat(listing.offer().type()).isEqualTo("ASSIGNMENT");
        assertThat(listing.offer().licence()).isNull();
    }

    @Test
    void aDutchAuctionTakesItsClockAndNoneOfTheEnglishFields() {
        var m = form("DUTCH", "ASSIGNMENT").toNewListing(SHANGHAI, CLOCK).mechanism();

        assertThat(m.dutch().step()).isEqualTo(Money.cny(1_000));
        assertThat(m.dutch().intervalSeconds()).isEqualTo(60L);
        assertThat(m.dutch().floorPrice()).isEqualTo(Money.cny(50_000));
        assertAbsent(m.increment(), m.reservePrice(), m.deposit(), m.extendWindowSeconds());
    }

    @Test
    void aFixedPriceIsOnlyItsPriceAndItsPeriod() {
        var m = form("FIXED_PRICE", "ASSIGNMENT").toNewListing(SHANGHAI, CLOCK).mechanism();

        assertThat(m.startPrice()).isEqualTo(Money.cny(125_050));
        assertAbsent(m.reservePrice(), m.increment(), m.deposit(), m.dutch());
    }

    @Test
    void aLicenceIsForAllFieldsWorldwideFromTheUsersToday() {
        var offer = form("NEGOTIATION", "LICENCE").toNewListing(SHANGHAI, CLOCK).offer();

        assertThat(offer.licence().type()).isEqualTo("NON_EXCLUSIVE");
        assertThat(offer.licence().scope()).isEqualTo(GrantScope.unrestricted(LocalDate.of(2026, 3, 2), null));
    }

    @Test
    void aFieldThatDoesNotReadIsRefusedByName() {
        var badTime = bare("FIXED_PRICE", "10", "tomorrow", "2026-03-09T18:30");
        assertThatThrownBy(() -> badTime.toNewListing(SHANGHAI, CLOCK)).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("startsAt");
        });
        var badMechanism = bare("RAFFLE", "10", null, null);
        assertThatThrownBy(() -> badMechanism.toNewListing(SHANGHAI, CLOCK))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        r -> assertThat(r.errors())
                                .extracting(Rejection.FieldError::field)
                                .containsExactly("mechanism.type"));
        var badAmount = bare("FIXED_PRICE", "12.345", null, null);
        assertThatThrownBy(() -> badAmount.toNewListing(SHANGHAI, CLOCK))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_AMOUNT"));
    }

    /** A form with only its mechanism, start price and period filled in, for the refusals of one field each. */
    private static ListingForm bare(String mechanism, String startPrice, String startsAt, String endsAt) {
        return new ListingForm(
                "a",
                "t",
                null,
                "ASSIGNMENT",
                null,
                mechanism,
                startPrice,
                null,
                null,
                null,
                startsAt,
                endsAt,
                null,
                null,
                null,
                null,
                null);
    }

    /** The fields another mechanism uses are left out. */
    private static void assertAbsent(Object... fields) {
        assertThat(Arrays.asList(fields)).containsOnlyNulls();
    }
}
