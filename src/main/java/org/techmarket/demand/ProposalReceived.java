package org.techmarket.demand;

import java.util.List;
import org.techmarket.shared.Notice;

/** A verified organization proposed a solution to a challenge: the poster hears of it. */
public record ProposalReceived(String challengeId, String challengeTitle, String proposalId, String posterId)
        implements Notice {

    @Override
    public String noticeKind() {
        return "proposal.received";
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(posterId));
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
        return "A proposal was received for challenge " + challengeTitle;
    }
}
