-- Sources, their frozen text versions, and the structure of those texts as offset ranges.

create table text_version (
    id          uuid                     not null primary key,
    version     bigint                   not null,
    project_id  uuid                     not null references project (id) on delete cascade,
    sha256      varchar(64)              not null,
    content     text                     not null,
    text_length integer                  not null,
    created_at  timestamp with time zone not null
);

create index ix_text_version_project_sha on text_version (project_id, sha256);

-- kind: SECTION (a heading and its content), PASSAGE (a block: paragraph, table, list, quote,
-- heading) or CITATION (a citation marker such as [27]). Offsets are UTF-16 code units, [start, end).
create table text_segment (
    id              uuid        not null primary key,
    version         bigint      not null,
    text_version_id uuid        not null references text_version (id) on delete cascade,
    kind            varchar(16) not null,
    ordinal         integer     not null,
    start_offset    integer     not null,
    end_offset      integer     not null,
    depth           integer     not null,
    block_kind      varchar(16),
    label           varchar(500),
    parent_ordinal  integer,
    constraint uk_text_segment unique (text_version_id, kind, ordinal),
    constraint ck_text_segment_kind check (kind in ('SECTION', 'PASSAGE', 'CITATION')),
    constraint ck_text_segment_range check (start_offset >= 0 and end_offset >= start_offset)
);

create table source (
    id                uuid                     not null primary key,
    version           bigint                   not null,
    project_id        uuid                     not null references project (id) on delete cascade,
    text_version_id   uuid                     not null references text_version (id),
    title             varchar(500)             not null,
    url               varchar(2000),
    publisher         varchar(300),
    author            varchar(300),
    published_on      date,
    retrieved_on      date,
    language          varchar(35),
    licence           varchar(300),
    format            varchar(16)              not null,
    original_filename varchar(255),
    charset           varchar(40),
    text_length       integer                  not null,
    created_at        timestamp with time zone not null,
    created_by        uuid                     not null references app_user (id)
);

create index ix_source_project_title on source (project_id, title);
create index ix_source_project_created on source (project_id, created_at);

alter table site_settings add column sample_project_created boolean default false not null;
