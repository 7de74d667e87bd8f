package org.techmarket.web.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.techmarket.listing.application.NewListing;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.rights.GrantScope;

/**
 * The workspace's form for drafting a listing of one asset, as typed: what is offered (an assignment or a licence for
 * all fields, worldwide, from today), the mechanism, and each mechanism's own fields; the fields another mechanism
 * uses are ignored. Amounts are yuan, times are the user's local time.
 */
record ListingForm(
        String assetId,
        String title,
        String description,
        String offer,
        String licenceType,
        String mechanism,
        String startPrice,
        String reservePrice,
        String increment,
        String deposit,
        String startsAt,
        String endsAt,
        String extendWindowMinutes,
        String extendByMinutes,
        String dutchStep,
        String dutchIntervalSeconds,
        String dutchFloor) {

    static final String LICENCE = "LICENCE";

    NewListing toNewListing(ZoneId zone, Clock clock) {
        MechanismType type = FormValues.choice(MechanismType.class, mechanism, "mechanism.type");
        boolean english = type == MechanismType.ENGLISH;
        boolean auction =
                english || type == MechanismType.SEALED_FIRST_PRICE || type == MechanismType.SEALED_SECOND_PRICE;
        Integer interval = FormValues.integer(dutchIntervalSeconds, "dutch.intervalSeconds");
        Mechanism.Dutch dutch = type == MechanismType.DUTCH
                ? new Mechanism.Dutch(
                        FormValues.money(dutchStep, "dutch.step"),
                        interval == null ? null : interval.longValue(),
                        FormValues.money(dutchFloor, "dutch.floorPrice"))
                : null;
        Mechanism terms = new Mechanism(
                type,
                FormValues.money(startPrice, "startPrice"),
                auction ? FormValues.money(reservePrice, "reservePrice") : null,
                english ? FormValues.money(increment, "increment") : null,
                null,
                auction ? FormValues.money(deposit, "deposit") : null,
                FormValues.instant(startsAt, zone, "startsAt"),
                FormValues.instant(endsAt, zone, "endsAt"),
                english ? FormValues.minutesAsSeconds(extendWindowMinutes, "extendWindowSeconds") : null,
                english ? FormValues.minutesAsSeconds(extendByMinutes, "extendBySeconds") : null,
                null,
                dutch);
        String what = FormValues.text(offer);
        NewListing.Licence licence = LICENCE.equals(what)
                ? new NewListing.Licence(
                        FormValues.text(licenceType),
                        GrantScope.unrestricted(LocalDate.now(clock.withZone(zone)), null))
                : null;
        List<String> assets = FormValues.text(assetId) == null ? List.of() : List.of(assetId.strip());
        return new NewListing(
                assets,
                new NewListing.Offer(what, licence),
                terms,
                FormValues.text(title),
                FormValues.text(description));
    }
}
