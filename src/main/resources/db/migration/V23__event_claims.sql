-- What each source says about an event's date, place, type, actors and casualties (decision 0030). One row per
-- claim; only the value columns of the claim's field are filled. The event's own date, type, place and actors
-- columns keep the preferred claims' values (what the timeline, filters and ACLED-style columns read).
-- V24 (a Java migration, org.annals.event.V24__EventClaimsFromFields) turns every existing event's values into
-- preferred claims without a source and its fatality claims into casualty claims, then drops
-- event_fatality_claim.

create table event_claim (
    event_id        uuid         not null references event_record (id) on delete cascade,
    ordinal         integer      not null,
    claim_id        uuid         not null,
    field           varchar(12)  not null,
    preferred       boolean      not null,
    source_id       uuid,
    annotation_id   uuid,
    reason          varchar(500),
    note            varchar(500),
    start_date      date,
    start_precision varchar(12),
    start_time      time,
    end_date        date,
    end_precision   varchar(12),
    end_time        time,
    type_id         uuid,
    sub_type_id     uuid,
    place_id        uuid,
    actors          varchar(8000),
    category        varchar(20),
    party           varchar(12),
    minimum         integer,
    maximum         integer,
    qualifier       varchar(10),
    primary key (event_id, ordinal),
    constraint ck_event_claim_field check (field in ('DATE', 'PLACE', 'TYPE', 'ACTORS', 'CASUALTIES')),
    constraint ck_event_claim_range check (minimum is null or (minimum >= 0 and maximum >= minimum))
);

create index ix_event_claim_id on event_claim (claim_id);
create index ix_event_claim_annotation on event_claim (annotation_id);
create index ix_event_claim_source on event_claim (source_id);

-- The fields whose claims disagree (comma-separated ClaimField names, empty when none), kept by the application
-- whenever the claims change: the timeline's "contested only" filter and the exports read it without
-- comparing claims in SQL.
alter table event_record add column contested_fields varchar(100) default '' not null;
