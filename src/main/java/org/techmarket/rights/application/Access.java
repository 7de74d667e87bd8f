package org.techmarket.rights.application;

import java.util.Set;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Who may see and do what in the rights registry. Operators and regulators see every grant; an organization
 * sees the grants on the assets it owns and those it granted or holds; to everyone else a grant does not
 * exist. Which organizations may grant, declare, take or terminate is the participant registry's matrix.
 */
final class Access {

    private Access() {}

    static boolean maySee(Actor actor, RegisteredGrant entry, Set<String> owners) {
        if (actor.seesWholeMarket()) {
            return true;
        }
        return actor.organizationId()
                .map(org -> owners.contains(org)
                        || entry.grant().grantors().contains(org)
                        || entry.grant().grantee().equals(org))
                .orElse(false);
    }

    /** The actor's organization, whose status must permit {@code action} (the participant registry's matrix). */
    static String permittedOrganization(Actor actor, Participants participants, MarketAction action) {
        return participants.permitted(actor, action).id();
    }

    static void requireOwner(String org, Set<String> owners) {
        if (!owners.contains(org)) {
            throw notGrantor("Only the asset's owners may do this");
        }
    }

    static Rejection notGrantor(String detail) {
        return new Rejection(Rejection.Kind.FORBIDDEN, RightsCodes.NOT_GRANTOR, detail);
    }

    static Rejection grantNotFound(String grantId) {
        return Rejection.notFound("Grant", grantId);
    }
}
