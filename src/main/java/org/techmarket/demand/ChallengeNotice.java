package org.techmarket.demand;

import java.util.List;
import org.techmarket.shared.Notice;

/** A notice about a challenge for one organization: what the demand module's notices share. */
interface ChallengeNotice extends Notice {

    String challengeId();

    /** The organization told. */
    String toldOrganization();

    @Override
    default List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(toldOrganization()));
    }

    @Override
    default String noticeSubjectType() {
        return "challenge";
    }

    @Override
    default String noticeSubjectId() {
        return challengeId();
    }
}
