-- Items a background job failed to handle, one row per job and item while it keeps failing; a success deletes it.
-- next_attempt_at null: the attempts are used up and the item waits for an operator to release it.
create table job_failure (
    job             text        not null,
    item_id         text        not null,
    attempts        integer     not null check (attempts > 0),
    last_error      text        not null,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    next_attempt_at timestamptz,
    primary key (job, item_id)
);

create index job_failure_waiting on job_failure (job, next_attempt_at);
