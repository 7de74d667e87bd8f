package org.techmarket.demand;

import java.time.LocalDate;
import java.util.List;
import org.techmarket.shared.Notice;

/** A milestone of a won challenge falls due soon: the developer hears of it once. */
public record MilestoneDue(
        String challengeId, int milestone, String milestoneTitle, LocalDate dueDate, String developerId, String dealId)
        implements Notice {

    @Override
    public String noticeKind() {
        return "milestone.due";
    }

    @Override
    public List<Recipient> noticeRecipients() {
        return List.of(Recipient.organization(developerId));
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
        return "Milestone " + milestone + " (" + milestoneTitle + ") of deal " + dealId + " is due on " + dueDate;
    }
}
