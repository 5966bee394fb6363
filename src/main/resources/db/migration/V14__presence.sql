-- Presence: who has which page open right now (a source in the annotation editor). Each row is one
-- open page; the node that shows it refreshes seen_at while it stays open and deletes the row when it
-- closes. Rows of a node that stopped without closing them age out (see org.annals.collab.PresenceKeeper).

create table presence (
    id         uuid                     not null primary key,
    version    bigint                   not null,
    project_id uuid                     not null references project (id) on delete cascade,
    context_id uuid                     not null,
    user_id    uuid                     not null references app_user (id) on delete cascade,
    seen_at    timestamp with time zone not null
);

create index ix_presence_context on presence (project_id, context_id, seen_at);
create index ix_presence_seen on presence (seen_at);
