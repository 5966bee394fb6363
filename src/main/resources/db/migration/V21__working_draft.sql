-- An editor's working draft is one per project, across sources (decision 24). Until now there was one
-- per source. The marker holds the author's id while the changeset is their working draft and is
-- cleared when it leaves the DRAFT state; the unique index keeps it to one per person per project
-- (both H2 and PostgreSQL allow any number of rows whose marker is null).
alter table changeset add column working_draft_of uuid;

-- Existing drafts stay valid as ordinary drafts; the most recently changed one of each person in each
-- project becomes their working draft, so the work they were doing goes on where it was.
update changeset c set working_draft_of = c.author_id
where c.state = 'DRAFT'
  and not exists (select 1 from changeset newer
                  where newer.project_id = c.project_id and newer.author_id = c.author_id
                    and newer.state = 'DRAFT'
                    and (newer.updated_at > c.updated_at or (newer.updated_at = c.updated_at and newer.id > c.id)));

create unique index ux_changeset_working_draft on changeset (project_id, working_draft_of);
