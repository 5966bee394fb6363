package org.annals.search;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.annals.source.SourceReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sources as documents: one for the metadata and one per passage of the current frozen text. A batch
 * of sources costs two queries whatever its size (sources with their texts, then all their segments),
 * and each text is read once and cut into its passages.
 */
@Component
class SourceDocuments {

    /** Between the labels of nested sections in a passage's section path. */
    static final String SECTION_SEPARATOR = " › ";

    private final NamedParameterJdbcTemplate jdbc;

    SourceDocuments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Source(UUID id, UUID projectId, String title, @Nullable String publisher, @Nullable String author,
            @Nullable String url, @Nullable LocalDate publishedOn, Instant createdAt, UUID textVersionId,
            String text) {
    }

    /** A SECTION or PASSAGE segment of a text. */
    private record Segment(boolean section, int ordinal, int start, int end, @Nullable String label,
            @Nullable Integer parent) {
    }

    /** The documents of each source that still exists, keyed by source id. */
    Map<UUID, List<SearchDocument>> load(List<UUID> sourceIds) {
        var documents = new LinkedHashMap<UUID, List<SearchDocument>>();
        for (List<UUID> chunk : RecordNames.chunks(sourceIds)) {
            var sources = new ArrayList<Source>();
            jdbc.query("""
                    select s.id, s.project_id, s.title, s.publisher, s.author, s.url, s.published_on, s.created_at,
                           s.text_version_id, v.content
                    from source s join text_version v on v.id = s.text_version_id
                    where s.id in (:ids)""", Map.of("ids", chunk), rs -> {
                Date published = rs.getDate(7);
                sources.add(new Source(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        published == null ? null : published.toLocalDate(), rs.getTimestamp(8).toInstant(),
                        rs.getObject(9, UUID.class), rs.getString(10)));
            });
            if (sources.isEmpty()) {
                continue;
            }
            Map<UUID, List<Segment>> segments = segments(sources.stream().map(Source::textVersionId).toList());
            for (Source source : sources) {
                documents.put(source.id(), documents(source, segments.getOrDefault(source.textVersionId(), List.of())));
            }
        }
        return documents;
    }

    private Map<UUID, List<Segment>> segments(List<UUID> textVersionIds) {
        var byVersion = new HashMap<UUID, List<Segment>>();
        jdbc.query("""
                select text_version_id, kind, ordinal, start_offset, end_offset, label, parent_ordinal
                from text_segment
                where text_version_id in (:ids) and kind in ('SECTION', 'PASSAGE')""", Map.of("ids", textVersionIds),
                rs -> {
                    int parentOrdinal = rs.getInt(7);
                    Integer parent = rs.wasNull() ? null : parentOrdinal;
                    byVersion.computeIfAbsent(rs.getObject(1, UUID.class), v -> new ArrayList<>())
                            .add(new Segment("SECTION".equals(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                                    rs.getInt(5), rs.getString(6), parent));
                });
        return byVersion;
    }

    private static List<SearchDocument> documents(Source s, List<Segment> segments) {
        var group = new DocumentGroup(DocumentGroup.Type.SOURCE, s.id());
        var record = new RecordRef(SourceReferences.KIND, s.id());
        var documents = new ArrayList<SearchDocument>(segments.size() + 1);
        documents.add(new SearchDocument("source:" + s.id(), group, SearchKind.SOURCE, record, s.projectId(),
                Audience.MEMBERS, null, null, s.title(),
                RecordDocuments.join(java.util.Arrays.asList(s.title(), s.publisher(), s.author(), s.url())), List.of(),
                s.id(), null, s.publishedOn(), s.publishedOn(), -1, -1, null, s.createdAt()));
        var sections = new HashMap<Integer, Segment>();
        for (Segment segment : segments) {
            if (segment.section()) {
                sections.put(segment.ordinal(), segment);
            }
        }
        var paths = new HashMap<Integer, String>();
        String text = s.text();
        List<Segment> passages = segments.stream().filter(segment -> !segment.section())
                .sorted(java.util.Comparator.comparingInt(Segment::ordinal)).toList();
        for (Segment passage : passages) {
            int end = Math.min(passage.end(), text.length());
            int start = Math.min(passage.start(), end);
            documents.add(new SearchDocument("passage:" + s.id() + ":" + passage.ordinal(), group, SearchKind.PASSAGE,
                    record, s.projectId(), Audience.MEMBERS, null, null, s.title(), text.substring(start, end),
                    List.of(), s.id(), null, null, null, start, end, path(passage.parent(), sections, paths),
                    s.createdAt()));
        }
        return documents;
    }

    /** "History › 2024 offensive": the labels of the section and those around it, outermost first. */
    private static @Nullable String path(@Nullable Integer section, Map<Integer, Segment> sections,
            Map<Integer, String> known) {
        if (section == null || !sections.containsKey(section)) {
            return null;
        }
        String cached = known.get(section);
        if (cached != null) {
            return cached;
        }
        var labels = new ArrayList<String>();
        Integer current = section;
        // A frozen text's sections nest at most six deep; the bound only guards against a damaged row.
        for (int depth = 0; current != null && depth < 64; depth++) {
            Segment s = sections.get(current);
            if (s == null) {
                break;
            }
            if (s.label() != null && !s.label().isBlank()) {
                labels.addFirst(s.label());
            }
            current = s.parent();
        }
        String path = labels.isEmpty() ? null : String.join(SECTION_SEPARATOR, labels);
        if (path != null) {
            known.put(section, path);
        }
        return path;
    }
}
