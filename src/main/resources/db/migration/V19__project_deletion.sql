-- A deleted project takes all of its rows with it, revisions included (decision 0017). What stays is
-- this line: which project, who deleted it, when, and what it held, for administrators to look up.
create table project_deletion (
    id          uuid                     not null primary key,
    project_id  uuid                     not null,
    name        varchar(120)             not null,
    deleted_by  uuid                     not null references app_user (id),
    deleted_at  timestamp with time zone not null,
    contents    varchar(1000)            not null
);

create index ix_project_deletion_deleted_at on project_deletion (deleted_at);
