package org.techmarket.demand;

/** The poster selected another proposal than this proposer's. */
public record ChallengeLost(String challengeId, String challengeTitle, String proposalId, String proposerId)
        implements ChallengeNotice {

    @Override
    public String noticeKind() {
        return "challenge.lost";
    }

    @Override
    public String toldOrganization() {
        return proposerId;
    }

    @Override
    public String noticeSummary() {
        return "Another proposal was selected for challenge " + challengeTitle;
    }
}
