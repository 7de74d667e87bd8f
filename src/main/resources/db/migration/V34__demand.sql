-- Technology needs and challenges (揭榜挂帅): a challenge is a need with a reward, milestones, criteria and a panel.
create table need (
    id              text primary key,
    kind            text not null check (kind in ('NEED', 'CHALLENGE')),
    organization_id text not null references organization (id),
    title           text not null,
    description     text not null,
    industries      text[] not null,
    ipc             text[] not null,
    region          text not null,
    currency        char(3) not null,
    budget_min      bigint not null check (budget_min >= 0),
    budget_max      bigint not null check (budget_max >= budget_min),
    deadline        timestamptz not null,
    visibility      text not null check (visibility in ('PUBLIC', 'VERIFIED_ONLY')),
    status          text not null check (status in ('DRAFT', 'PUBLISHED', 'FULFILLED', 'CLOSED', 'EXPIRED')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- The expiry job's claim: PUBLISHED needs whose deadline has come.
create index need_due on need (status, deadline);
create index need_by_status on need (status, id);
create index need_industries on need using gin (industries);

create table challenge (
    need_id             text primary key references need (id),
    reward              bigint not null check (reward > 0),
    eligibility         text not null,
    criterion_names     text[] not null,
    criterion_weights   int[] not null,
    panel               text[] not null,
    hold_id             text,
    winner_proposal_id  text,
    deal_id             text
);

create table challenge_milestone (
    need_id     text not null references challenge (need_id),
    number      int not null check (number >= 1),
    title       text not null,
    deliverable text not null,
    amount      bigint not null check (amount > 0),
    due_date    date not null,
    -- when the developer was told the milestone is due (once)
    noticed_at  timestamptz,
    primary key (need_id, number)
);
create index challenge_milestone_due on challenge_milestone (due_date) where noticed_at is null;

create table proposal (
    id              text primary key,
    need_id         text not null references challenge (need_id),
    organization_id text not null references organization (id),
    summary         text not null,
    plan            text not null,
    price           bigint not null check (price > 0),
    team            text[] not null,
    status          text not null check (status in ('SUBMITTED', 'WON', 'LOST')),
    created_at      timestamptz not null,
    -- one proposal per organization and challenge
    unique (need_id, organization_id)
);

-- A panel member's scores of one proposal, given once: one row per criterion.
create table proposal_score (
    proposal_id text not null references proposal (id),
    user_id     text not null references app_user (id),
    criterion   text not null,
    score       int not null check (score between 0 and 100),
    scored_at   timestamptz not null,
    primary key (proposal_id, user_id, criterion)
);

-- Needs and challenges announce their changes on the search module's change feed (V32), each under its own type.
create trigger need_search_changed
    after insert or update of title, description, industries, ipc, region, budget_max, deadline, visibility, status
    on need
    for each row when (new.kind = 'NEED') execute function search_changed('need');
create trigger challenge_search_changed
    after insert or update of title, description, industries, ipc, region, budget_max, deadline, visibility, status
    on need
    for each row when (new.kind = 'CHALLENGE') execute function search_changed('challenge');
