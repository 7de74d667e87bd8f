package org.techmarket.participant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;

/** The market's venues as the venue module keeps them: who opens them, their operators, and who verified whom. */
public interface VenueRegistry {

    /** A market administrator opens a venue with a GB/T 2260 region code; audited as VenueOpened. */
    VenueSummary open(Actor marketAdmin, String name, String region);

    /** Every venue, oldest first. */
    List<VenueSummary> venues();

    /** The venues of these ids that exist, by id, read together. */
    Map<String, VenueSummary> venues(Collection<String> ids);

    /** A market administrator adds an operator of the venue; returns the new user's id. */
    String addOperator(Actor marketAdmin, String venueId, Onboarding.NewUser operator);

    /** The venue whose operator verified the organization, once verified. */
    Optional<String> verifyingVenue(String organizationId);
}
