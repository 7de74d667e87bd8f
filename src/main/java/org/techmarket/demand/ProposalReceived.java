package org.techmarket.demand;

/** A verified organization proposed a solution to a challenge: the poster hears of it. */
public record ProposalReceived(String challengeId, String challengeTitle, String proposalId, String posterId)
        implements ChallengeNotice {

    @Override
    public String noticeKind() {
        return "proposal.received";
    }

    @Override
    public String toldOrganization() {
        return posterId;
    }

    @Override
    public String noticeSummary() {
        return "A proposal was received for challenge " + challengeTitle;
    }
}
