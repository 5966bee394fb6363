-- Accounts, projects with their members, and site settings.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (deployments) share.

create table app_user (
    id                  uuid                     not null primary key,
    version             bigint                   not null,
    username            varchar(32)              not null,
    display_name        varchar(100)             not null,
    password_hash       varchar(255)             not null,
    admin               boolean                  not null,
    enabled             boolean                  not null,
    created_at          timestamp with time zone not null,
    password_changed_at timestamp with time zone not null,
    constraint uk_app_user_username unique (username)
);

create table project (
    id          uuid                     not null primary key,
    version     bigint                   not null,
    name        varchar(120)             not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    created_by  uuid                     not null references app_user (id)
);

create table project_member (
    id         uuid                     not null primary key,
    version    bigint                   not null,
    project_id uuid                     not null references project (id) on delete cascade,
    user_id    uuid                     not null references app_user (id),
    role       varchar(16)              not null,
    added_at   timestamp with time zone not null,
    constraint uk_project_member unique (project_id, user_id),
    constraint ck_project_member_role check (role in ('VIEWER', 'EDITOR', 'REVIEWER', 'MANAGER'))
);

create index ix_project_member_user on project_member (user_id);

create table site_settings (
    id                        uuid    not null primary key,
    version                   bigint  not null,
    users_may_create_projects boolean not null
);

insert into site_settings (id, version, users_may_create_projects)
values ('00000000-0000-0000-0000-000000000001', 0, false);
