package org.techmarket.demand;

/** The poster selected this proposer's proposal: its development deal is open for signing. */
public record ChallengeWon(String challengeId, String challengeTitle, String proposalId, String winnerId, String dealId)
        implements ChallengeNotice {

    @Override
    public String noticeKind() {
        return "challenge.won";
    }

    @Override
    public String toldOrganization() {
        return winnerId;
    }

    @Override
    public String noticeSummary() {
        return "Your proposal won challenge " + challengeTitle + "; deal " + dealId + " awaits signing";
    }
}
