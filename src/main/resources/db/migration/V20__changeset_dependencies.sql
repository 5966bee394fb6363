-- Which open changesets a changeset waits for: it refers to records that they create (decision 0023).
-- Kept when a changeset is proposed, edited or submitted, so that review can show "needed by" and a
-- rejection or withdrawal can send the changesets that relied on it back to their authors.
create table changeset_dependency (
    id            uuid   not null primary key,
    version       bigint not null,
    changeset_id  uuid   not null references changeset (id) on delete cascade,
    depends_on_id uuid   not null references changeset (id) on delete cascade,
    constraint uk_changeset_dependency unique (changeset_id, depends_on_id)
);

create index ix_changeset_dependency_on on changeset_dependency (depends_on_id);
