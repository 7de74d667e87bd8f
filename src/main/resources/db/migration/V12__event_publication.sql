-- Spring Modulith's event publication registry (schema v2, as spring-modulith-events-jdbc 2.0 expects it for
-- PostgreSQL). An event for a durable listener (@ApplicationModuleListener) is written here in the publishing
-- transaction, one row per listener, and completed when the listener's transaction commits; what is left incomplete
-- is delivered again (ADR 0015). The columns are the library's: keep them as they are when upgrading it.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    -- PUBLISHED, PROCESSING, COMPLETED, FAILED or RESUBMITTED
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
-- A completion found by event and listener (when the publication is not in the node's memory) looks it up by content.
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
