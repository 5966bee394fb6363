-- Personal access tokens for the REST API. Only the SHA-256 hash of each secret is stored, so a
-- copy of the database (or of a backup) hands out no working token. A token may be bound to one
-- project; deleting the project or the user deletes their tokens.

create table access_token (
    id           uuid                     not null primary key,
    version      bigint                   not null,
    user_id      uuid                     not null references app_user (id) on delete cascade,
    project_id   uuid references project (id) on delete cascade,
    name         varchar(100)             not null,
    scope        varchar(8)               not null,
    secret_hash  varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint uk_access_token_secret unique (secret_hash),
    constraint ck_access_token_scope check (scope in ('READ', 'WRITE'))
);

create index ix_access_token_user on access_token (user_id, created_at);
