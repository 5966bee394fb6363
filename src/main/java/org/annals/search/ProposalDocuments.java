package org.annals.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.AnnotationPayload;
import org.annals.entity.Alias;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetState;
import org.annals.review.RecordRef;
import org.annals.review.RecordTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What open changesets propose, as documents: one per record created or updated, shaped like the record
 * it would become. Who finds it follows the review pages: a draft is its author's alone; once submitted,
 * and while sent back for changes, every editor of the project sees it (the review page and the pickers
 * of pending records show it to them). Decided and withdrawn changesets have none.
 */
@Component
class ProposalDocuments {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordNames names;
    private final RecordTypes types;

    ProposalDocuments(NamedParameterJdbcTemplate jdbc, RecordNames names, RecordTypes types) {
        this.jdbc = jdbc;
        this.names = names;
        this.types = types;
    }

    /** Who may see the proposals of a changeset in this state; null when nobody finds them. */
    static @Nullable Audience audience(ChangesetState state) {
        return switch (state) {
            case DRAFT -> Audience.OWNER;
            case SUBMITTED, CHANGES_REQUESTED -> Audience.EDITORS;
            case APPROVED, REJECTED, WITHDRAWN -> null;
        };
    }

    private record Changeset(UUID id, UUID projectId, UUID authorId, Audience audience, Instant updated) {
    }

    private record Operation(UUID id, UUID changesetId, String kind, UUID recordId, Object values) {
    }

    /** The documents of each changeset, keyed by changeset id; empty for one that is not open. */
    Map<UUID, List<SearchDocument>> load(List<UUID> changesetIds) {
        var result = new LinkedHashMap<UUID, List<SearchDocument>>();
        for (List<UUID> chunk : RecordNames.chunks(changesetIds)) {
            var changesets = new HashMap<UUID, Changeset>();
            jdbc.query("select id, project_id, author_id, state, updated_at from changeset where id in (:ids)",
                    Map.of("ids", chunk), rs -> {
                        Audience audience = audience(ChangesetState.valueOf(rs.getString(4)));
                        if (audience != null) {
                            UUID id = rs.getObject(1, UUID.class);
                            changesets.put(id, new Changeset(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                    audience, rs.getTimestamp(5).toInstant()));
                        }
                    });
            if (changesets.isEmpty()) {
                continue;
            }
            var operations = new ArrayList<Operation>();
            jdbc.query("""
                    select id, changeset_id, record_kind, record_id, payload from change_operation
                    where changeset_id in (:ids) and action in (:actions) and payload is not null
                    order by changeset_id, ordinal""",
                    Map.of("ids", changesets.keySet(), "actions", List.of(ChangeAction.CREATE.name(),
                            ChangeAction.UPDATE.name())), rs -> {
                        String kind = rs.getString(3);
                        if (isSearchable(kind)) {
                            operations.add(new Operation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), kind,
                                    rs.getObject(4, UUID.class), types.readStored(kind, rs.getString(5))));
                        }
                    });
            RecordNames.Names vetted = vettedNames(operations);
            var byChangeset = new LinkedHashMap<UUID, List<Operation>>();
            operations.forEach(op -> byChangeset.computeIfAbsent(op.changesetId(), id -> new ArrayList<>()).add(op));
            for (Changeset changeset : changesets.values()) {
                List<Operation> ops = byChangeset.getOrDefault(changeset.id(), List.of());
                RecordNames.Names known = vetted.with(proposedEntityNames(ops), proposedEventTitles(ops));
                result.put(changeset.id(), ops.stream().map(op -> document(changeset, op, known)).toList());
            }
        }
        return result;
    }

    private static boolean isSearchable(String kind) {
        return kind.equals(EntityRecordType.KIND) || kind.equals(EventRecordType.KIND)
                || kind.equals(org.annals.annotation.AnnotationRecordType.KIND);
    }

    /** The vetted names every proposal of the batch refers to, in three queries. */
    private RecordNames.Names vettedNames(List<Operation> operations) {
        Set<UUID> entities = new HashSet<>();
        Set<UUID> events = new HashSet<>();
        Set<UUID> eventTypes = new HashSet<>();
        for (Operation op : operations) {
            switch (op.values()) {
                case EventPayload e -> {
                    entities.add(e.placeId());
                    e.actors().stream().map(EventActor::entityId).forEach(entities::add);
                    eventTypes.add(e.typeId());
                    eventTypes.add(e.subTypeId());
                }
                case AnnotationPayload a when EntityRecordType.KIND.equals(a.linkKind()) -> entities.add(a.linkId());
                case AnnotationPayload a when EventRecordType.KIND.equals(a.linkKind()) -> events.add(a.linkId());
                default -> {
                }
            }
        }
        return names.lookUp(entities, events, eventTypes);
    }

    /** Names of entities the changeset itself creates or renames: what its events and annotations call them. */
    private static Map<UUID, List<String>> proposedEntityNames(List<Operation> ops) {
        var proposed = new HashMap<UUID, List<String>>();
        for (Operation op : ops) {
            if (op.values() instanceof EntityPayload e) {
                var all = new ArrayList<String>();
                all.add(e.name());
                e.aliases().stream().map(Alias::name).forEach(all::add);
                proposed.put(op.recordId(), all);
            }
        }
        return proposed;
    }

    private static Map<UUID, String> proposedEventTitles(List<Operation> ops) {
        var proposed = new HashMap<UUID, String>();
        for (Operation op : ops) {
            if (op.values() instanceof EventPayload e) {
                proposed.put(op.recordId(), e.title());
            }
        }
        return proposed;
    }

    private static SearchDocument document(Changeset changeset, Operation op, RecordNames.Names known) {
        var origin = new RecordDocuments.Origin("proposal:" + op.id(),
                new DocumentGroup(DocumentGroup.Type.CHANGESET, changeset.id()), new RecordRef(op.kind(), op.recordId()),
                changeset.projectId(), changeset.audience(),
                changeset.audience() == Audience.OWNER ? changeset.authorId() : null, changeset.id(), changeset.updated());
        return switch (op.values()) {
            case EntityPayload e -> RecordDocuments.entity(origin, e, List.of());
            case EventPayload e -> RecordDocuments.event(origin, e, known, List.of());
            case AnnotationPayload a -> RecordDocuments.annotation(origin, a, known);
            default -> throw new IllegalStateException("Not a searchable payload: " + op.values().getClass());
        };
    }
}
