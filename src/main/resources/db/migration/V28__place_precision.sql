-- What a place's coordinates stand for: an exact point, near it, a town, a district or region, a country
-- (issue 20). Null on places vetted before it: read as "exact" when the place has coordinates of its own.
alter table entity_record add column geo_precision varchar(12);
alter table entity_record add constraint ck_entity_geo_precision
    check (geo_precision in ('EXACT', 'NEAR', 'TOWN', 'REGION', 'COUNTRY'));
