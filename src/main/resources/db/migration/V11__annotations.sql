-- Annotations: vetted spans of a frozen text, linked to an event or an entity. Offsets are UTF-16
-- code units, [start, end), into the text version the source had when the span was marked; the
-- exact quote with 32 characters on each side lets the span be found again (W3C TextQuoteSelector).

create table annotation (
    id              uuid                     not null primary key,
    version         bigint                   not null,
    project_id      uuid                     not null references project (id) on delete cascade,
    source_id       uuid                     not null references source (id) on delete cascade,
    text_version_id uuid                     not null references text_version (id),
    start_offset    integer                  not null,
    end_offset      integer                  not null,
    exact_quote     varchar(10000)           not null,
    prefix          varchar(64)              not null,
    suffix          varchar(64)              not null,
    annotation_type varchar(20)              not null,
    linked_kind     varchar(32),
    linked_id       uuid,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint ck_annotation_span check (start_offset >= 0 and end_offset > start_offset),
    constraint ck_annotation_type check (annotation_type in
        ('EVENT_MENTION', 'ENTITY_MENTION', 'DATE', 'CASUALTY_FIGURE', 'CLAIM')),
    constraint ck_annotation_link check ((linked_kind is null) = (linked_id is null))
);

create index ix_annotation_source on annotation (source_id, start_offset);
create index ix_annotation_linked on annotation (linked_id);
create index ix_annotation_project on annotation (project_id, id);

-- The context a proposed operation belongs to (for annotations: their source), so that an editor can
-- load the proposals overlaying one source without reading every open changeset.
alter table change_operation add column context_id uuid;
create index ix_change_operation_context on change_operation (context_id);
