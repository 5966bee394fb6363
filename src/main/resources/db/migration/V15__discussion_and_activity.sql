-- Discussion on records and the project's activity feed.
--
-- record_comment: one message in the thread of one record (an event, an entity or an annotation) of a
-- project. Threads on changesets stay in changeset_comment (V3). Bodies are stored exactly as typed
-- and always shown as text.
create table record_comment (
    id          uuid                     not null primary key,
    version     bigint                   not null,
    project_id  uuid                     not null references project (id) on delete cascade,
    record_kind varchar(32)              not null,
    record_id   uuid                     not null,
    author_id   uuid                     not null references app_user (id),
    body        varchar(10000)           not null,
    created_at  timestamp with time zone not null
);

create index ix_record_comment_thread on record_comment (project_id, record_kind, record_id, created_at);

-- project_activity: who proposed, decided, withdrew, commented or imported what, written in the same
-- transaction as the thing itself. editors_only marks what only editors and above may know (proposals
-- not yet vetted, rejections, withdrawals, changeset discussions); the label is what the thing was
-- called at the time (a changeset's message, a record's label, a source's title).
create table project_activity (
    id           uuid                     not null primary key,
    version      bigint                   not null,
    project_id   uuid                     not null references project (id) on delete cascade,
    occurred_at  timestamp with time zone not null,
    actor_id     uuid                     not null references app_user (id),
    kind         varchar(32)              not null,
    editors_only boolean                  not null,
    label        varchar(300)             not null,
    changeset_id uuid,
    record_kind  varchar(32),
    record_id    uuid,
    context_id   uuid
);

create index ix_project_activity_feed on project_activity (project_id, occurred_at desc, id desc);
create index ix_project_activity_actor on project_activity (project_id, actor_id);
