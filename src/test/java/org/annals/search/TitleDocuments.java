package org.annals.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.annals.entity.EntityRecordType;
import org.annals.review.RecordRef;
import org.annals.source.SourceReferences;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A minimal stand-in for the real {@link SearchDocuments} (built by another part of issue 16): one
 * document per source (its title) and per vetted entity (its name), read from the database, so that the
 * lifecycle tests do not depend on how documents are built. Remembers which groups it was asked to load.
 */
class TitleDocuments implements DocumentReader {

    private final JdbcTemplate jdbc;
    final Set<DocumentGroup> loaded = ConcurrentHashMap.newKeySet();

    TitleDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchDocument> load(DocumentGroup group) {
        loaded.add(group);
        return switch (group.type()) {
            case SOURCE -> jdbc.query("select project_id, title from source where id = ?",
                    (rs, i) -> document(group, SearchKind.SOURCE, SourceReferences.KIND, rs.getObject(1, UUID.class),
                            rs.getString(2)), group.id());
            case ENTITY -> jdbc.query("select project_id, name from entity_record where id = ? and merged_into_id is null",
                    (rs, i) -> document(group, SearchKind.ENTITY, EntityRecordType.KIND, rs.getObject(1, UUID.class),
                            rs.getString(2)), group.id());
            default -> List.of();
        };
    }

    @Override
    public List<DocumentGroup> dependents(DocumentGroup group) {
        return List.of();
    }

    @Override
    public void forEachGroup(Consumer<DocumentGroup> each) {
        jdbc.queryForList("select id from source", UUID.class)
                .forEach(id -> each.accept(new DocumentGroup(DocumentGroup.Type.SOURCE, id)));
        jdbc.queryForList("select id from entity_record where merged_into_id is null", UUID.class)
                .forEach(id -> each.accept(new DocumentGroup(DocumentGroup.Type.ENTITY, id)));
    }

    private static SearchDocument document(DocumentGroup group, SearchKind kind, String recordKind, UUID project,
            String title) {
        return new SearchDocument(group.key(), group, kind, new RecordRef(recordKind, group.id()), project,
                Audience.MEMBERS, null, null, title, title, List.of(), null, null, null, null, -1, -1, null,
                Instant.now());
    }
}
