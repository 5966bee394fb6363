-- Suggestions an editor turned down (decision 0031). Accepted suggestions need no table: they become annotations in
-- the working draft, and suggestions are never offered on an annotated span.

-- "Not this one": one person, one source, one suggestion (its kind and span), remembered with the words it had, so
-- that it stays gone while the text says the same there. Only that person stops seeing it.
create table suggestion_rejection (
    source_id   uuid                     not null references source (id) on delete cascade,
    user_id     uuid                     not null references app_user (id) on delete cascade,
    kind        varchar(12)              not null,
    span_start  integer                  not null,
    span_end    integer                  not null,
    project_id  uuid                     not null references project (id) on delete cascade,
    exact       varchar(300)             not null,
    rejected_at timestamp with time zone not null,
    primary key (source_id, user_id, kind, span_start, span_end),
    constraint ck_suggestion_rejection_span check (span_start >= 0 and span_end > span_start)
);

create index ix_suggestion_rejection_project on suggestion_rejection (project_id);

-- "Never here": a name (folded as the registry matcher folds it) is not suggested anywhere in the project, for
-- anyone. Editors add to it; the project's managers see the list and allow a name again.
create table suggestion_never_here (
    project_id   uuid                     not null references project (id) on delete cascade,
    folded_alias varchar(300)             not null,
    words        varchar(300)             not null,
    kind         varchar(12)              not null,
    entity_id    uuid,
    rejected_by  uuid                              references app_user (id) on delete set null,
    rejected_at  timestamp with time zone not null,
    primary key (project_id, folded_alias)
);
