package org.annals.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.annotation.AnnotationRecordType;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventRecordType;
import org.annals.review.ChangesetState;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds documents from the database's current state: what the index holds is always derived from
 * here, never from what a service passed along. Only reads, in read-only transactions, with plain SQL
 * a batch of groups at a time, so that a rebuild of millions of passages costs a few queries per batch.
 */
@Component
public class SearchDocuments {

    /**
     * Groups per batch of {@link #forEachGroup(Consumer)}, and the batch a rebuild should pass to
     * {@link #loadAll}: on PostgreSQL 100 sources at a time read about five times as many documents per
     * second as one at a time, and more per batch gained nothing (docs/performance.md, "Search documents").
     */
    public static final int BATCH = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private final SourceDocuments sources;
    private final VettedDocuments vetted;
    private final CommentDocuments comments;
    private final ProposalDocuments proposals;

    SearchDocuments(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, SourceDocuments sources,
            VettedDocuments vetted, CommentDocuments comments, ProposalDocuments proposals) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.sources = sources;
        this.vetted = vetted;
        this.comments = comments;
        this.proposals = proposals;
    }

    /** The documents of the group as the database has it now; none when the thing is gone or not searchable. */
    @Transactional(readOnly = true)
    public List<SearchDocument> load(DocumentGroup group) {
        return loadAll(List.of(group)).get(group);
    }

    /**
     * The documents of each group as the database has it now, in the order given (an empty list for a
     * group that is gone or not searchable): for a rebuild, a batch of groups read with a few queries per
     * type rather than a few per group.
     */
    @Transactional(readOnly = true)
    public Map<DocumentGroup, List<SearchDocument>> loadAll(List<DocumentGroup> groups) {
        var idsByType = new EnumMap<DocumentGroup.Type, List<UUID>>(DocumentGroup.Type.class);
        for (DocumentGroup group : groups) {
            idsByType.computeIfAbsent(group.type(), t -> new ArrayList<>()).add(group.id());
        }
        var loaded = new EnumMap<DocumentGroup.Type, Map<UUID, List<SearchDocument>>>(DocumentGroup.Type.class);
        idsByType.forEach((type, ids) -> loaded.put(type, switch (type) {
            case SOURCE -> sources.load(ids);
            case ANNOTATION -> single(vetted.annotations(ids));
            case ENTITY -> single(vetted.entities(ids));
            case EVENT -> single(vetted.events(ids));
            case COMMENT -> single(comments.load(ids));
            case CHANGESET -> proposals.load(ids);
            case PROJECT -> Map.of();
        }));
        var result = new LinkedHashMap<DocumentGroup, List<SearchDocument>>();
        for (DocumentGroup group : groups) {
            result.put(group, loaded.get(group.type()).getOrDefault(group.id(), List.of()));
        }
        return result;
    }

    private static Map<UUID, List<SearchDocument>> single(Map<UUID, SearchDocument> documents) {
        var lists = new LinkedHashMap<UUID, List<SearchDocument>>();
        documents.forEach((id, document) -> lists.put(id, List.of(document)));
        return lists;
    }

    /**
     * Groups whose documents carry something of this one, to reload after it changed: an entity's names
     * are in the annotations linked to it, in the events it is the place or an actor of, in the record it
     * was merged into, and in the titles of comments on it; an event's title likewise. Every lookup goes
     * through an index. Open proposals that mention the record keep the names they were loaded with until
     * their changeset changes (finding them would mean reading every open payload).
     */
    @Transactional(readOnly = true)
    public List<DocumentGroup> dependents(DocumentGroup group) {
        var dependents = new LinkedHashSet<DocumentGroup>();
        Map<String, UUID> id = Map.of("id", group.id());
        switch (group.type()) {
            case ENTITY -> {
                add(dependents, DocumentGroup.Type.ANNOTATION,
                        "select id from annotation where linked_id = :id and linked_kind = 'ENTITY'", id);
                add(dependents, DocumentGroup.Type.EVENT, "select id from event_record where place_id = :id", id);
                add(dependents, DocumentGroup.Type.EVENT, "select event_id from event_actor where entity_id = :id", id);
                add(dependents, DocumentGroup.Type.ENTITY,
                        "select merged_into_id from entity_record where id = :id and merged_into_id is not null", id);
                addComments(dependents, EntityRecordType.KIND, group.id(), "entity_record");
            }
            case EVENT -> {
                add(dependents, DocumentGroup.Type.ANNOTATION,
                        "select id from annotation where linked_id = :id and linked_kind = 'EVENT'", id);
                add(dependents, DocumentGroup.Type.EVENT,
                        "select merged_into_id from event_record where id = :id and merged_into_id is not null", id);
                addComments(dependents, EventRecordType.KIND, group.id(), "event_record");
            }
            case ANNOTATION -> addComments(dependents, AnnotationRecordType.KIND, group.id(), "annotation");
            case SOURCE, COMMENT, CHANGESET, PROJECT -> {
            }
        }
        dependents.remove(group);
        return List.copyOf(dependents);
    }

    private void add(LinkedHashSet<DocumentGroup> into, DocumentGroup.Type type, String sql, Map<String, ?> params) {
        jdbc.queryForList(sql, params, UUID.class).forEach(found -> into.add(new DocumentGroup(type, found)));
    }

    /**
     * Comments on the record, whose titles name it. Their index starts with the project, which the record's
     * row gives, or, once the record is deleted, its revisions (indexed by record).
     */
    private void addComments(LinkedHashSet<DocumentGroup> into, String kind, UUID recordId, String table) {
        Map<String, Object> params = Map.of("id", recordId, "kind", kind);
        List<UUID> project = jdbc.queryForList("select project_id from " + table + " where id = :id", params, UUID.class);
        if (project.isEmpty()) {
            project = jdbc.queryForList("select project_id from record_revision where record_kind = :kind"
                    + " and record_id = :id order by applied_at desc limit 1", params, UUID.class);
        }
        if (!project.isEmpty()) {
            add(into, DocumentGroup.Type.COMMENT, "select id from record_comment where project_id = :project"
                    + " and record_kind = :kind and record_id = :id",
                    Map.of("project", project.getFirst(), "kind", kind, "id", recordId));
        }
    }

    /** Every group of every project, one at a time, in batches that keep memory flat. */
    public void forEachGroup(Consumer<DocumentGroup> each) {
        forEachGroup(BATCH, batch -> batch.forEach(each));
    }

    /**
     * Every searchable group of every project once, in batches of at most {@code batchSize} groups of one
     * type (sources, annotations, entities, events, comments, open changesets), each type in id order.
     * Pages are read by key, each in its own short read-only transaction, so memory stays flat and
     * nothing is held open while the consumer works; pass each batch to {@link #loadAll}.
     */
    public void forEachGroup(int batchSize, Consumer<List<DocumentGroup>> batches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one group");
        }
        page(batchSize, batches, DocumentGroup.Type.SOURCE, "source", "");
        page(batchSize, batches, DocumentGroup.Type.ANNOTATION, "annotation", "");
        page(batchSize, batches, DocumentGroup.Type.ENTITY, "entity_record", "merged_into_id is null");
        page(batchSize, batches, DocumentGroup.Type.EVENT, "event_record", "merged_into_id is null");
        page(batchSize, batches, DocumentGroup.Type.COMMENT, "record_comment", "");
        page(batchSize, batches, DocumentGroup.Type.CHANGESET, "changeset",
                "state in ('" + ChangesetState.DRAFT + "', '" + ChangesetState.SUBMITTED + "', '"
                        + ChangesetState.CHANGES_REQUESTED + "')");
    }

    private void page(int size, Consumer<List<DocumentGroup>> batches, DocumentGroup.Type type, String table,
            String condition) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> ids = reading.execute(status -> {
                var where = new ArrayList<String>();
                if (!condition.isEmpty()) {
                    where.add(condition);
                }
                if (from != null) {
                    where.add("id > :after");
                }
                var params = new java.util.HashMap<String, Object>();
                params.put("size", size);
                if (from != null) {
                    params.put("after", from);
                }
                return jdbc.queryForList("select id from " + table
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by id limit :size",
                        params, UUID.class);
            });
            if (ids == null || ids.isEmpty()) {
                return;
            }
            batches.accept(ids.stream().map(id -> new DocumentGroup(type, id)).toList());
            if (ids.size() < size) {
                return;
            }
            after = ids.getLast();
        }
    }
}
