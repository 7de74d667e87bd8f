package org.techmarket.demand;

import java.util.List;
import org.techmarket.shared.Notice;

/** The poster selected this proposer's proposal: its development deal is open for signing. */
public record ChallengeWon(String challengeId, String challengeTitle, String proposalId, String winnerId, String dealId)
        implements Notice {

    @Override
    public String noticeKind() {
        return "challenge.won";
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(winnerId));
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
        return "Your proposal won challenge " + challengeTitle + "; deal " + dealId + " awaits signing";
    }
}
