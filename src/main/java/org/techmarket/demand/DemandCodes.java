package org.techmarket.demand;

import org.techmarket.shared.ProblemCode;

/** The codes with which needs, challenges, proposals and scores are refused. */
public enum DemandCodes implements ProblemCode {
    INVALID_BUDGET,
    UNKNOWN_INDUSTRY,
    UNKNOWN_REGION,
    INVALID_VISIBILITY,
    MILESTONES_EXCEED_REWARD,
    MILESTONES_OUT_OF_ORDER,
    CRITERIA_WEIGHTS_NOT_100,
    UNKNOWN_PANEL_MEMBER,
    PANEL_MEMBER_OF_PROPOSER,
    NOT_A_CHALLENGE,
    NEED_NOT_PUBLISHED,
    POSTER_CANNOT_PROPOSE,
    PRICE_ABOVE_REWARD,
    PROPOSAL_ALREADY_SUBMITTED,
    NOT_ON_PANEL,
    ALREADY_SCORED,
    UNKNOWN_CRITERION,
    INVALID_SCORE,
    WINNER_ALREADY_SELECTED,
    FULFILLED_BY_SELECTION
}
