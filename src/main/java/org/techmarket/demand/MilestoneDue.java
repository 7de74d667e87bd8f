package org.techmarket.demand;

import java.time.LocalDate;

/** A milestone of a won challenge falls due soon: the developer hears of it once. */
public record MilestoneDue(
        String challengeId, int milestone, String milestoneTitle, LocalDate dueDate, String developerId, String dealId)
        implements ChallengeNotice {

    @Override
    public String noticeKind() {
        return "milestone.due";
    }

    @Override
    public String toldOrganization() {
        return developerId;
    }

    @Override
    public String noticeSummary() {
        return "Milestone " + milestone + " (" + milestoneTitle + ") of deal " + dealId + " is due on " + dueDate;
    }
}
