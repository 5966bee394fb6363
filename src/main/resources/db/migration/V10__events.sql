-- Events of the timeline, their actors, fatality claims and tags, and each project's taxonomy of
-- event types (ACLED's by default). Numbered 10 to leave room for small fixes to earlier tables.

create table event_type (
    id         uuid         not null primary key,
    version    bigint       not null,
    project_id uuid         not null references project (id) on delete cascade,
    parent_id  uuid references event_type (id),
    name       varchar(120) not null,
    position   integer      not null
);

create index ix_event_type_project on event_type (project_id, parent_id, position);

create table event_record (
    id              uuid                     not null primary key,
    version         bigint                   not null,
    project_id      uuid                     not null references project (id) on delete cascade,
    title           varchar(300)             not null,
    start_date      date                     not null,
    start_precision varchar(12)              not null,
    start_time      time,
    end_date        date,
    end_precision   varchar(12),
    end_time        time,
    type_id         uuid                     not null references event_type (id),
    sub_type_id     uuid references event_type (id),
    place_id        uuid,
    notes           varchar(8000),
    parent_id       uuid,
    merged_into_id  uuid,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create index ix_event_record_timeline on event_record (project_id, start_date, id);
create index ix_event_record_place on event_record (place_id, start_date);
create index ix_event_record_type on event_record (type_id);
create index ix_event_record_parent on event_record (parent_id);

create table event_actor (
    event_id  uuid        not null references event_record (id) on delete cascade,
    ordinal   integer     not null,
    entity_id uuid        not null,
    role      varchar(20) not null,
    primary key (event_id, ordinal),
    constraint ck_event_actor_role check (role in ('PRIMARY', 'ASSOCIATED', 'OPPOSING', 'TARGET'))
);

create index ix_event_actor_entity on event_actor (entity_id);

create table event_fatality_claim (
    event_id      uuid    not null references event_record (id) on delete cascade,
    ordinal       integer not null,
    minimum       integer not null,
    maximum       integer not null,
    source_id     uuid,
    note          varchar(500),
    primary key (event_id, ordinal),
    constraint ck_fatality_range check (minimum >= 0 and maximum >= minimum)
);

create table event_tag (
    event_id uuid        not null references event_record (id) on delete cascade,
    ordinal  integer     not null,
    tag      varchar(60) not null,
    primary key (event_id, ordinal)
);

create index ix_event_tag on event_tag (tag);
