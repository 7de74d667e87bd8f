-- The notification module: each participant's inbox, the notices filed once per event, and signed webhooks with
-- their delivery log.

create table notification (
    id              text primary key,
    organization_id text not null,
    user_id         text,
    kind            text not null,
    subject_type    text not null,
    subject_id      text not null,
    summary         text not null,
    in_inbox        boolean not null,
    created_at      timestamptz not null
);

-- An organization's inbox, newest first.
create index notification_inbox on notification (organization_id, created_at desc, id desc) where in_inbox;

-- Read state is each user's own: an organization's notice read by one member stays unread for the others.
create table notification_read (
    notification_id text not null references notification (id) on delete cascade,
    user_id         text not null,
    read_at         timestamptz not null,
    primary key (notification_id, user_id)
);

-- One row per event filed, so that an event delivered again files nothing again.
create table notice_filing (
    event_key text primary key,
    filed_at  timestamptz not null
);

create table webhook (
    id              text primary key,
    organization_id text not null,
    url             text not null check (length(url) <= 2000),
    events          text[] not null check (cardinality(events) > 0),
    secret          text not null,
    created_by      text not null,
    created_at      timestamptz not null,
    removed_at      timestamptz
);

create index webhook_of_organization on webhook (organization_id) where removed_at is null;

create table webhook_delivery (
    id              text primary key,
    webhook_id      text not null references webhook (id),
    notification_id text not null references notification (id),
    kind            text not null,
    body            text not null,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'ABANDONED')),
    attempts        int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    check ((status = 'PENDING') = (next_attempt_at is not null))
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_of_webhook on webhook_delivery (webhook_id, id desc);

-- Every attempt: what the receiver answered (or the error) and how long it took.
create table webhook_attempt (
    delivery_id  text not null references webhook_delivery (id),
    attempt      int not null,
    attempted_at timestamptz not null,
    status_code  int,
    duration_ms  bigint not null,
    error        text,
    primary key (delivery_id, attempt)
);
