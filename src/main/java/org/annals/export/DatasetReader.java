package org.annals.export;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.ClaimField;
import org.annals.event.CountQualifier;
import org.annals.event.DatePrecision;
import org.annals.event.EventActor;
import org.annals.event.EventClaim;
import org.annals.event.StoredActors;
import org.annals.event.EventClaims;
import org.annals.event.PartialDate;
import org.annals.entity.PlaceLocation;
import org.annals.entity.PlaceLocator;
import org.annals.export.DatasetRows.Actor;
import org.annals.export.DatasetRows.AliasRow;
import org.annals.export.DatasetRows.AnnotationRow;
import org.annals.export.DatasetRows.Approval;
import org.annals.export.DatasetRows.Claim;
import org.annals.export.DatasetRows.ClaimLink;
import org.annals.export.DatasetRows.EntityRow;
import org.annals.export.DatasetRows.EventRow;
import org.annals.export.DatasetRows.Evidence;
import org.annals.export.DatasetRows.SourceRef;
import org.annals.export.DatasetRows.SourceRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the vetted dataset for exports with plain JDBC: one cursor over the main table (fetch size
 * set, so PostgreSQL streams instead of buffering the result) and, for each batch of rows, one query
 * per kind of detail (actors, claims, tags, evidence, revisions, names) with the batch's ids. Memory
 * is bounded by the batch, not by the project. Must run inside a (read-only) transaction: PostgreSQL
 * only streams with auto-commit off. Order is by stable keys, so output is deterministic.
 */
@Component
class DatasetReader {

    static final int BATCH = 500;
    /** Annotation rows are small and have one detail query (revisions): bigger batches, fewer round trips. */
    static final int ANNOTATION_BATCH = 2000;
    private static final int FETCH_SIZE = 2000;

    private final JdbcTemplate jdbc;
    private final PlaceLocator locator;

    DatasetReader(JdbcTemplate jdbc, PlaceLocator locator) {
        this.jdbc = jdbc;
        this.locator = locator;
    }

    // ----------------------------------------------------------------------------------------- events

    void events(UUID projectId, ExportFilter filter, Consumer<List<EventRow>> sink) {
        Map<UUID, String> types = new HashMap<>();
        jdbc.query("select id, name from event_type where project_id = ?",
                rs -> {
                    types.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, projectId);
        var where = new StringBuilder();
        var args = new ArrayList<Object>();
        eventClauses(projectId, filter, "e", where, args);
        String sql = "select e.id, e.title, e.start_date, e.start_precision, e.end_date, e.end_precision, e.type_id,"
                + " e.sub_type_id, e.place_id, e.notes, e.parent_id from event_record e where " + where
                + " order by e.start_date, e.id";
        var batch = new ArrayList<Object[]>();
        // Where the events' places lie (their own coordinates or an ancestor's): resolved once per place per export.
        PlaceLocator.Lookup located = locator.lookupUnchecked(projectId);
        stream(sql, args, rs -> {
            batch.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                    rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, UUID.class),
                    rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getString(10), rs.getObject(11, UUID.class)});
            if (batch.size() == BATCH) {
                sink.accept(eventBatch(batch, types, located));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(eventBatch(batch, types, located));
        }
    }

    /** The events a filter selects, as SQL on the alias {@code e}; shared with the annotations export. */
    static void eventClauses(UUID projectId, ExportFilter f, String e, StringBuilder where, List<Object> args) {
        where.append(e).append(".project_id = ? and ").append(e).append(".merged_into_id is null");
        args.add(projectId);
        if (f.from() != null) {
            where.append(" and ").append(e).append(".start_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and ").append(e).append(".start_date <= ?");
            args.add(f.to());
        }
        if (f.typeId() != null) {
            where.append(" and (").append(e).append(".type_id = ? or ").append(e).append(".sub_type_id = ?)");
            args.add(f.typeId());
            args.add(f.typeId());
        }
        if (f.placeId() != null) {
            where.append(" and ").append(e).append(".place_id = ?");
            args.add(f.placeId());
        }
        if (f.actorId() != null) {
            where.append(" and exists (select 1 from event_actor a where a.event_id = ").append(e)
                    .append(".id and a.entity_id = ?)");
            args.add(f.actorId());
        }
        if (f.sourceId() != null) {
            where.append(" and (exists (select 1 from annotation n where n.linked_kind = 'EVENT' and n.linked_id = ")
                    .append(e).append(".id and n.source_id = ?) or exists (select 1 from event_claim c")
                    .append(" where c.event_id = ").append(e).append(".id and c.source_id = ?))");
            args.add(f.sourceId());
            args.add(f.sourceId());
        }
    }

