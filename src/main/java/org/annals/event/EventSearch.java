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
        var found = new LinkedHashMap<UUID, EventRecord>();
        if (!selectionDates.isEmpty()) {
            run(projectId, q, selectionDates, CANDIDATES).forEach(e -> found.put(e.getId(), e));
        }
        if (!q.isEmpty()) {
            run(projectId, q, List.of(), CANDIDATES).forEach(e -> found.putIfAbsent(e.getId(), e));
        }
        LocalDate near = selectionDates.isEmpty() ? null : selectionDates.getFirst().from();
        Map<UUID, Integer> quality = new HashMap<>();
        found.values().forEach(e -> quality.put(e.getId(), quality(q, e)));
        Comparator<EventRecord> order = Comparator
                .comparing((EventRecord e) -> !onDates(e, selectionDates))
                .thenComparing(e -> -quality.get(e.getId()))
                .thenComparing(e -> near == null ? 0 : Math.abs(ChronoUnit.DAYS.between(near, e.getStartDate())))
                .thenComparing(EventRecord::getStartDate, Comparator.reverseOrder())
                .thenComparing(EventRecord::getId);
        List<EventRecord> ranked = found.values().stream().sorted(order).limit(size).toList();
        return events.entries(projectId, ranked);
    }

    private static boolean onDates(EventRecord e, List<DateRange> dates) {
        EventPayload v = e.values();
        LocalDate last = v.end() == null ? v.start().lastDay() : v.end().lastDay();
        return dates.stream().anyMatch(d -> d.overlaps(v.start().date(), last));
    }

    private static int quality(EventQuery q, EventRecord e) {
        EventPayload v = e.values();
        String title = v.title().toLowerCase(Locale.ROOT);
        String notes = v.notes() == null ? "" : v.notes().toLowerCase(Locale.ROOT);
        int score = 0;
        for (EntityTerm term : q.entities()) {
            if (v.placeId() != null && term.ids().contains(v.placeId())) {
                score += 4;
            } else if (v.actors().stream().anyMatch(a -> term.ids().contains(a.entityId()))) {
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
    private List<EventRecord> run(UUID projectId, EventQuery q, List<DateRange> anyOf, int max) {
        var jpql = new StringBuilder("select e from EventRecord e where e.projectId = :projectId and e.mergedInto is null");
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
        TypedQuery<EventRecord> query = em.createQuery(jpql.toString(), EventRecord.class).setMaxResults(max);
        params.forEach(query::setParameter);
        return query.getResultList();
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
