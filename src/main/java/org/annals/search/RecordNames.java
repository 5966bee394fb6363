package org.annals.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current names of vetted records that other documents carry (an event's places and actors, an
 * annotation's linked record), read for a whole batch of documents at once by primary key.
 */
@Component
class RecordNames {

    /** Rows per IN list: well under what H2 and PostgreSQL accept, large enough to keep round trips few. */
    static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;

    RecordNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Names looked up for one batch; proposals may add the names of records proposed beside them. */
    record Names(Map<UUID, List<String>> entities, Map<UUID, String> events, Map<UUID, String> eventTypes) {

        static Names none() {
            return new Names(Map.of(), Map.of(), Map.of());
        }

        /** An entity's name followed by its aliases; empty when it is unknown. */
        List<String> entity(UUID id) {
            return id == null ? List.of() : entities.getOrDefault(id, List.of());
        }

        List<String> event(UUID id) {
            String title = id == null ? null : events.get(id);
            return title == null ? List.of() : List.of(title);
        }

        String eventType(UUID id) {
            return id == null ? null : eventTypes.get(id);
        }

        /** These names with others laid over them (records proposed in the same changeset). */
        Names with(Map<UUID, List<String>> moreEntities, Map<UUID, String> moreEvents) {
            if (moreEntities.isEmpty() && moreEvents.isEmpty()) {
                return this;
            }
            var allEntities = new HashMap<>(entities);
            allEntities.putAll(moreEntities);
            var allEvents = new HashMap<>(events);
            allEvents.putAll(moreEvents);
            return new Names(allEntities, allEvents, eventTypes);
        }
    }

    Names lookUp(Collection<UUID> entityIds, Collection<UUID> eventIds, Collection<UUID> typeIds) {
        return new Names(entityNames(entityIds), eventTitles(eventIds), eventTypeNames(typeIds));
    }

    /** Each entity's name, then its aliases in their order, as stored. */
    Map<UUID, List<String>> entityNames(Collection<UUID> ids) {
        var names = new HashMap<UUID, List<String>>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.query("select id, name from entity_record where id in (:ids)", Map.of("ids", chunk),
                    rs -> {
                        names.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).addFirst(rs.getString(2));
                    });
            jdbc.query("select entity_id, name from entity_alias where entity_id in (:ids) order by entity_id, ordinal",
                    Map.of("ids", chunk), rs -> {
                        List<String> known = names.get(rs.getObject(1, UUID.class));
                        if (known != null) {
                            known.add(rs.getString(2));
                        }
                    });
        }
        return names;
    }

    Map<UUID, String> eventTitles(Collection<UUID> ids) {
        return textById("select id, title from event_record where id in (:ids)", ids);
    }

    Map<UUID, String> eventTypeNames(Collection<UUID> ids) {
        return textById("select id, name from event_type where id in (:ids)", ids);
    }

    /** The second column of the rows whose id, the first, is one of these. */
    private Map<UUID, String> textById(String sql, Collection<UUID> ids) {
        var texts = new HashMap<UUID, String>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.query(sql, Map.of("ids", chunk), rs -> {
                texts.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
        }
        return texts;
    }

    /**
     * The names that records merged into each of these carried, so that a search for a merged-away name
     * finds the survivor (a merge leaves the duplicate as a redirect and copies none of its names).
     * Merges re-point earlier redirects at the survivor, so one level is all there is.
     */
    Map<UUID, List<String>> mergedEntityNames(Collection<UUID> survivors) {
        var bySurvivor = new HashMap<UUID, List<String>>();
        for (List<UUID> chunk : chunks(survivors)) {
            var duplicates = new HashMap<UUID, UUID>();
            jdbc.query("select id, merged_into_id from entity_record where merged_into_id in (:ids)",
                    Map.of("ids", chunk), rs -> {
                        duplicates.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
            if (duplicates.isEmpty()) {
                continue;
            }
            entityNames(duplicates.keySet()).forEach((duplicate, names) ->
                    bySurvivor.computeIfAbsent(duplicates.get(duplicate), s -> new ArrayList<>()).addAll(names));
        }
        return bySurvivor;
    }

    /** The titles of events merged into each of these. */
    Map<UUID, List<String>> mergedEventTitles(Collection<UUID> survivors) {
        var bySurvivor = new HashMap<UUID, List<String>>();
        for (List<UUID> chunk : chunks(survivors)) {
            jdbc.query("select merged_into_id, title from event_record where merged_into_id in (:ids)",
                    Map.of("ids", chunk), rs -> {
                        bySurvivor.computeIfAbsent(rs.getObject(1, UUID.class), s -> new ArrayList<>())
                                .add(rs.getString(2));
                    });
        }
        return bySurvivor;
    }

    static List<List<UUID>> chunks(Collection<UUID> ids) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        distinct.remove(null);
        var all = new ArrayList<>(distinct);
        var chunks = new ArrayList<List<UUID>>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
