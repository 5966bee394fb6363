package org.annals.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.discussion.CommentPosted;
import org.annals.entity.EntitiesMerged;
import org.annals.entity.EntityDeleting;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventDeleting;
import org.annals.event.EventRecordType;
import org.annals.event.EventsMerged;
import org.annals.project.ProjectDeleted;
import org.annals.review.ChangesetActivity;
import org.annals.review.ChangesetDecided;
import org.annals.review.RecordRef;
import org.annals.source.SourceImported;
import org.annals.source.SourceReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's ordered record of changes for search ({@code search_change}). Listens synchronously to
 * what the features publish inside the transaction that makes a change, and writes one row per changed
 * {@link DocumentGroup} in that same transaction (just before it commits): the row commits with the change or not at all, so the
 * index can never hear of a change that rolled back nor miss one that committed (which an after-commit
 * message, lost in a crash between commit and delivery, could). Ids only: the indexer reloads the current
 * state. Each group is written once per transaction; after commit the local indexer is woken.
 */
@Component
public class SearchFeed {

    private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

    /** One row of the feed. */
    public record Change(long id, DocumentGroup group, Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;
    private final List<Runnable> afterCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

    SearchFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What to run after a transaction that wrote to the feed commits (the local indexer's wake-up). */
    void onCommit(Runnable wake) {
        afterCommit.add(wake);
    }

    void removeOnCommit(Runnable wake) {
        afterCommit.remove(wake);
    }

    private void committed() {
        afterCommit.forEach(Runnable::run);
    }

    // ---- What changes searchable data -------------------------------------------------------------

    /**
     * Drafts, submissions, decisions and withdrawals change a changeset's proposals (found by editors and
     * by the author); an approval also changes every record it touched, knock-on changes included.
     */
    @EventListener
    void changesetActivity(ChangesetActivity activity) {
        record(new DocumentGroup(DocumentGroup.Type.CHANGESET, activity.changesetId()));
        if (activity.activity() == ChangesetActivity.Activity.APPROVED) {
            activity.records().forEach(this::recordChanged);
        }
    }

    /** Also published for dependants closed with a changeset, which are announced as well; recorded for certainty. */
    @EventListener
    void changesetDecided(ChangesetDecided decided) {
        record(new DocumentGroup(DocumentGroup.Type.CHANGESET, decided.changesetId()));
    }

    @EventListener
    void sourceImported(SourceImported imported) {
        record(new DocumentGroup(DocumentGroup.Type.SOURCE, imported.sourceId()));
    }

    /** A comment on a record is a document; one on a changeset belongs with the changeset's proposals. */
    @EventListener
    void commentPosted(CommentPosted posted) {
        if (posted.record() != null) {
            record(new DocumentGroup(DocumentGroup.Type.COMMENT, posted.commentId()));
        } else if (posted.changesetId() != null) {
            record(new DocumentGroup(DocumentGroup.Type.CHANGESET, posted.changesetId()));
        }
    }

    @EventListener
    void projectDeleted(ProjectDeleted deleted) {
        record(new DocumentGroup(DocumentGroup.Type.PROJECT, deleted.projectId()));
    }

    /** The approval announces these too; recorded here as well so that a merge never depends on it. */
    @EventListener
    void entitiesMerged(EntitiesMerged merged) {
        record(new DocumentGroup(DocumentGroup.Type.ENTITY, merged.duplicate()));
        record(new DocumentGroup(DocumentGroup.Type.ENTITY, merged.survivor()));
        merged.changes().records().forEach(this::recordChanged);
    }

    @EventListener
    void entityDeleting(EntityDeleting deleting) {
        record(new DocumentGroup(DocumentGroup.Type.ENTITY, deleting.entityId()));
    }

    @EventListener
    void eventsMerged(EventsMerged merged) {
        record(new DocumentGroup(DocumentGroup.Type.EVENT, merged.duplicate()));
        record(new DocumentGroup(DocumentGroup.Type.EVENT, merged.survivor()));
        merged.changes().records().forEach(this::recordChanged);
    }

    @EventListener
    void eventDeleting(EventDeleting deleting) {
        record(new DocumentGroup(DocumentGroup.Type.EVENT, deleting.eventId()));
    }

    /** A vetted record changed: its group, by the record's kind; kinds search does not hold are ignored. */
    private void recordChanged(RecordRef record) {
        DocumentGroup.Type type = switch (record.kind()) {
            case EntityRecordType.KIND -> DocumentGroup.Type.ENTITY;
            case EventRecordType.KIND -> DocumentGroup.Type.EVENT;
            case AnnotationRecordType.KIND -> DocumentGroup.Type.ANNOTATION;
            case SourceReferences.KIND -> DocumentGroup.Type.SOURCE;
            default -> null;
        };
        if (type != null) {
            record(new DocumentGroup(type, record.id()));
        }
    }

    // ---- Writing ----------------------------------------------------------------------------------

    /**
     * Notes the group for the current transaction: its row is written just before the transaction commits
     * (in it, so it commits with the change or not at all), once however often the group changed, and all
     * rows of a transaction in one batch. Outside a transaction (nothing publishes these events there)
     * the row is written at once.
     */
    public void record(DocumentGroup group) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(List.of(group));
            committed();
            return;
        }
        @SuppressWarnings("unchecked")
        var recorded = (Set<DocumentGroup>) TransactionSynchronizationManager.getResource(this);
        if (recorded == null) {
            recorded = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, recorded);
            TransactionSynchronizationManager.registerSynchronization(new Recorded(recorded));
        }
        recorded.add(group);
    }

    private void insert(java.util.Collection<DocumentGroup> groups) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into search_change (group_type, group_id, recorded_at) values (?, ?, ?)",
                groups.stream().map(g -> new Object[] {g.type().name(), g.id(), now}).toList());
    }

    /**
     * The groups one transaction changed, written before it commits; hidden while an inner, independent
     * transaction runs (which has its own).
     */
    private final class Recorded implements TransactionSynchronization {

        private final Set<DocumentGroup> groups;

        Recorded(Set<DocumentGroup> groups) {
            this.groups = groups;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(SearchFeed.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(SearchFeed.this, groups);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!groups.isEmpty()) {
                insert(groups);
            }
        }

        @Override
        public void afterCommit() {
            committed();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SearchFeed.this);
        }
    }

    // ---- Reading (the indexer) ---------------------------------------------------------------------

    /** Rows after {@code afterId}, in id order, at most {@code limit}. */
    List<Change> after(long afterId, int limit) {
        return jdbc.query("select id, group_type, group_id, recorded_at from search_change where id > ? order by id"
                + " fetch first " + limit + " rows only", (rs, i) -> change(rs), afterId);
    }

    /** Those of these ids that exist now (gaps that have since committed). */
    List<Change> withIds(Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Change> found = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> some = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(some.size(), "?"));
            found.addAll(jdbc.query("select id, group_type, group_id, recorded_at from search_change where id in ("
                    + marks + ") order by id", (rs, i) -> change(rs), some.toArray()));
        }
        return found;
    }

    private static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(rs.getLong(1), DocumentGroup.parse(rs.getString(2), rs.getObject(3, UUID.class)),
                rs.getTimestamp(4).toInstant());
    }

    /** The highest id written so far (0 when the feed is empty). */
    long lastId() {
        Long max = jdbc.queryForObject("select max(id) from search_change", Long.class);
        return max == null ? 0 : max;
    }

    /** The highest id recorded before the instant (0 when none): where a rebuild starting then catches up from. */
    long lastIdBefore(Instant instant) {
        Long max = jdbc.queryForObject("select max(id) from search_change where recorded_at < ?", Long.class,
                Timestamp.from(instant));
        return max == null ? 0 : max;
    }

    /** This database's id (made on first use), so that an index built from another database is recognised. */
    String databaseId() {
        List<UUID> ids = jdbc.queryForList("select database_id from search_feed_state where singleton = 1", UUID.class);
        if (!ids.isEmpty()) {
            return ids.getFirst().toString();
        }
        try {
            jdbc.update("insert into search_feed_state (singleton, database_id, pruned_through) values (1, ?, 0)",
                    UUID.randomUUID());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            log.debug("Another node made the database id first");
        }
        return jdbc.queryForObject("select database_id from search_feed_state where singleton = 1", UUID.class)
                .toString();
    }

    /** Ids up to this one were pruned: an index that has not applied them must be rebuilt. */
    long prunedThrough() {
        databaseId();
        Long pruned = jdbc.queryForObject("select pruned_through from search_feed_state where singleton = 1",
                Long.class);
        return pruned == null ? 0 : pruned;
    }

    /** Removes rows older than the retention; returns how many. */
    int prune(Duration retention) {
        Instant cutoff = Instant.now().minus(retention);
        long through = lastIdBefore(cutoff);
        if (through == 0) {
            return 0;
        }
        databaseId();
        jdbc.update("update search_feed_state set pruned_through = ? where singleton = 1 and pruned_through < ?",
                through, through);
        return jdbc.update("delete from search_change where id <= ?", through);
    }

    /** How many rows lie after the id: how far an index at that position is behind the database. */
    long countAfter(long id) {
        Long count = jdbc.queryForObject("select count(*) from search_change where id > ?", Long.class, id);
        return count == null ? 0 : count;
    }

    /** Roughly how many groups a rebuild goes through: for its progress, not exact. */
    long estimateGroups() {
        long total = 0;
        for (String sql : List.of("select count(*) from source", "select count(*) from annotation",
                "select count(*) from entity_record where merged_into_id is null",
                "select count(*) from event_record where merged_into_id is null", "select count(*) from record_comment",
                "select count(*) from changeset where state in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED')")) {
            Long count = jdbc.queryForObject(sql, Long.class);
            total += count == null ? 0 : count;
        }
        return total;
    }
}
