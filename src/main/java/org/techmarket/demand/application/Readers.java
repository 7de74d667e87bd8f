package org.techmarket.demand.application;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;

/** Who reads needs: anonymous, an unverified or a verified organization, or the market's operators and regulators. */
@Component
class Readers {

    private final Participants participants;

    Readers(Participants participants) {
        this.participants = participants;
    }

    Needs.Reader of(Actor actor) {
        if (actor == null) {
            return Needs.Reader.ANONYMOUS;
        }
        if (actor.seesWholeMarket()) {
            return new Needs.Reader(Optional.empty(), true, true);
        }
        boolean verified = actor.organizationId()
                .flatMap(participants::organization)
                .map(org -> org.status() == OrganizationStatus.VERIFIED)
                .orElse(false);
        return new Needs.Reader(actor.organizationId(), verified, false);
    }

    /** As {@link #of(Actor)}, the reader's organization read with the other queries of {@code batch}. */
    ReadsTogether.Later<Needs.Reader> of(Actor actor, ReadsTogether.Batch batch) {
        if (actor == null || actor.seesWholeMarket() || actor.organizationId().isEmpty()) {
            return ReadsTogether.Later.of(of(actor));
        }
        return participants
                .organization(actor.organizationId().get(), batch)
                .map(org -> new Needs.Reader(
                        actor.organizationId(),
                        org.map(o -> o.status() == OrganizationStatus.VERIFIED).orElse(false),
                        false));
    }
}
