package org.annals.search;

import java.sql.Time;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationPayload;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationType;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.event.ActorRole;
import org.annals.event.DatePrecision;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.PartialDate;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vetted entities, events and annotations as documents, read straight from the live tables a batch at a
 * time (a few queries per batch, never one per record). Merged records are redirects and have none.
 */
@Component
class VettedDocuments {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordNames names;

    VettedDocuments(NamedParameterJdbcTemplate jdbc, RecordNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    private static RecordDocuments.Origin origin(String prefix, DocumentGroup.Type type, String kind, UUID id,
            UUID projectId, Instant updated) {
        return new RecordDocuments.Origin(prefix + id, new DocumentGroup(type, id), new RecordRef(kind, id), projectId,
                Audience.MEMBERS, null, null, updated);
    }

    Map<UUID, SearchDocument> entities(List<UUID> ids) {
        var result = new LinkedHashMap<UUID, SearchDocument>();
        for (List<UUID> chunk : RecordNames.chunks(ids)) {
            record Row(UUID id, UUID projectId, EntityKind kind, String name, @Nullable String description,
                    Instant updated) {
            }
            var rows = new ArrayList<Row>();
            jdbc.query("""
                    select id, project_id, kind, name, description, updated_at from entity_record
                    where id in (:ids) and merged_into_id is null""", Map.of("ids", chunk), rs -> {
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        EntityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
            });
            if (rows.isEmpty()) {
                continue;
            }
            List<UUID> found = rows.stream().map(Row::id).toList();
            var aliases = new HashMap<UUID, List<Alias>>();
            jdbc.query("select entity_id, name, language from entity_alias where entity_id in (:ids)"
                    + " order by entity_id, ordinal", Map.of("ids", found), rs -> {
                aliases.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new Alias(rs.getString(2), rs.getString(3)));
            });
            Map<UUID, List<String>> merged = names.mergedEntityNames(found);
            for (Row row : rows) {
                var values = new EntityPayload(row.kind(), row.name(), aliases.getOrDefault(row.id(), List.of()),
                        row.description(), null, null, null, null, null, null);
                result.put(row.id(), RecordDocuments.entity(origin("entity:", DocumentGroup.Type.ENTITY,
                        EntityRecordType.KIND, row.id(), row.projectId(), row.updated()), values,
                        merged.getOrDefault(row.id(), List.of())));
            }
        }
        return result;
    }

    Map<UUID, SearchDocument> events(List<UUID> ids) {
        var result = new LinkedHashMap<UUID, SearchDocument>();
        for (List<UUID> chunk : RecordNames.chunks(ids)) {
            record Row(UUID id, UUID projectId, EventPayload values, Instant updated) {
            }
            var rows = new ArrayList<Row>();
            var actors = new HashMap<UUID, List<EventActor>>();
            var tags = new HashMap<UUID, List<String>>();
            jdbc.query("select event_id, entity_id, role from event_actor where event_id in (:ids)"
                    + " order by event_id, ordinal", Map.of("ids", chunk), rs -> {
                actors.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new EventActor(rs.getObject(2, UUID.class), ActorRole.valueOf(rs.getString(3))));
            });
            jdbc.query("select event_id, tag from event_tag where event_id in (:ids) order by event_id, ordinal",
                    Map.of("ids", chunk), rs -> {
                        tags.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2));
                    });
            jdbc.query("""
                    select id, project_id, title, start_date, start_precision, start_time, end_date, end_precision,
                           end_time, type_id, sub_type_id, place_id, notes, updated_at
                    from event_record where id in (:ids) and merged_into_id is null""", Map.of("ids", chunk), rs -> {
                UUID id = rs.getObject(1, UUID.class);
                PartialDate start = date(rs.getDate(4), rs.getString(5), rs.getTime(6));
                PartialDate end = date(rs.getDate(7), rs.getString(8), rs.getTime(9));
                var values = new EventPayload(rs.getString(3), start, end, rs.getObject(10, UUID.class),
                        rs.getObject(11, UUID.class), rs.getObject(12, UUID.class), actors.getOrDefault(id, List.of()),
                        List.of(), rs.getString(13), tags.getOrDefault(id, List.of()), null, null);
                rows.add(new Row(id, rs.getObject(2, UUID.class), values, rs.getTimestamp(14).toInstant()));
            });
            if (rows.isEmpty()) {
                continue;
            }
            var entityIds = new HashSet<UUID>();
            var typeIds = new HashSet<UUID>();
            for (Row row : rows) {
                entityIds.add(row.values().placeId());
                row.values().actors().forEach(a -> entityIds.add(a.entityId()));
                typeIds.add(row.values().typeId());
                typeIds.add(row.values().subTypeId());
            }
            RecordNames.Names known = names.lookUp(entityIds, List.of(), typeIds);
            Map<UUID, List<String>> merged = names.mergedEventTitles(rows.stream().map(Row::id).toList());
            for (Row row : rows) {
                result.put(row.id(), RecordDocuments.event(origin("event:", DocumentGroup.Type.EVENT,
                        EventRecordType.KIND, row.id(), row.projectId(), row.updated()), row.values(), known,
                        merged.getOrDefault(row.id(), List.of())));
            }
        }
        return result;
    }

    private static @Nullable PartialDate date(java.sql.@Nullable Date date, @Nullable String precision,
            @Nullable Time time) {
        return date == null ? null : new PartialDate(date.toLocalDate(), DatePrecision.valueOf(precision),
                time == null ? null : time.toLocalTime());
    }

    Map<UUID, SearchDocument> annotations(List<UUID> ids) {
        var result = new LinkedHashMap<UUID, SearchDocument>();
        for (List<UUID> chunk : RecordNames.chunks(ids)) {
            record Row(UUID id, UUID projectId, AnnotationPayload values, Instant updated) {
            }
            var rows = new ArrayList<Row>();
            jdbc.query("""
                    select id, project_id, source_id, start_offset, end_offset, exact_quote, annotation_type,
                           linked_kind, linked_id, updated_at
                    from annotation where id in (:ids)""", Map.of("ids", chunk), rs -> {
                var values = new AnnotationPayload(rs.getObject(3, UUID.class), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), "", "", AnnotationType.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getObject(9, UUID.class));
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), values,
                        rs.getTimestamp(10).toInstant()));
            });
            var entityIds = new HashSet<UUID>();
            var eventIds = new HashSet<UUID>();
            for (Row row : rows) {
                if (EntityRecordType.KIND.equals(row.values().linkKind())) {
                    entityIds.add(row.values().linkId());
                } else if (EventRecordType.KIND.equals(row.values().linkKind())) {
                    eventIds.add(row.values().linkId());
                }
            }
            RecordNames.Names known = names.lookUp(entityIds, eventIds, List.of());
            for (Row row : rows) {
                result.put(row.id(), RecordDocuments.annotation(origin("annotation:", DocumentGroup.Type.ANNOTATION,
                        AnnotationRecordType.KIND, row.id(), row.projectId(), row.updated()), row.values(), known));
            }
        }
        return result;
    }
}
