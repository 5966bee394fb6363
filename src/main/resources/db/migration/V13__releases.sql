-- Releases: immutable, numbered snapshots of a project's vetted dataset. The zip itself lives in the
-- releases folder (see annals.releases.directory); the database keeps its manifest and, per event,
-- a digest of the event as exported, so that two releases can be compared without their files.

create table dataset_release (
    id           uuid                     not null primary key,
    version      bigint                   not null,
    project_id   uuid                     not null references project (id) on delete cascade,
    number       integer                  not null,
    notes        varchar(4000)            not null,
    file_name    varchar(300)             not null,
    file_size    bigint                   not null,
    file_sha256  varchar(64)              not null,
    manifest     text                     not null,
    event_count  integer                  not null,
    entity_count integer                  not null,
    annotation_count integer              not null,
    published_by uuid                     not null references app_user (id),
    published_at timestamp with time zone not null,
    -- Two managers publishing at once both compute the same next number: one insert wins.
    constraint uk_dataset_release_number unique (project_id, number)
);

create table dataset_release_event (
    release_id uuid         not null references dataset_release (id) on delete cascade,
    event_id   uuid         not null,
    title      varchar(300) not null,
    digest     varchar(64)  not null,
    primary key (release_id, event_id)
);
