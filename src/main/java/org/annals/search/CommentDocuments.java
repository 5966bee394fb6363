package org.annals.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.annals.review.RecordType;
import org.annals.review.RecordTypes;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Comments in the discussion of records. Every member reads a thread (DiscussionService asks for the
 * viewer role), so every member finds its comments; a thread is shown on its record's page, so a comment
 * whose record is gone has no document. The title names the record as the activity feed does.
 */
@Component
class CommentDocuments {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordTypes types;

    CommentDocuments(NamedParameterJdbcTemplate jdbc, RecordTypes types) {
        this.jdbc = jdbc;
        this.types = types;
    }

    private record Comment(UUID id, UUID projectId, RecordRef record, String body, Instant created) {
    }

    Map<UUID, SearchDocument> load(List<UUID> commentIds) {
        var result = new LinkedHashMap<UUID, SearchDocument>();
        for (List<UUID> chunk : RecordNames.chunks(commentIds)) {
            var comments = new ArrayList<Comment>();
            jdbc.query("select id, project_id, record_kind, record_id, body, created_at from record_comment"
                    + " where id in (:ids)", Map.of("ids", chunk), rs -> {
                comments.add(new Comment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new RecordRef(rs.getString(3), rs.getObject(4, UUID.class)), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
            });
            // Several comments of one thread name their record once.
            var labels = new HashMap<RecordRef, Optional<String>>();
            for (Comment c : comments) {
                Optional<String> label = labels.computeIfAbsent(c.record(), r -> label(c.projectId(), r));
                label.ifPresent(l -> result.put(c.id(), new SearchDocument("comment:" + c.id(),
                        new DocumentGroup(DocumentGroup.Type.COMMENT, c.id()), SearchKind.COMMENT, c.record(),
                        c.projectId(), Audience.MEMBERS, null, null, "Comment on " + l, c.body(), List.of(), null, null,
                        null, null, -1, -1, null, c.created())));
            }
        }
        return result;
    }

    /** What the record's pages call it, as its record type labels it; empty when it is gone. */
    private Optional<String> label(UUID projectId, RecordRef record) {
        return label(types.get(record.kind()), projectId, record.id());
    }

    private static <P> Optional<String> label(RecordType<P> type, UUID projectId, UUID id) {
        return type.current(projectId, id).map(current -> type.label(current.payload()));
    }
}
