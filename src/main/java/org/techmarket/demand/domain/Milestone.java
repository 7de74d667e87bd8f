package org.techmarket.demand.domain;

import java.time.LocalDate;
import org.techmarket.shared.Money;

/** One stage of a challenge's work: what is delivered, by when, and what of the reward it is worth. */
public record Milestone(String title, String deliverable, Money amount, LocalDate dueDate) {

    public Milestone {
        title = Fields.name(title, "milestones.title", NeedDetails.MAX_TITLE);
        deliverable = Fields.text(deliverable, "milestones.deliverable", NeedDetails.MAX_DESCRIPTION);
        Fields.present(amount, "milestones.amount").requirePositive("milestones.amount");
        Fields.present(dueDate, "milestones.dueDate");
    }
}