    private List<EventRow> eventBatch(List<Object[]> rows, Map<UUID, String> types, PlaceLocator.Lookup located) {
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, List<Actor>> actors = new HashMap<>();
        jdbc.query("select a.event_id, a.entity_id, x.name, a.role from event_actor a join entity_record x on x.id = a.entity_id"
                + " where a.event_id in (" + marks(ids) + ") order by a.event_id, a.ordinal", rs -> {
                    actors.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Actor(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                }, ids.toArray());
        Map<UUID, List<EventClaim>> claimsOf = new HashMap<>();
        Map<UUID, String> quotes = new HashMap<>();
        // Every claim of every field, in the event's order; the quote is the exact text of the claim's annotation.
        jdbc.query("select c.event_id, c.claim_id, c.field, c.preferred, c.source_id, c.annotation_id, c.reason, c.note,"
                + " c.start_date, c.start_precision, c.start_time, c.end_date, c.end_precision, c.end_time, c.type_id,"
                + " c.sub_type_id, c.place_id, c.actors, c.category, c.party, c.minimum, c.maximum, c.qualifier,"
                + " n.exact_quote from event_claim c left join annotation n on n.id = c.annotation_id"
                + " where c.event_id in (" + marks(ids) + ") order by c.event_id, c.ordinal", rs -> {
                    EventClaim claim = claim(rs);
                    claimsOf.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(claim);
                    if (rs.getString(24) != null) {
                        quotes.put(claim.id(), rs.getString(24));
                    }
                }, ids.toArray());
        Map<UUID, List<String>> tags = new HashMap<>();
        jdbc.query("select event_id, tag from event_tag where event_id in (" + marks(ids) + ") order by event_id, ordinal",
                rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.toArray());
        Map<UUID, List<Evidence>> evidence = new HashMap<>();
        jdbc.query("select linked_id, id, source_id, start_offset, end_offset, exact_quote, annotation_type from annotation"
                + " where linked_kind = 'EVENT' and linked_id in (" + marks(ids) + ")"
                + " order by linked_id, source_id, start_offset, id", rs -> {
                    evidence.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Evidence(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getInt(4),
                                    rs.getInt(5), rs.getString(6), rs.getString(7), null));
                }, ids.toArray());
        var pages = new SourcePages(jdbc);
        evidence.replaceAll((event, list) -> list.stream().map(ev -> new Evidence(ev.annotationId(), ev.sourceId(),
                ev.start(), ev.end(), ev.exact(), ev.type(), pages.of(ev.sourceId(), ev.start(), ev.end()))).toList());
        Map<UUID, Approval> approvals = approvals("EVENT", ids);

        var placeIds = new LinkedHashSet<UUID>();
        rows.forEach(r -> {
            if (r[8] != null) {
                placeIds.add((UUID) r[8]);
            }
        });
        Map<UUID, Object[]> places = new HashMap<>();
        if (!placeIds.isEmpty()) {
            jdbc.query("select p.id, p.name, a.name from entity_record p"
                    + " left join entity_record a on a.id = p.part_of_id where p.id in (" + marks(placeIds) + ")", rs -> {
                        places.put(rs.getObject(1, UUID.class), new Object[] {rs.getString(2), rs.getString(3)});
                    }, placeIds.toArray());
        }
        Map<UUID, PlaceLocation> locations = located.locate(placeIds);
        var sourceIds = new LinkedHashSet<UUID>();
        var claimed = new LinkedHashSet<UUID>();
        claimsOf.values().forEach(list -> list.forEach(c -> {
            if (c.sourceId() != null) {
                sourceIds.add(c.sourceId());
            }
            if (c.placeId() != null) {
                claimed.add(c.placeId());
            }
            c.actors().forEach(a -> claimed.add(a.entityId()));
        }));
        evidence.values().forEach(list -> list.forEach(ev -> sourceIds.add(ev.sourceId())));
        Map<UUID, SourceRef> sources = sources(sourceIds);
        Map<UUID, String> names = names(claimed);
        Map<UUID, List<Claim>> claims = new HashMap<>();
        claimsOf.forEach((event, list) -> claims.put(event, list.stream().map(c -> new Claim(c,
                EventClaims.valueText(c, id -> names.getOrDefault(id, id.toString()), id -> types.getOrDefault(id, "?")),
                c.typeId() == null ? null : types.getOrDefault(c.typeId(), "?"),
                c.subTypeId() == null ? null : types.getOrDefault(c.subTypeId(), "?"),
                c.placeId() == null ? null : names.getOrDefault(c.placeId(), c.placeId().toString()),
                c.actors().stream().map(a -> new Actor(a.entityId(), names.getOrDefault(a.entityId(),
                        a.entityId().toString()), a.role().name())).toList(),
                c.sourceId() == null ? null : sources.get(c.sourceId()), quotes.get(c.id()))).toList()));

        var result = new ArrayList<EventRow>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            Object[] place = r[8] == null ? null : places.get((UUID) r[8]);
            var cited = new LinkedHashSet<UUID>();
            claims.getOrDefault(id, List.of()).forEach(c -> {
                if (c.source() != null) {
                    cited.add(c.source().id());
                }
            });
            evidence.getOrDefault(id, List.of()).forEach(ev -> cited.add(ev.sourceId()));
            List<SourceRef> refs = cited.stream().map(sources::get).filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(SourceRef::title).thenComparing(SourceRef::id)).toList();
            result.add(new EventRow(id, (String) r[1], (LocalDate) r[2], (String) r[3], (LocalDate) r[4], (String) r[5],
                    types.getOrDefault((UUID) r[6], "?"), r[7] == null ? null : types.get((UUID) r[7]), (UUID) r[8],
                    place == null ? null : (String) place[0], place == null ? null : (String) place[1],
                    r[8] == null ? null : locations.get((UUID) r[8]),
                    actors.getOrDefault(id, List.of()), claims.getOrDefault(id, List.of()), refs,
                    evidence.getOrDefault(id, List.of()), (String) r[9], tags.getOrDefault(id, List.of()), (UUID) r[10],
                    approvals.getOrDefault(id, Approval.NONE)));
        }
        return result;
    }

    /** A row of {@code event_claim} as the claim it stores (the value in the columns of its field). */
    private static EventClaim claim(ResultSet rs) throws SQLException {
        LocalDate startDate = rs.getObject(9, LocalDate.class);
        LocalDate endDate = rs.getObject(12, LocalDate.class);
        PartialDate start = startDate == null ? null : new PartialDate(startDate,
                DatePrecision.valueOf(rs.getString(10)), rs.getObject(11, LocalTime.class));
        PartialDate end = endDate == null ? null : new PartialDate(endDate, DatePrecision.valueOf(rs.getString(13)),
                rs.getObject(14, LocalTime.class));
        String category = rs.getString(19);
        Casualties figure = category == null ? null : new Casualties(CasualtyCategory.valueOf(category),
                CasualtyParty.valueOf(rs.getString(20)), rs.getInt(21), rs.getInt(22),
                CountQualifier.valueOf(rs.getString(23)));
        String actors = rs.getString(18);
        return new EventClaim(rs.getObject(2, UUID.class), ClaimField.valueOf(rs.getString(3)), rs.getBoolean(4),
                start, end, rs.getObject(15, UUID.class), rs.getObject(16, UUID.class), rs.getObject(17, UUID.class),
                actors == null ? List.of() : StoredActors.read(actors), figure, rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8));
    }

    /** The names of entities by id. */
    private Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from entity_record where id in (" + marks(ids) + ")", rs -> {
                names.put(rs.getObject(1, UUID.class), rs.getString(2));
            }, ids.toArray());
        }
        return names;
    }

    // --------------------------------------------------------------------------------------- entities

    void entities(UUID projectId, Consumer<List<EntityRow>> sink) {
        String sql = "select e.id, e.kind, e.name, e.wikidata_id, e.latitude, e.longitude, e.part_of_id, p.name,"
                + " e.description, e.geo_precision from entity_record e left join entity_record p on p.id = e.part_of_id"
                + " where e.project_id = ? and e.merged_into_id is null order by e.name, e.id";
        var batch = new ArrayList<Object[]>();
        stream(sql, List.of(projectId), rs -> {
            batch.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    doubleOrNull(rs, 5), doubleOrNull(rs, 6), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
                    rs.getString(10)});
            if (batch.size() == BATCH) {
                sink.accept(entityBatch(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(entityBatch(batch));
        }
    }

    private List<EntityRow> entityBatch(List<Object[]> rows) {
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, List<AliasRow>> aliases = new HashMap<>();
        jdbc.query("select entity_id, name, language from entity_alias where entity_id in (" + marks(ids)
                + ") order by entity_id, ordinal", rs -> {
                    aliases.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new AliasRow(rs.getString(2), rs.getString(3)));
                }, ids.toArray());
        Map<UUID, List<UUID>> redirects = new HashMap<>();
        jdbc.query("select merged_into_id, id from entity_record where merged_into_id in (" + marks(ids)
                + ") order by merged_into_id, id", rs -> {
                    redirects.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                }, ids.toArray());
        Map<UUID, Approval> approvals = approvals("ENTITY", ids);
        var result = new ArrayList<EntityRow>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            result.add(new EntityRow(id, (String) r[1], (String) r[2], aliases.getOrDefault(id, List.of()), (String) r[3],
                    (Double) r[4], (Double) r[5], ownPrecision((Double) r[4], (String) r[9]), (UUID) r[6], (String) r[7],
                    (String) r[8],
                    redirects.getOrDefault(id, List.of()), approvals.getOrDefault(id, Approval.NONE)));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------ annotations

    void annotations(UUID projectId, ExportFilter filter, Consumer<List<AnnotationRow>> sink) {
        var where = new StringBuilder();
        var args = new ArrayList<Object>();
        annotationClauses(projectId, filter, where, args);
        // In id order: ids are time-ordered (UUIDv7), so the primary key walks the table about as it lies on
        // disk and the first rows go out at once, where sorting a million rows by source and position would
        // hold them back for seconds. Sources are looked up when they change, names and revisions per batch
        // of 2,000 rows: a few hundred round trips for a million annotations.
        String sql = "select n.id, n.source_id, n.start_offset, n.end_offset, n.exact_quote, n.prefix, n.suffix,"
                + " n.annotation_type, n.linked_kind, n.linked_id from annotation n where " + where + " order by n.id";
        var batch = new ArrayList<Object[]>();
        Map<UUID, AnnotatedSource> sources = new HashMap<>();
        var pages = new SourcePages(jdbc);
        stream(sql, args, rs -> {
            batch.add(new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getObject(10, UUID.class)});
            if (batch.size() == ANNOTATION_BATCH) {
                sink.accept(annotationBatch(batch, sources, pages));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(annotationBatch(batch, sources, pages));
        }
    }

    /** The annotations a filter selects, as SQL on the alias {@code n}: of the source, of the selected events. */
    static void annotationClauses(UUID projectId, ExportFilter filter, StringBuilder where, List<Object> args) {
        where.append("n.project_id = ?");
        args.add(projectId);
        if (filter.sourceId() != null) {
            where.append(" and n.source_id = ?");
            args.add(filter.sourceId());
        }
        if (filter.selectsEvents()) {
            var events = new StringBuilder();
            var eventArgs = new ArrayList<Object>();
            eventClauses(projectId, new ExportFilter(filter.from(), filter.to(), filter.typeId(), filter.actorId(),
                    filter.placeId(), null), "e", events, eventArgs);
            where.append(" and n.linked_kind = 'EVENT' and exists (select 1 from event_record e where e.id = n.linked_id and ")
                    .append(events).append(')');
            args.addAll(eventArgs);
        }
    }

    /** A source as its annotations need it: its reference, and where its text has characters beyond UTF-16's one unit. */
    private record AnnotatedSource(SourceRef ref, CodePoints points) {
    }

    private List<AnnotationRow> annotationBatch(List<Object[]> rows, Map<UUID, AnnotatedSource> sources,
            SourcePages pages) {
        var newSources = new LinkedHashSet<UUID>();
        var entityIds = new LinkedHashSet<UUID>();
        var eventIds = new LinkedHashSet<UUID>();
        for (Object[] r : rows) {
            if (!sources.containsKey((UUID) r[1])) {
                newSources.add((UUID) r[1]);
            }
            if ("ENTITY".equals(r[8])) {
                entityIds.add((UUID) r[9]);
            } else if ("EVENT".equals(r[8])) {
                eventIds.add((UUID) r[9]);
            }
        }
        if (sources.size() > 10_000) {
            sources.clear();
        }
        // Each source's text is read once per export, one at a time, and only the places of its surrogate pairs kept.
        sources(newSources).forEach((id, ref) -> sources.put(id, new AnnotatedSource(ref, CodePoints.of(text(id)))));
        Map<UUID, String> names = new HashMap<>();
        if (!entityIds.isEmpty()) {
            jdbc.query("select id, name from entity_record where id in (" + marks(entityIds) + ")",
                    rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }, entityIds.toArray());
        }
        if (!eventIds.isEmpty()) {
            jdbc.query("select id, title from event_record where id in (" + marks(eventIds) + ")",
                    rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }, eventIds.toArray());
        }
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Approval> approvals = approvals("ANNOTATION", ids);
        // The claims each quote backs, of events still shown (a merged event's claims went to the survivor).
        Map<UUID, List<ClaimLink>> claims = new HashMap<>();
        jdbc.query("select c.annotation_id, c.claim_id, c.event_id, e.title, c.field from event_claim c"
                + " join event_record e on e.id = c.event_id where e.merged_into_id is null and c.annotation_id in ("
                + marks(ids) + ") order by c.annotation_id, c.event_id, c.ordinal", rs -> {
                    claims.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ClaimLink(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                                    ClaimField.valueOf(rs.getString(5)).inSentence()));
                }, ids.toArray());
        var result = new ArrayList<AnnotationRow>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            UUID link = (UUID) r[9];
            AnnotatedSource source = sources.get((UUID) r[1]);
            int start = (int) r[2];
            int end = (int) r[3];
            result.add(new AnnotationRow(id, source.ref(), start, end, source.points().of(start), source.points().of(end),
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], link,
                    link == null ? null : names.get(link), claims.getOrDefault(id, List.of()),
                    approvals.getOrDefault(id, Approval.NONE), pages.of((UUID) r[1], start, end)));
        }
        return result;
    }

    /**
     * Every source of the project by title, with its frozen text: the attribution a release lists and the text
     * the offsets count in. Texts are read one source at a time and handed on, so only one is held at once.
     */
    void sources(UUID projectId, Consumer<SourceRow> sink) {
        List<Object[]> rows = jdbc.query("select id, title, url, licence, publisher, author, published_on, retrieved_on,"
                + " language from source where project_id = ? order by title, id", (rs, i) -> new Object[] {
                        new SourceRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getString(9)}, projectId);
        for (Object[] row : rows) {
            SourceRef ref = (SourceRef) row[0];
            jdbc.query("select t.sha256, t.content, c.kind, c.file_name, c.requested_url, c.final_url, c.http_status,"
                    + " c.content_type, c.retrieved_at, c.sha256, c.size_bytes from source s"
                    + " join text_version t on t.id = s.text_version_id left join source_capture c on c.source_id = s.id"
                    + " where s.id = ?", rs -> {
                        var capture = rs.getString(3) == null ? null : new DatasetRows.CaptureRow(rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7) == null ? null : ((Number) rs.getObject(7)).intValue(), rs.getString(8),
                                rs.getObject(9, java.time.OffsetDateTime.class).toInstant(), rs.getString(10),
                                rs.getLong(11));
                        sink.accept(new SourceRow(ref, (LocalDate) row[1], (LocalDate) row[2], (String) row[3],
                                rs.getString(1), rs.getString(2), capture));
                    }, ref.id());
        }
    }

    /** The frozen text of a source. */
    private String text(UUID sourceId) {
        return jdbc.queryForObject("select t.content from source s join text_version t on t.id = s.text_version_id"
                + " where s.id = ?", String.class, sourceId);
    }

    // ---------------------------------------------------------------------------------------- shared

    private Map<UUID, SourceRef> sources(Collection<UUID> ids) {
        Map<UUID, SourceRef> sources = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, title, url, licence, publisher, author from source where id in (" + marks(ids) + ")",
                    rs -> {
                sources.put(rs.getObject(1, UUID.class), new SourceRef(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }, ids.toArray());
        }
        return sources;
    }

    /** The last approval of each record and how many it has had, from the engine's revisions. */
    private Map<UUID, Approval> approvals(String kind, List<UUID> ids) {
        Map<UUID, Approval> approvals = new HashMap<>();
        jdbc.query("select r.record_id, u.username, r.applied_at from record_revision r join app_user u on u.id = r.reviewer_id"
                + " where r.record_kind = ? and r.record_id in (" + marks(ids) + ") order by r.record_id, r.applied_at, r.id",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Timestamp at = rs.getTimestamp(3);
                    int revision = approvals.getOrDefault(id, Approval.NONE).revision() + 1;
                    approvals.put(id, new Approval(rs.getString(2), at == null ? null : at.toInstant(), revision));
                }, prepend(kind, ids));
        return approvals;
    }

    private void stream(String sql, List<Object> args, RowCallbackHandler handler) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, handler);
    }

    private static Object[] prepend(Object first, List<UUID> rest) {
        var all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    /** What a place's own coordinates stand for: unset reads as exact (decision 0038); none without coordinates. */
    private static org.annals.entity.@Nullable GeoPrecision ownPrecision(@Nullable Double latitude,
            @Nullable String stored) {
        if (latitude == null) {
            return null;
        }
        return stored == null ? org.annals.entity.GeoPrecision.EXACT : org.annals.entity.GeoPrecision.valueOf(stored);
    }

    private static @Nullable Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
