-- The moderation engine (changesets, their operations and discussion, applied revisions), the
-- entity registry, and in-app notifications.

alter table project add column allow_self_approval boolean default false not null;

create table changeset (
    id               uuid                     not null primary key,
    version          bigint                   not null,
    project_id       uuid                     not null references project (id) on delete cascade,
    author_id        uuid                     not null references app_user (id),
    message          varchar(2000)            not null,
    state            varchar(20)              not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    submitted_at     timestamp with time zone,
    decided_at       timestamp with time zone,
    decided_by       uuid references app_user (id),
    decision_comment varchar(4000),
    constraint ck_changeset_state check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED',
                                                   'CHANGES_REQUESTED', 'WITHDRAWN'))
);

create index ix_changeset_queue on changeset (project_id, state, submitted_at);
create index ix_changeset_author on changeset (author_id, state);

create table change_operation (
    id           uuid         not null primary key,
    version      bigint       not null,
    changeset_id uuid         not null references changeset (id) on delete cascade,
    ordinal      integer      not null,
    record_kind  varchar(32)  not null,
    record_id    uuid         not null,
    action       varchar(10)  not null,
    base_version bigint,
    payload      text,
    label        varchar(500) not null,
    constraint uk_change_operation unique (changeset_id, ordinal),
    constraint ck_change_operation_action check (action in ('CREATE', 'UPDATE', 'DELETE'))
);

create index ix_change_operation_record on change_operation (record_kind, record_id);

create table changeset_comment (
    id           uuid                     not null primary key,
    version      bigint                   not null,
    changeset_id uuid                     not null references changeset (id) on delete cascade,
    author_id    uuid                     not null references app_user (id),
    body         varchar(10000)           not null,
    created_at   timestamp with time zone not null
);

create index ix_changeset_comment on changeset_comment (changeset_id, created_at);

-- One row per record changed by an approved changeset: who proposed, who approved, and the whole
-- record as it was after the change (null after a delete).
create table record_revision (
    id             uuid                     not null primary key,
    version        bigint                   not null,
    project_id     uuid                     not null references project (id) on delete cascade,
    record_kind    varchar(32)              not null,
    record_id      uuid                     not null,
    record_version bigint,
    action         varchar(10)              not null,
    changeset_id   uuid                     not null references changeset (id),
    author_id      uuid                     not null references app_user (id),
    reviewer_id    uuid                     not null references app_user (id),
    applied_at     timestamp with time zone not null,
    snapshot       text
);

create index ix_record_revision_record on record_revision (record_kind, record_id, applied_at);
create index ix_record_revision_changeset on record_revision (changeset_id);

create table entity_record (
    id             uuid                     not null primary key,
    version        bigint                   not null,
    project_id     uuid                     not null references project (id) on delete cascade,
    kind           varchar(20)              not null,
    name           varchar(300)             not null,
    description    varchar(4000),
    wikidata_id    varchar(20),
    latitude       double precision,
    longitude      double precision,
    part_of_id     uuid,
    merged_into_id uuid,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint ck_entity_kind check (kind in ('PERSON', 'ORGANIZATION', 'PLACE', 'MILITARY_UNIT', 'OTHER'))
);

create index ix_entity_record_project_name on entity_record (project_id, name);
create index ix_entity_record_part_of on entity_record (part_of_id);

create table entity_alias (
    entity_id uuid         not null references entity_record (id) on delete cascade,
    ordinal   integer      not null,
    name      varchar(300) not null,
    language  varchar(35),
    primary key (entity_id, ordinal)
);

create index ix_entity_alias_name on entity_alias (name);

create table notification (
    id         uuid                     not null primary key,
    version    bigint                   not null,
    user_id    uuid                     not null references app_user (id) on delete cascade,
    project_id uuid                     not null references project (id) on delete cascade,
    message    varchar(1000)            not null,
    link       varchar(500),
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);

create index ix_notification_user on notification (user_id, read_at, created_at);
