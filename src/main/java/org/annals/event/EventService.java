package org.annals.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.LikePattern;
import org.annals.base.NotFoundException;
import org.annals.base.Uuids;
import org.annals.entity.EntityDirectory;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.source.SourceAnchors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The timeline (vetted events, filtered) and proposals to change events, which go through review. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EventService {

    private static final int MAX_REDIRECTS = 20;

    private final ProjectAccess access;
    private final EventRecordRepository events;
    private final EventTypeRepository types;
    private final EntityDirectory entities;
    private final ChangesetService changesets;
    private final EvidenceSources evidence;
    private final SourceAnchors sources;

    private final org.annals.review.WorkingDraftService workingDraft;

    EventService(ProjectAccess access, EventRecordRepository events, EventTypeRepository types, EntityDirectory entities,
            ChangesetService changesets, EvidenceSources evidence, SourceAnchors sources,
            org.annals.review.WorkingDraftService workingDraft) {
        this.workingDraft = workingDraft;
        this.evidence = evidence;
        this.sources = sources;
        this.access = access;
        this.events = events;
        this.types = types;
        this.entities = entities;
        this.changesets = changesets;
    }

    /** One page of the vetted timeline, oldest first. */
    public List<TimelineEntry> timeline(UUID projectId, TimelineFilter filter, int page, int pageSize) {
        access.require(projectId, ProjectRole.VIEWER);
        var rows = events.timeline(projectId, from(filter), to(filter), filter.typeId(), filter.placeId(),
                filter.actorId(), LikePattern.containing(filter.text()), filter.contestedOnly(),
                PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500),
                        Sort.by("startDate", "id")));
        return entries(projectId, rows);
    }

    /** The vetted events the filter selects that have a place, oldest first, at most {@code limit}: for maps. */
    public List<EventSite> sites(UUID projectId, TimelineFilter filter, int limit) {
        access.require(projectId, ProjectRole.VIEWER);
        return events.sites(projectId, from(filter), to(filter), filter.typeId(), filter.placeId(), filter.actorId(),
                LikePattern.containing(filter.text()), filter.contestedOnly(),
                PageRequest.of(0, Math.max(1, limit), Sort.by("startDate", "id")));
    }

    /**
     * The vetted events with a place that concern an entity, oldest first, at most {@code limit}: for a place those
     * at it or at places inside it (through part-of), for anyone else those it takes part in.
     */
    public List<EventSite> sitesOfEntity(UUID projectId, UUID entityId, int limit) {
        access.require(projectId, ProjectRole.VIEWER);
        return events.sitesOfEntity(projectId, entityId, Math.max(1, limit)).stream()
                .map(row -> new EventSite(uuid(row[0]), localDate(row[1]), row[2] == null ? null : localDate(row[2]),
                        (String) row[3], uuid(row[4]), uuid(row[5])))
                .toList();
    }

    /** A native query's uuid column: a UUID on PostgreSQL, its 16 bytes on H2. */
    private static UUID uuid(Object value) {
        if (value instanceof byte[] bytes) {
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    /** A native query's date column, whichever type the driver gives it. */
    private static java.time.LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) value;
    }

    /** Vetted events whose title or notes contain the text, most recently changed first: for linking. */
    public List<TimelineEntry> recent(UUID projectId, String text, int limit) {
        access.require(projectId, ProjectRole.VIEWER);
        TimelineFilter filter = new TimelineFilter(null, null, null, null, null, text);
        var rows = events.timeline(projectId, from(filter), to(filter), null, null, null,
                LikePattern.containing(filter.text()), false, PageRequest.of(0, Math.clamp(limit, 1, 100), Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id"))));
        return entries(projectId, rows);
    }

    /** Data for the timeline's band and chart: at most {@code maxPoints} events, and counts for all of them. */
    public TimelineOverview overview(UUID projectId, TimelineFilter filter, int maxPoints) {
        access.require(projectId, ProjectRole.VIEWER);
        Map<UUID, String> typeNames = new HashMap<>();
        List<String> order = types.findByProjectIdOrderByPosition(projectId).stream()
                .filter(t -> t.getParentId() == null).map(EventType::getName).toList();
        var points = timeline(projectId, filter, 0, Math.clamp(maxPoints, 1, 5000)).stream()
                .map(e -> new TimelineOverview.Point(e.id().toString(), e.bandTitle(), e.start().date().toString(),
                        e.typeName()))
                .toList();
        var perDay = events.countPerDay(projectId, from(filter), to(filter), filter.typeId(), filter.placeId(),
                        filter.actorId(), LikePattern.containing(filter.text()), filter.contestedOnly()).stream()
                .map(row -> new TimelineOverview.DayCount(row[0].toString(), typeName(typeNames, (UUID) row[1]),
                        ((Number) row[2]).longValue()))
                .toList();
        return new TimelineOverview(order, points, perDay);
    }

    public long count(UUID projectId, TimelineFilter filter) {
        access.require(projectId, ProjectRole.VIEWER);
        return events.countTimeline(projectId, from(filter), to(filter), filter.typeId(), filter.placeId(),
                filter.actorId(), LikePattern.containing(filter.text()), filter.contestedOnly());
    }

    /** An event, following redirects left by merges, so an old id still resolves. */
    public TimelineEntry get(UUID projectId, UUID eventId) {
        access.require(projectId, ProjectRole.VIEWER);
        EventRecord record = events.findByIdAndProjectId(eventId, projectId).orElseThrow(() -> new NotFoundException("Event"));
        for (int hops = 0; record.getMergedInto() != null && hops < MAX_REDIRECTS; hops++) {
            record = events.findByIdAndProjectId(record.getMergedInto(), projectId)
                    .orElseThrow(() -> new NotFoundException("Event"));
        }
        return entries(projectId, List.of(record)).getFirst();
    }

    /** Vetted events that are part of this one. */
    public List<TimelineEntry> parts(UUID projectId, UUID eventId) {
        access.require(projectId, ProjectRole.VIEWER);
        return entries(projectId, events.findByParentId(eventId).stream().filter(e -> e.getMergedInto() == null).toList());
    }

    /** Vetted events on the same day at the same place: shown before an editor proposes a likely duplicate. */
    public List<TimelineEntry> likelyDuplicates(UUID projectId, PartialDate start, UUID placeId) {
        access.require(projectId, ProjectRole.VIEWER);
        return entries(projectId, events.sameDayAndPlace(projectId, start.date(), placeId));
    }

    @Transactional
    public Proposal proposeCreate(UUID projectId, EventPayload values, String message, boolean submit) {
        UUID id = Uuids.timeOrdered();
        return new Proposal(changesets.propose(projectId, message,
                List.of(ProposedOperation.create(EventRecordType.KIND, id, values)), submit), id);
    }

    @Transactional
    public Proposal proposeUpdate(UUID projectId, UUID eventId, long baseVersion, EventPayload values, String message,
            boolean submit) {
        return new Proposal(changesets.propose(projectId, message,
                List.of(ProposedOperation.update(EventRecordType.KIND, eventId, baseVersion, values)), submit), eventId);
    }

    /**
     * Proposes that {@code claimId} is the preferred claim of its field (of its kind of count, for casualties),
     * for the reason given: an update of the event, submitted for review like any other change (decision 0030),
     * based on the version the person saw. The event's field takes the claim's value once it is approved.
     */
    @Transactional
    public Proposal proposePreferred(UUID projectId, UUID eventId, long baseVersion, UUID claimId,
            @org.jspecify.annotations.Nullable String reason) {
        access.require(projectId, ProjectRole.EDITOR);
        EventRecord record = events.findByIdAndProjectId(eventId, projectId).orElseThrow(() -> new NotFoundException("Event"));
        EventPayload current = record.values();
        EventClaim chosen = current.claims().stream().filter(c -> claimId.equals(c.id())).findFirst()
                .orElseThrow(() -> new InvalidInputException("This claim is no longer part of the event: reload the"
                        + " page to see its claims as they are now."));
        if (reason != null && reason.strip().length() > EventClaim.REASON_MAX_LENGTH) {
            throw new InvalidInputException("Give the reason for preferring a claim in at most "
                    + EventClaim.REASON_MAX_LENGTH + " characters.");
        }
        List<EventClaim> competing = current.claims().stream()
                .filter(c -> c.competition().equals(chosen.competition())).toList();
        if (competing.size() < 2) {
            throw new InvalidInputException("This is the only claim about the " + chosen.field().inSentence()
                    + ": there is nothing to choose between.");
        }
        if (chosen.preferred() && java.util.Objects.equals(chosen.reason(), reason == null || reason.isBlank() ? null
                : reason.strip())) {
            throw new InvalidInputException("This claim is already the preferred one.");
        }
        List<EventClaim> claims = current.claims().stream().map(c -> c.id() != null && c.id().equals(claimId)
                ? c.preferred(true, reason)
                : c.competition().equals(chosen.competition()) ? c.preferred(false, null) : c).toList();
        EventPayload values = EventClaims.normalise(eventId, current.withClaims(claims));
        String what = chosen.field() == ClaimField.CASUALTIES && chosen.casualties() != null
                ? chosen.casualties().group().display() : chosen.field().inSentence();
        String message = "Prefer " + (chosen.sourceId() == null ? "the claim without a source" : "the claim of “"
                + sources.titles(projectId, Set.of(chosen.sourceId())).getOrDefault(chosen.sourceId(), "a source")
                + "”") + " for the " + what + " of " + record.getTitle();
        return proposeUpdate(projectId, eventId, baseVersion, values, message, true);
    }

    /**
     * Adds a new event to the caller's working draft for the project (started with {@code messageIfNew}
     * when there is none), to be submitted with everything else in it.
     */
    @Transactional
    public Proposal addCreateToDraft(UUID projectId, EventPayload values, String messageIfNew) {
        UUID id = Uuids.timeOrdered();
        return new Proposal(workingDraft.add(projectId, messageIfNew,
                List.of(ProposedOperation.create(EventRecordType.KIND, id, values))), id);
    }

    /** Adds new values for an event, based on the version the editor saw, to the caller's working draft. */
    @Transactional
    public Proposal addUpdateToDraft(UUID projectId, UUID eventId, long baseVersion, EventPayload values,
            String messageIfNew) {
        return new Proposal(workingDraft.add(projectId, messageIfNew,
                List.of(ProposedOperation.update(EventRecordType.KIND, eventId, baseVersion, values))), eventId);
    }

    @Transactional
    public Proposal proposeDelete(UUID projectId, UUID eventId, long baseVersion, String message, boolean submit) {
        return new Proposal(changesets.propose(projectId, message,
                List.of(ProposedOperation.delete(EventRecordType.KIND, eventId, baseVersion)), submit), eventId);
    }

    /** Proposes that {@code duplicate} is the same event as {@code survivor}. */
    @Transactional
    public Proposal proposeMerge(UUID projectId, UUID duplicate, UUID survivor, String message, boolean submit) {
        EventRecord record = events.findByIdAndProjectId(duplicate, projectId).orElseThrow(() -> new NotFoundException("Event"));
        if (record.getMergedInto() != null) {
            throw new InvalidInputException("This event was already merged.");
        }
        return new Proposal(changesets.propose(projectId, message, List.of(ProposedOperation.update(
                EventRecordType.KIND, duplicate, record.getVersion(), record.values().mergedInto(survivor))), submit),
                duplicate);
    }

    public record Proposal(UUID changesetId, UUID eventId) {
    }

    /** Open ends become the widest dates, so one index range scan serves every filter (no "is null" tests). */
    private static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1, 1, 1);
    private static final java.time.LocalDate LATEST = java.time.LocalDate.of(9999, 12, 31);

    private static java.time.LocalDate from(TimelineFilter filter) {
        return filter.from() == null ? EARLIEST : filter.from();
    }

    private static java.time.LocalDate to(TimelineFilter filter) {
        return filter.to() == null ? LATEST : filter.to();
    }

    /**
     * How proposed values for an event would read on the timeline (the names of its place, actors and
     * types): for a form that edits a proposal rather than the vetted event. {@code version} is the
     * version the values are based on (0 for a new event).
     */
    public TimelineEntry describe(UUID projectId, UUID eventId, long version, EventPayload values) {
        access.require(projectId, ProjectRole.EDITOR);
        return describe(projectId, List.of(new Shown(eventId, version, values))).getFirst();
    }

    /** One event as the timeline shows it: vetted, or proposed values. */
    private record Shown(UUID id, long version, EventPayload values) {
    }

    List<TimelineEntry> entries(UUID projectId, List<EventRecord> rows) {
        return describe(projectId, rows.stream().map(e -> new Shown(e.getId(), e.getVersion(), e.values())).toList());
    }

    private List<TimelineEntry> describe(UUID projectId, List<Shown> rows) {
        var entityIds = new HashSet<UUID>();
        for (Shown e : rows) {
            EventPayload v = e.values();
            if (v.placeId() != null) {
                entityIds.add(v.placeId());
            }
            v.actors().forEach(a -> entityIds.add(a.entityId()));
            // the places and actors that claims name, for the event page and the dispute texts
            for (EventClaim claim : v.claims()) {
                if (claim.placeId() != null) {
                    entityIds.add(claim.placeId());
                }
                claim.actors().forEach(a -> entityIds.add(a.entityId()));
            }
        }
        Map<UUID, String> names = entityIds.isEmpty() ? Map.of() : entities.names(projectId, entityIds);
        Map<UUID, String> typeNames = new HashMap<>();
        // An event is supported by the sources its vetted evidence quotes and those its claims cite.
        Map<UUID, Set<UUID>> evidenceSources = evidence.sourcesOfEvents(projectId, rows.stream().map(Shown::id).toList());
        var claimSourceIds = new HashSet<UUID>();
        rows.forEach(e -> e.values().claims().stream().map(EventClaim::sourceId).filter(Objects::nonNull)
                .forEach(claimSourceIds::add));
        Map<UUID, String> sourceTitles = sources.titles(projectId, claimSourceIds);
        var result = new ArrayList<TimelineEntry>(rows.size());
        for (Shown e : rows) {
            EventPayload v = e.values();
            var actors = v.actors().stream()
                    .map(a -> new TimelineEntry.Actor(a.entityId(), names.getOrDefault(a.entityId(), "?"), a.role()))
                    .toList();
            var supporting = new HashSet<>(evidenceSources.getOrDefault(e.id(), Set.of()));
            var cited = new LinkedHashMap<UUID, String>();
            var claimNames = new HashMap<UUID, String>();
            for (EventClaim claim : v.claims()) {
                if (claim.placeId() != null) {
                    claimNames.put(claim.placeId(), names.getOrDefault(claim.placeId(), "?"));
                }
                claim.actors().forEach(a -> claimNames.put(a.entityId(), names.getOrDefault(a.entityId(), "?")));
                if (claim.typeId() != null) {
                    claimNames.put(claim.typeId(), typeName(typeNames, claim.typeId()));
                }
                if (claim.subTypeId() != null) {
                    claimNames.put(claim.subTypeId(), typeName(typeNames, claim.subTypeId()));
                }
                if (claim.sourceId() != null) {
                    supporting.add(claim.sourceId());
                    cited.put(claim.sourceId(), sourceTitles.getOrDefault(claim.sourceId(), "(a source no longer here)"));
                }
            }
            result.add(new TimelineEntry(e.id(), e.version(), v.title(), v.start(), v.end(),
                    typeName(typeNames, v.typeId()), v.subTypeId() == null ? null : typeName(typeNames, v.subTypeId()),
                    v.placeId(), v.placeId() == null ? null : names.get(v.placeId()), actors, v.casualties(),
                    supporting.size(), EventClaims.disputes(v.claims()), v.parentId(), v, cited, claimNames));
        }
        return result;
    }

    private String typeName(Map<UUID, String> cache, UUID id) {
        return cache.computeIfAbsent(id, key -> types.findById(key).map(EventType::getName).orElse("?"));
    }
}
