package org.techmarket.demand;

import java.util.List;
import org.techmarket.shared.Notice;

/** The poster selected another proposal than this proposer's. */
public record ChallengeLost(String challengeId, String challengeTitle, String proposalId, String proposerId)
        implements Notice {

    @Override
    public String noticeKind() {
        return "challenge.lost";
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(proposerId));
    }

    @Override
    public String noticeSubjectType() {
        return "challenge";
    }

    @Override
    public String noticeSubjectId() {
        return challengeId;
    }

    @Override
    public String noticeSummary() {
        return "Another proposal was selected for challenge " + challengeTitle;
    }
}
