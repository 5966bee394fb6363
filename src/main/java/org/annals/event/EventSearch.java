package org.annals.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.LikePattern;
import org.annals.entity.EntityDirectory;
import org.annals.event.EventQuery.DateRange;
import org.annals.event.EventQuery.EntityTerm;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the vetted event a passage should link to, from what a person types ({@link EventQuery}):
 * every term must match. The events of the dates the selected passage mentions come first, then the
 * best matches (a named place or actor of the event counts more than the same word in its title, a
 * word in the title more than in the notes), then the events nearest to the selection's date, or the
 * latest. One query per search (two when the selection mentions dates), on the timeline's indexes.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EventSearch {

    /** How many matching events are ranked at most; the query orders them by date before the cut. */
    static final int CANDIDATES = 300;
    /** The most results one search returns. */
    public static final int MAX_RESULTS = 100;

    private final ProjectAccess access;
    private final EntityDirectory entities;
    private final EventService events;

    @PersistenceContext
    private EntityManager em;

    EventSearch(ProjectAccess access, EntityDirectory entities, EventService events) {
        this.access = access;
        this.entities = entities;
        this.events = events;
    }

    /** What the search knows of where the person is: the selected text and the source's published date. */
    public record Context(@Nullable String selection, @Nullable LocalDate publishedOn) {

        public static final Context NONE = new Context(null, null);

        /** The year for days named without one: the selection's own year, else the source's. */
        @Nullable Integer year() {
            Integer own = selection == null ? null : EventQuery.yearIn(selection);
            return own != null ? own : publishedOn == null ? null : publishedOn.getYear();
        }

        List<DateRange> selectionDates() {
            return selection == null ? List.of() : EventQuery.datesIn(selection, year());
        }
    }

    /** Reads a query as the search reads it, with the project's registry names: for showing what was understood. */
    public EventQuery read(UUID projectId, String query, Context context) {
        access.require(projectId, ProjectRole.VIEWER);
        Map<String, Set<UUID>> names = entities.byFoldedName(projectId, null);
        return EventQuery.parse(query, context.year(), phrase -> names.getOrDefault(phrase, Set.of()));
    }

    /** The best {@code limit} vetted events for a query, ranked as the class says. */
    public List<TimelineEntry> search(UUID projectId, String query, Context context, int limit) {
        EventQuery q = read(projectId, query, context);
        int size = Math.clamp(limit, 1, MAX_RESULTS);
        List<DateRange> selectionDates = context.selectionDates();
        if (q.isEmpty() && selectionDates.isEmpty()) {
            return events.recent(projectId, "", size);
        }
        var found = new LinkedHashMap<UUID, Row>();
        if (!selectionDates.isEmpty()) {
            run(projectId, q, selectionDates, CANDIDATES).forEach(e -> found.put(e.id(), e));
        }
        if (!q.isEmpty()) {
            run(projectId, q, List.of(), CANDIDATES).forEach(e -> found.putIfAbsent(e.id(), e));
        }
        Map<UUID, Set<UUID>> actors = actorsNamed(q, found.keySet());
        LocalDate near = selectionDates.isEmpty() ? null : selectionDates.getFirst().from();
        Map<UUID, Integer> quality = new HashMap<>();
        found.values().forEach(e -> quality.put(e.id(), quality(q, e, actors.getOrDefault(e.id(), Set.of()))));
        Comparator<Row> order = Comparator
                .comparing((Row e) -> !e.onAnyOf(selectionDates))
                .thenComparing(e -> -quality.get(e.id()))
                .thenComparing(e -> near == null ? 0 : Math.abs(ChronoUnit.DAYS.between(near, e.start())))
                .thenComparing(Row::start, Comparator.reverseOrder())
                .thenComparing(Row::id);
        List<UUID> ranked = found.values().stream().sorted(order).limit(size).map(Row::id).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<UUID, EventRecord> records = new HashMap<>();
        em.createQuery("select e from EventRecord e where e.id in :ids", EventRecord.class).setParameter("ids", ranked)
                .getResultList().forEach(e -> records.put(e.getId(), e));
        return events.entries(projectId, ranked.stream().map(records::get).filter(java.util.Objects::nonNull).toList());
    }

    /** What ranking needs of a matching event, read as plain columns (no collections loaded). */
    private record Row(UUID id, String title, @Nullable String notes, @Nullable UUID placeId, LocalDate start,
            DatePrecision startPrecision, @Nullable LocalDate end, @Nullable DatePrecision endPrecision) {

        boolean onAnyOf(List<DateRange> dates) {
            LocalDate last = end == null || endPrecision == null
                    ? new PartialDate(start, startPrecision, null).lastDay()
                    : new PartialDate(end, endPrecision, null).lastDay();
            return dates.stream().anyMatch(d -> d.overlaps(start, last));
        }
    }

    /** For each event among {@code ids}: its actors that an entity term of the query names. One query. */
    private Map<UUID, Set<UUID>> actorsNamed(EventQuery q, Set<UUID> ids) {
        var named = new java.util.HashSet<UUID>();
        q.entities().forEach(t -> named.addAll(t.ids()));
        var result = new HashMap<UUID, Set<UUID>>();
        if (named.isEmpty() || ids.isEmpty()) {
            return result;
        }
        em.createQuery("select x.id, a.entityId from EventRecord x join x.actors a where x.id in :ids"
                        + " and a.entityId in :named", Object[].class)
                .setParameter("ids", ids).setParameter("named", named).getResultList()
                .forEach(r -> result.computeIfAbsent((UUID) r[0], k -> new java.util.HashSet<>()).add((UUID) r[1]));
        return result;
    }

    private static int quality(EventQuery q, Row e, Set<UUID> actors) {
        String title = e.title().toLowerCase(Locale.ROOT);
        String notes = e.notes() == null ? "" : e.notes().toLowerCase(Locale.ROOT);
        int score = 0;
        for (EntityTerm term : q.entities()) {
            if (e.placeId() != null && term.ids().contains(e.placeId())) {
                score += 4;
            } else if (actors.stream().anyMatch(term.ids()::contains)) {
                score += 3;
            } else {
                score += title.contains(term.phrase()) ? 2 : 1;
            }
        }
        for (String word : q.words()) {
            score += title.contains(word) ? 2 : notes.contains(word) ? 1 : 0;
        }
        return score;
    }

    /**
     * The events that match every term of the query and, when {@code anyOf} is not empty, overlap one
     * of those ranges; latest first.
     */
    private List<Row> run(UUID projectId, EventQuery q, List<DateRange> anyOf, int max) {
        var jpql = new StringBuilder("select e.id, e.title, e.notes, e.placeId, e.startDate, e.startPrecision, e.endDate,"
                + " e.endPrecision from EventRecord e where e.projectId = :projectId and e.mergedInto is null");
        var params = new HashMap<String, Object>();
        params.put("projectId", projectId);
        int n = 0;
        for (DateRange range : q.dates()) {
            jpql.append(" and ").append(overlap(range, "d" + n++, params));
        }
        if (!anyOf.isEmpty()) {
            var any = new ArrayList<String>();
            for (DateRange range : anyOf) {
                any.add(overlap(range, "d" + n++, params));
            }
            jpql.append(" and (").append(String.join(" or ", any)).append(")");
        }
        if (!q.dates().isEmpty() || !anyOf.isEmpty()) {
            params.put("dayLike", List.of(DatePrecision.DAY, DatePrecision.APPROXIMATE));
            params.put("month", DatePrecision.MONTH);
            params.put("year", DatePrecision.YEAR);
        }
        int t = 0;
        for (EntityTerm term : q.entities()) {
            String ids = "ids" + t;
            String like = "e" + t++;
            params.put(ids, term.ids());
            params.put(like, LikePattern.containing(term.phrase()));
            jpql.append(" and (e.placeId in :").append(ids)
                    .append(" or exists (select 1 from EventRecord x join x.actors a where x = e and a.entityId in :")
                    .append(ids).append(")").append(" or ").append(textLike(like)).append(")");
        }
        int w = 0;
        for (String word : q.words()) {
            String like = "w" + w++;
            params.put(like, LikePattern.containing(word));
            jpql.append(" and ").append(textLike(like));
        }
        jpql.append(" order by e.startDate desc, e.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(max);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                (LocalDate) r[4], (DatePrecision) r[5], (LocalDate) r[6], (DatePrecision) r[7])).toList();
    }

    private static String textLike(String param) {
        return "(lower(e.title) like :" + param + " escape '!' or lower(coalesce(e.notes, '')) like :" + param
                + " escape '!')";
    }

    /**
     * The event's days overlap {@code range}: it starts on or before the range's last day, and the last
     * day its start (or end) may mean, given its precision, is on or after the range's first day. A
     * month-precise date stored as its first day reaches {@code from} when it is on or after the first
     * day of {@code from}'s month, so no date arithmetic is needed in SQL.
     */
    private static String overlap(DateRange range, String p, Map<String, Object> params) {
        LocalDate from = range.from();
        params.put(p + "to", range.to());
        params.put(p + "day", from);
        params.put(p + "m", from.withDayOfMonth(1));
        params.put(p + "y", from.withDayOfYear(1));
        String reaches = "(%1$sPrecision in :dayLike and %1$sDate >= :%2$sday or %1$sPrecision = :month and %1$sDate >= :%2$sm"
                + " or %1$sPrecision = :year and %1$sDate >= :%2$sy)";
        return "(e.startDate <= :" + p + "to and (e.endDate is null and " + reaches.formatted("e.start", p)
                + " or e.endDate is not null and " + reaches.formatted("e.end", p) + "))";
    }
}
