-- Issue 19: the capture of each imported source (decision 0034): what its frozen text was made from (an uploaded
-- file or a page fetched by address), where and when it came from, its SHA-256, and the bytes themselves up to
-- annals.import.keep-original-max-size (content is null above it; the metadata and hash are always kept).
-- Written in the same transaction as the source; never changed. Pasted text has no capture.
create table source_capture (
    id              uuid                     not null primary key,
    version         bigint                   not null,
    project_id      uuid                     not null references project (id) on delete cascade,
    source_id       uuid                     not null references source (id) on delete cascade,
    -- The frozen text made from this capture (shared with the sources that hold the same text).
    text_version_id uuid                     not null references text_version (id) on delete cascade,
    kind            varchar(8)               not null,
    file_name       varchar(255),
    requested_url   varchar(2000),
    final_url       varchar(2000),
    http_status     integer,
    content_type    varchar(255),
    retrieved_at    timestamp with time zone not null,
    sha256          varchar(64)              not null,
    size_bytes      bigint                   not null,
    content         bytea,
    constraint uk_source_capture_source unique (source_id),
    constraint ck_source_capture_kind check (kind in ('FILE', 'URL')),
    constraint ck_source_capture_size check (size_bytes >= 0)
);

create index ix_source_capture_project on source_capture (project_id);
create index ix_source_capture_text on source_capture (text_version_id);
