package org.annals.annotation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.EditorAnnotation.State;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.Uuids;
import org.annals.entity.EntityDirectory;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.EventClaims;
import org.annals.event.EventDirectory;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventSearch;
import org.annals.event.EventService;
import org.annals.event.QuotedClaim;
import org.annals.event.prefill.EventPrefill;
import org.annals.event.prefill.SourceContext;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetService.OpenOperation;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordRef;
import org.annals.review.WorkingDraftService;
import org.annals.search.SearchKind;
import org.annals.search.SearchService;
import org.annals.source.AnchorText;
import org.annals.source.SameWords;
import org.annals.source.SourceAnchors;
import org.annals.source.TextMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marking sources: what the editor shows over a text, and every change an editor makes there. Each
 * change lands in the editor's working draft for the project at once ({@link WorkingDraftService}: one
 * changeset in state DRAFT across all sources), so nothing marked is lost to a reload or a closed tab;
 * the editor submits the draft when ready.
 * Viewers read vetted annotations and evidence only.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class AnnotationService {

    private final ProjectAccess access;
    private final AnnotationRepository annotations;
    private final SourceAnchors anchors;
    private final ChangesetService changesets;
    private final EntityDirectory entities;
    private final EventDirectory events;
    private final EntityService entityService;
    private final EventService eventService;
    private final EventSearch eventSearch;
    private final SameWords sameWords;
    private final WorkingDraftService workingDraft;
    private final SearchService search;

    AnnotationService(ProjectAccess access, AnnotationRepository annotations, SourceAnchors anchors,
            ChangesetService changesets, EntityDirectory entities, EventDirectory events, EntityService entityService,
            EventService eventService, EventSearch eventSearch, SameWords sameWords, WorkingDraftService workingDraft,
            SearchService search) {
        this.search = search;
        this.eventSearch = eventSearch;
        this.sameWords = sameWords;
        this.workingDraft = workingDraft;
        this.access = access;
        this.annotations = annotations;
        this.anchors = anchors;
        this.changesets = changesets;
        this.entities = entities;
        this.events = events;
        this.entityService = entityService;
        this.eventService = eventService;
    }

    /** The annotations of one source: vetted ones, and for editors the open proposals on top of them. */
    @Transactional(readOnly = true)
    public EditorContent editor(UUID projectId, UUID sourceId) {
        ProjectRole role = access.require(projectId, ProjectRole.VIEWER);
        anchor(projectId, sourceId);
        Map<String, EditorAnnotation> items = new LinkedHashMap<>();
        for (Annotation a : annotations.findBySource(projectId, sourceId)) {
            items.put(a.getId().toString(), item(a.getId().toString(), a.getId(), a.values(), State.VETTED, null));
        }
        boolean canEdit = role.includes(ProjectRole.EDITOR);
        UUID draftId = null;
        int draftSize = 0;
        long draftItems = 0;
        if (canEdit) {
            var draft = workingDraft.overview(projectId);
            if (draft.isPresent()) {
                draftId = draft.get().changesetId();
                draftItems = draft.get().size();
            }
            for (OpenOperation open : changesets.openInContext(projectId, sourceId)) {
                ProposedOperation op = open.operation();
                if (!op.kind().equals(AnnotationRecordType.KIND)) {
                    continue;
                }
                if (open.changesetId().equals(draftId)) {
                    draftSize++;
                }
                State state = open.mine() && open.state().editable() ? State.DRAFT : State.PENDING;
                String vettedKey = op.recordId().toString();
                switch (op.action()) {
                    case CREATE -> items.put(vettedKey, item(vettedKey, op.recordId(), (AnnotationPayload) op.payload(),
                            state, open.changesetId()));
                    case UPDATE -> {
                        String key = vettedKey + "@" + open.changesetId();
                        items.put(key, item(key, op.recordId(), (AnnotationPayload) op.payload(), state, open.changesetId()));
                    }
                    case DELETE -> items.computeIfPresent(vettedKey, (k, v) -> v.withDeletionProposed());
                }
            }
        }
        var list = new ArrayList<>(labelled(projectId, items.values(), canEdit));
        list.sort(Comparator.comparingInt(EditorAnnotation::start).thenComparing(EditorAnnotation::end,
                Comparator.reverseOrder()));
        return new EditorContent(sourceId, list, canEdit, draftId, draftSize, draftItems);
    }

    /**
     * Checks a selection before the editor asks anything more: the span rules and the quote. Returns
     * the quote as the text has it.
     */
    @Transactional(readOnly = true)
    public String checkSelection(UUID projectId, UUID sourceId, int start, int end, String quote) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        AnnotationRecordType.checkSpan(text, start, end);
        String exact = text.slice(start, end);
        if (!exact.equals(quote)) {
            throw new InvalidInputException("The selection does not match the text at " + start + "–" + end
                    + "; select the passage again.");
        }
        return exact;
    }

    /**
     * Marks a span and adds it, with a new linked record if one is chosen, to the editor's working
     * draft for the project (started when there is none).
     */
    public Marked annotate(UUID projectId, UUID sourceId, int start, int end, String quote, AnnotationType type,
            LinkChoice link) {
        return mark(projectId, sourceId, start, end, quote, type, link, null);
    }

    /**
     * The claim a date or casualty-figure quote makes, read from the words of {@code [start, end)} of the source
     * (decision 0030): a date with its precision (or a range), or a casualty figure (killed, injured or both; of
     * civilians or combatants when the words say; a number or range; "at least" or "about"), citing the source.
     * For the person to confirm or correct before {@link #annotate(UUID, UUID, int, int, String, AnnotationType,
     * LinkChoice, List, EventClaim)} adds it; empty when the words give none or the type makes no claim.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<EventClaim> claimFromQuote(UUID projectId, UUID sourceId, int start, int end,
            AnnotationType type) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        AnnotationRecordType.checkSpan(text, start, end);
        ClaimField field = type.claimField();
        if (field == null) {
            return java.util.Optional.empty();
        }
        var source = new SourceContext(sourceId, sameWords.publishedOn(projectId, sourceId).orElse(null), null);
        return EventPrefill.readClaim(text.slice(start, end), source, field);
    }

    /**
     * The vetted claims an annotation is the quote of, each with its event: the way back from a quote to what it
     * says (decision 0030). Any role in the project.
     */
    @Transactional(readOnly = true)
    public List<QuotedClaim> claimsBackedBy(UUID projectId, UUID annotationId) {
        access.require(projectId, ProjectRole.VIEWER);
        return events.claimsQuoting(projectId, List.of(annotationId));
    }

    /**
     * Marks a span as {@link #annotate(UUID, UUID, int, int, String, AnnotationType, LinkChoice, List)} does, and
     * adds the claim the quote makes to the event it is linked to, in the same changeset, so that a reviewer
     * sees both together (decision 0030). The claim's quote is the new annotation and its source the annotation's
     * source, whatever {@code claim} says; its value is what the person confirmed (see {@link #claimFromQuote}).
     * A vetted event gets the claim through a change in the working draft; an event the caller's own open
     * proposal creates or changes gets it in that proposal; a new event is created with it.
     *
     * @param claim null for none; else a claim about the field the type quotes (a date, or casualties)
     */
    public Marked annotate(UUID projectId, UUID sourceId, int start, int end, String quote, AnnotationType type,
            LinkChoice link, List<TextMatch> sameWordsElsewhere, @Nullable EventClaim claim) {
        if (claim == null) {
            return annotate(projectId, sourceId, start, end, quote, type, link, sameWordsElsewhere);
        }
        if (!sameWordsElsewhere.isEmpty()) {
            throw new InvalidInputException("A quote that makes a claim is marked on its own: mark the same words"
                    + " elsewhere afterwards, each with its own claim.");
        }
        return mark(projectId, sourceId, start, end, quote, type, link, claim);
    }

    private Marked mark(UUID projectId, UUID sourceId, int start, int end, String quote, AnnotationType type,
            LinkChoice link, @Nullable EventClaim claim) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        var operations = new ArrayList<ProposedOperation>();
        UUID id = Uuids.timeOrdered();
        EventClaim quoted = claim == null ? null : quoted(type, link, claim, sourceId, id);
        Link chosen = link(link, operations, quoted);
        AnnotationPayload payload = new AnnotationPayload(sourceId, start, end, quote, contextBefore(text, start),
                contextAfter(text, end), type, chosen.kind(), chosen.id());
        operations.add(ProposedOperation.create(AnnotationRecordType.KIND, id, payload));
        UUID draft = quoted != null && link instanceof LinkChoice.Existing existing
                ? withClaimOnEvent(projectId, text, existing.id(), quoted, operations)
                : intoWorkingDraft(projectId, text, operations);
        return new Marked(draft, id, chosen.id(), quoted == null ? null : claimQuoting(operations, id));
    }

    /** The id of the claim the annotation is the quote of, as proposed (it may have taken an agreeing claim's id). */
    private static @Nullable UUID claimQuoting(List<ProposedOperation> operations, UUID annotationId) {
        return operations.stream().filter(op -> op.payload() instanceof EventPayload)
                .flatMap(op -> ((EventPayload) op.payload()).claims().stream())
                .filter(c -> annotationId.equals(c.annotationId())).map(EventClaim::id).findFirst().orElse(null);
    }

    /** The claim as the annotation makes it: its own id, the annotation as its quote, the annotation's source. */
    private static EventClaim quoted(AnnotationType type, LinkChoice link, EventClaim claim, UUID sourceId,
            UUID annotationId) {
        ClaimField field = type.claimField();
        if (field == null) {
            throw new InvalidInputException("Only a date or a casualty figure makes a claim about an event; mark the"
                    + " quote as one of those.");
        }
        if (claim.field() != field) {
            throw new InvalidInputException("A " + type.displayName().toLowerCase(java.util.Locale.ROOT)
                    + " makes a claim about the " + field.inSentence() + ", not the " + (claim.field() == null ? "?"
                            : claim.field().inSentence()) + ".");
        }
        boolean toEvent = link instanceof LinkChoice.NewEvent
                || link instanceof LinkChoice.Existing existing && existing.kind().equals(EventRecordType.KIND);
        if (!toEvent) {
            throw new InvalidInputException("Link the quote to an event: its claim is about that event.");
        }
        return new EventClaim(Uuids.timeOrdered(), claim.field(), claim.preferred(), claim.start(), claim.end(),
                claim.typeId(), claim.subTypeId(), claim.placeId(), claim.actors(), claim.casualties(), sourceId,
                annotationId, claim.reason(), claim.note());
    }

    /**
     * Adds the operations and the event's claim (an operation added to {@code operations}) to the changeset where
     * the event's next change belongs: the caller's own open proposal of the event when there is one (it must
     * still be editable), else a change of the vetted event in the working draft.
     */
    private UUID withClaimOnEvent(UUID projectId, AnchorText text, UUID eventId, EventClaim quoted,
            List<ProposedOperation> operations) {
        for (ChangesetService.PendingChange pending : changesets.myPending(projectId, EventRecordType.KIND)) {
            if (!pending.recordId().equals(eventId)) {
                continue;
            }
            if (pending.action() == ChangeAction.DELETE) {
                throw new InvalidInputException("You have proposed deleting this event: withdraw that proposal to add"
                        + " a claim to it.");
            }
            if (!changesets.details(pending.changesetId()).summary().state().editable()) {
                throw new InvalidInputException("Your change of this event is waiting for review: add the claim once"
                        + " it is decided, or withdraw it in My changes and propose both together.");
            }
            ProposedOperation own = changesets.proposedOperations(pending.changesetId()).stream()
                    .filter(op -> op.recordId().equals(eventId)).findFirst().orElseThrow();
            EventPayload values = EventClaims.withQuotedClaim(eventId, (EventPayload) own.payload(), quoted);
            operations.add(new ProposedOperation(own.kind(), eventId, own.action(), own.baseVersion(), values));
            boolean inWorkingDraft = workingDraft.overview(projectId)
                    .filter(d -> d.changesetId().equals(pending.changesetId())).isPresent();
            if (inWorkingDraft) {
                return intoWorkingDraft(projectId, text, operations);
            }
            changesets.amend(pending.changesetId(), operations, Set.of());
            return pending.changesetId();
        }
        org.annals.event.TimelineEntry vetted;
        try {
            vetted = eventService.get(projectId, eventId);
        } catch (NotFoundException notVetted) {
            throw new InvalidInputException("The event is proposed by someone else and not approved yet: add its claim"
                    + " once it is approved.");
        }
        if (!vetted.id().equals(eventId)) {
            throw new InvalidInputException("The event was merged into \"" + vetted.title() + "\": link the quote to"
                    + " that event.");
        }
        operations.add(ProposedOperation.update(EventRecordType.KIND, eventId, vetted.version(),
                EventClaims.withQuotedClaim(eventId, vetted.values(), quoted)));
        return intoWorkingDraft(projectId, text, operations);
    }

    /**
     * As {@link #annotate(UUID, UUID, int, int, String, AnnotationType, LinkChoice)}, and in the same step
     * marks the same words found elsewhere ({@link #sameWords}) as evidence of the same record.
     */
    public Marked annotate(UUID projectId, UUID sourceId, int start, int end, String quote, AnnotationType type,
            LinkChoice link, List<TextMatch> sameWordsElsewhere) {
        Marked marked = annotate(projectId, sourceId, start, end, quote, type, link);
        if (!sameWordsElsewhere.isEmpty()) {
            String kind = switch (link) {
                case LinkChoice.Existing existing -> existing.kind();
                case LinkChoice.NewEntity entity -> EntityRecordType.KIND;
                case LinkChoice.NewEvent event -> EventRecordType.KIND;
                case LinkChoice.None none -> throw new InvalidInputException(
                        "Link the passage to a record first: the same words elsewhere become evidence of that record.");
            };
            addSameWords(projectId, type, kind, java.util.Objects.requireNonNull(marked.linkId()), sameWordsElsewhere);
        }
        return marked;
    }

    /** Moves the span of an annotation (the editor's own proposal, or a vetted one through a new change). */
    public Marked changeSpan(UUID projectId, UUID sourceId, UUID annotationId, int start, int end) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        AnnotationRecordType.checkSpan(text, start, end);
        Target target = target(projectId, sourceId, annotationId);
        AnnotationPayload moved = target.payload().withSpan(start, end, text.slice(start, end),
                contextBefore(text, start), contextAfter(text, end));
        return target.replaceWith(moved, List.of(), text);
    }

    /** Extends or shrinks one edge of an annotation by a word. */
    public Marked stepSpan(UUID projectId, UUID sourceId, UUID annotationId, boolean endEdge, boolean extend) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        AnnotationPayload current = target(projectId, sourceId, annotationId).payload();
        int[] span = WordSteps.step(text, current.start(), current.end(),
                endEdge ? WordSteps.Edge.END : WordSteps.Edge.START, extend);
        return changeSpan(projectId, sourceId, annotationId, span[0], span[1]);
    }

    /** Changes the type and the linked record of an annotation. */
    public Marked changeLink(UUID projectId, UUID sourceId, UUID annotationId, AnnotationType type, LinkChoice link) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        Target target = target(projectId, sourceId, annotationId);
        var created = new ArrayList<ProposedOperation>();
        Link chosen = link(link, created, null);
        return target.replaceWith(target.payload().withLink(type, chosen.kind(), chosen.id()), created, text);
    }

    /** Deletes an annotation: drops the editor's own proposal of it, or proposes deleting a vetted one. */
    public void delete(UUID projectId, UUID sourceId, UUID annotationId) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        Target target = target(projectId, sourceId, annotationId);
        boolean inWorkingDraft = target.ownChangeset() != null && workingDraft.overview(projectId)
                .filter(d -> d.changesetId().equals(target.ownChangeset())).isPresent();
        if (inWorkingDraft && target.action() == ChangeAction.CREATE) {
            takeBackClaims(projectId, java.util.Objects.requireNonNull(target.ownChangeset()), annotationId);
            // Through the draft's own rule: refused, with the reason, if another item of the draft uses it.
            workingDraft.remove(projectId, Set.of(annotationId), false);
        } else if (target.ownChangeset() != null && target.action() == ChangeAction.CREATE) {
            changesets.amend(target.ownChangeset(), List.of(), Set.of(annotationId));
        } else if (target.ownChangeset() != null) {
            changesets.amend(target.ownChangeset(), List.of(ProposedOperation.delete(AnnotationRecordType.KIND,
                    annotationId, target.baseVersion())), Set.of());
        } else {
            intoWorkingDraft(projectId, text, List.of(ProposedOperation.delete(AnnotationRecordType.KIND, annotationId,
                    target.baseVersion())));
        }
    }

    /**
     * A quote taken back from the draft takes back the claims it proposed there (decision 0030): each returns to
     * what the vetted event has under its id, or goes; a change of a vetted event left with nothing else to
     * change leaves the draft.
     */
    private void takeBackClaims(UUID projectId, UUID draftId, UUID annotationId) {
        var upserts = new ArrayList<ProposedOperation>();
        var dropped = new HashSet<UUID>();
        for (ProposedOperation op : changesets.proposedOperations(draftId)) {
            if (!(op.payload() instanceof EventPayload values)
                    || values.claims().stream().noneMatch(c -> annotationId.equals(c.annotationId()))) {
                continue;
            }
            EventPayload vetted = op.action() == ChangeAction.CREATE ? null
                    : eventService.get(projectId, op.recordId()).values();
            Map<UUID, EventClaim> before = new java.util.HashMap<>();
            if (vetted != null) {
                vetted.claims().forEach(c -> before.put(c.id(), c));
            }
            EventPayload without = values.withClaims(values.claims().stream()
                    .flatMap(c -> !annotationId.equals(c.annotationId()) ? java.util.stream.Stream.of(c)
                            : java.util.stream.Stream.ofNullable(c.id() == null ? null : before.get(c.id())))
                    .toList());
            if (vetted != null && EventClaims.normalise(op.recordId(), without).equals(vetted)) {
                dropped.add(op.recordId());
            } else {
                upserts.add(new ProposedOperation(op.kind(), op.recordId(), op.action(), op.baseVersion(), without));
            }
        }
        if (!upserts.isEmpty() || !dropped.isEmpty()) {
            changesets.amend(draftId, upserts, dropped);
        }
    }

    /** Sends the working draft to review with the editor's message. */
    public void submitDraft(UUID projectId, UUID draftId, String message) {
        access.require(projectId, ProjectRole.EDITOR);
        changesets.submit(draftId, message);
    }

    /** Throws the working draft away (it is withdrawn, so its history stays). */
    public void discardDraft(UUID projectId, UUID draftId) {
        access.require(projectId, ProjectRole.EDITOR);
        changesets.withdraw(draftId);
    }

    /**
     * Records an annotation can link to for the text: vetted ones as the search engine ranks them, then
     * those whose name, alias or title contains the text, most recently changed first (all of them while
     * the engine finds nothing, e.g. while its index is rebuilt), then proposed ones the editor may use (their own drafts, so a second phrase
     * can link to the entity the first one created, and proposals submitted for review; decision 0023).
     * {@code kind} null means events and entities.
     */
    @Transactional(readOnly = true)
    public List<LinkCandidate> linkCandidates(UUID projectId, @Nullable String kind, String text, int limit) {
        return linkCandidates(projectId, kind, text, EventSearch.Context.NONE, limit);
    }

    /**
     * As {@link #linkCandidates(UUID, String, String, int)}, for a passage being marked: events are found
     * by words, dates, places and actors ({@link EventSearch}), those of the dates the passage mentions
     * first; days named without a year take the passage's year, else the source's published year.
     */
    @Transactional(readOnly = true)
    public List<LinkCandidate> linkCandidates(UUID projectId, UUID sourceId, @Nullable String kind, String text,
            String selection, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        var context = new EventSearch.Context(selection, sameWords.publishedOn(projectId, sourceId).orElse(null));
        return linkCandidates(projectId, kind, text, context, limit);
    }

    private List<LinkCandidate> linkCandidates(UUID projectId, @Nullable String kind, String text,
            EventSearch.Context context, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        int size = Math.clamp(limit, 1, 50);
        List<String> kinds = kind == null ? List.of(EventRecordType.KIND, EntityRecordType.KIND) : List.of(kind);
        // Pending records come after the vetted ones, but keep some room: a new place proposed a minute
        // ago must be findable even when many vetted records match.
        var pending = new ArrayList<LinkCandidate>();
        for (String k : kinds) {
            changesets.pendingRecords(projectId, k, text, Math.max(1, size / 2)).forEach(p -> pending.add(
                    new LinkCandidate(k, p.recordId(), p.label(), true, p.draft())));
        }
        var candidates = new ArrayList<LinkCandidate>();
        int vettedRoom = size - Math.min(pending.size(), Math.max(1, size / 2));
        if (kinds.contains(EventRecordType.KIND)) {
            // The search engine's ranking first (words of every field, folded, in every script), then what
            // the event search reads in the words (dates, places, actors); the index may lag, so only what
            // is vetted now is offered.
            List<UUID> ranked = search.rankRecords(projectId, text, SearchKind.EVENT, Set.of(), size).stream()
                    .filter(r -> EventRecordType.KIND.equals(r.kind())).map(RecordRef::id).toList();
            Map<UUID, String> vetted = events.labels(projectId, ranked);
            ranked.stream().filter(vetted::containsKey).forEach(id -> candidates.add(new LinkCandidate(
                    EventRecordType.KIND, id, vetted.get(id), false, false)));
            Set<UUID> rankedIds = new HashSet<>(ranked);
            eventSearch.search(projectId, text, context, size).stream().filter(e -> !rankedIds.contains(e.id()))
                    .forEach(e -> candidates.add(new LinkCandidate(EventRecordType.KIND, e.id(),
                            e.title() + " (" + e.start().display() + ")", false, false)));
        }
        if (kinds.contains(EntityRecordType.KIND)) {
            entityService.recentRanked(projectId, text, null, size).forEach(e -> candidates.add(new LinkCandidate(
                    EntityRecordType.KIND, e.id(), e.kind().displayName() + ": " + e.name(), false, false)));
        }
        var result = new ArrayList<>(candidates.subList(0, Math.min(vettedRoom, candidates.size())));
        Set<UUID> ids = new HashSet<>();
        result.forEach(c -> ids.add(c.id()));
        pending.stream().filter(c -> ids.add(c.id())).forEach(result::add);
        return result.stream().limit(size).toList();
    }

    /**
     * Where the words of {@code [start, end)} of a source occur in the project's other sources (the same
     * sentence, but for white space, punctuation, citation markers, case and letter forms), leaving out
     * places already marked with that span (vetted or proposed) and places an annotation cannot cover
     * (across passages).
     */
    @Transactional(readOnly = true)
    public List<TextMatch> sameWords(UUID projectId, UUID sourceId, int start, int end) {
        access.require(projectId, ProjectRole.EDITOR);
        AnchorText text = anchor(projectId, sourceId);
        AnnotationRecordType.checkSpan(text, start, end);
        var offered = new ArrayList<TextMatch>();
        Map<UUID, Set<String>> marked = new java.util.HashMap<>();
        for (TextMatch match : sameWords.find(projectId, sourceId, text.slice(start, end))) {
            Set<String> spans = marked.computeIfAbsent(match.sourceId(), id -> markedSpans(projectId, id));
            if (!spans.contains(match.start() + "-" + match.end()) && fits(projectId, match)) {
                offered.add(match);
            }
        }
        return offered;
    }

    /**
     * Marks places found by {@link #sameWords} as evidence of the same record, with the same type, each
     * an annotation in the working draft. Each place is checked again against its text.
     */
    public List<Marked> addSameWords(UUID projectId, AnnotationType type, String linkKind, UUID linkId,
            List<TextMatch> places) {
        access.require(projectId, ProjectRole.EDITOR);
        var marked = new ArrayList<Marked>();
        for (TextMatch place : places) {
            String quote = checkSelection(projectId, place.sourceId(), place.start(), place.end(), place.exact());
            marked.add(annotate(projectId, place.sourceId(), place.start(), place.end(), quote, type,
                    new LinkChoice.Existing(linkKind, linkId)));
        }
        return marked;
    }

    /** "start-end" of every annotation of the source, vetted or in an open proposal. */
    private Set<String> markedSpans(UUID projectId, UUID sourceId) {
        Set<String> spans = new HashSet<>();
        annotations.findBySource(projectId, sourceId).forEach(a -> spans.add(a.getStart() + "-" + a.getEnd()));
        for (OpenOperation open : changesets.openInContext(projectId, sourceId)) {
            if (open.operation().kind().equals(AnnotationRecordType.KIND)
                    && open.operation().payload() instanceof AnnotationPayload p) {
                spans.add(p.start() + "-" + p.end());
            }
        }
        return spans;
    }

    private boolean fits(UUID projectId, TextMatch match) {
        try {
            AnnotationRecordType.checkSpan(anchor(projectId, match.sourceId()), match.start(), match.end());
            return true;
        } catch (InvalidInputException outsidePassages) {
            return false;
        }
    }

    /** Vetted entities a new entity proposed from the annotation dialog may duplicate (see EntityService). */
    @Transactional(readOnly = true)
    public List<org.annals.entity.EntitySummary> possibleDuplicates(UUID projectId, EntityKind kind, String name,
            List<String> aliases, @Nullable UUID except) {
        access.require(projectId, ProjectRole.EDITOR);
        return entityService.possibleDuplicates(projectId, kind, name, aliases, except);
    }

    /** Every vetted annotation linked to an event or entity, across all sources of the project. */
    @Transactional(readOnly = true)
    public List<Evidence> evidence(UUID projectId, String kind, UUID recordId) {
        access.require(projectId, ProjectRole.VIEWER);
        List<Annotation> linked = annotations.findLinkedTo(projectId, kind, recordId);
        Set<UUID> sourceIds = new HashSet<>();
        linked.forEach(a -> sourceIds.add(a.getSourceId()));
        Map<UUID, String> titles = anchors.titles(projectId, sourceIds);
        return linked.stream()
                .map(a -> new Evidence(a.getId(), a.getSourceId(), titles.getOrDefault(a.getSourceId(), "?"), a.getType(),
                        a.getStart(), a.getEnd(), a.getPrefix(), a.getExact(), a.getSuffix()))
                .sorted(Comparator.comparing(Evidence::sourceTitle, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Evidence::sourceId).thenComparingInt(Evidence::start))
                .toList();
    }

    /**
     * The vetted annotations of the project among {@code annotationIds}, with where they are and what they say:
     * the quotes that back an event's claims (decision 0030), which need not be linked to the event. Ids of
     * annotations gone or of another project are left out.
     */
    @Transactional(readOnly = true)
    public List<Evidence> quotes(UUID projectId, java.util.Collection<UUID> annotationIds) {
        access.require(projectId, ProjectRole.VIEWER);
        if (annotationIds.isEmpty()) {
            return List.of();
        }
        List<Annotation> found = annotations.findAllById(Set.copyOf(annotationIds)).stream()
                .filter(a -> a.getProjectId().equals(projectId)).toList();
        Map<UUID, String> titles = anchors.titles(projectId, found.stream().map(Annotation::getSourceId)
                .collect(java.util.stream.Collectors.toSet()));
        return found.stream()
                .map(a -> new Evidence(a.getId(), a.getSourceId(), titles.getOrDefault(a.getSourceId(), "?"), a.getType(),
                        a.getStart(), a.getEnd(), a.getPrefix(), a.getExact(), a.getSuffix()))
                .sorted(Comparator.comparing(Evidence::annotationId)).toList();
    }

    /**
     * What a change in the editor produced: the draft it went into, the annotation, the linked record, and the
     * claim the quote makes about it when it makes one.
     */
    public record Marked(UUID changesetId, UUID annotationId, @Nullable UUID linkId, @Nullable UUID claimId) {

        public Marked(UUID changesetId, UUID annotationId, @Nullable UUID linkId) {
            this(changesetId, annotationId, linkId, null);
        }
    }

    private record Link(@Nullable String kind, @Nullable UUID id) {
    }

    /**
     * Turns the editor's choice into a link, proposing the new record first when there is one; a new event is
     * proposed with the claim its quote makes, if any.
     */
    private static Link link(LinkChoice choice, List<ProposedOperation> operations, @Nullable EventClaim quoted) {
        return switch (choice) {
            case LinkChoice.None none -> new Link(null, null);
            case LinkChoice.Existing existing -> new Link(existing.kind(), existing.id());
            case LinkChoice.NewEntity entity -> {
                UUID id = Uuids.timeOrdered();
                operations.add(ProposedOperation.create(EntityRecordType.KIND, id, entity.values()));
                yield new Link(EntityRecordType.KIND, id);
            }
            case LinkChoice.NewEvent event -> {
                // Before the event, so that its place and actors refer to records created earlier in the changeset.
                event.newEntities().forEach((entityId, values) -> operations.add(
                        ProposedOperation.create(EntityRecordType.KIND, entityId, values)));
                UUID id = Uuids.timeOrdered();
                EventPayload values = quoted == null ? event.values()
                        : EventClaims.withQuotedClaim(id, event.values(), quoted);
                operations.add(ProposedOperation.create(EventRecordType.KIND, id, values));
                yield new Link(EventRecordType.KIND, id);
            }
        };
    }

    /** Where an annotation's next change goes, and what it is now. */
    private final class Target {
        private final UUID projectId;
        private final UUID annotationId;
        private final @Nullable UUID ownChangeset;
        private final @Nullable ChangeAction action;
        private final @Nullable Long baseVersion;
        private final AnnotationPayload payload;

        Target(UUID projectId, UUID annotationId, @Nullable UUID ownChangeset, @Nullable ChangeAction action,
                @Nullable Long baseVersion, AnnotationPayload payload) {
            this.projectId = projectId;
            this.annotationId = annotationId;
            this.ownChangeset = ownChangeset;
            this.action = action;
            this.baseVersion = baseVersion;
            this.payload = payload;
        }

        @Nullable UUID ownChangeset() {
            return ownChangeset;
        }

        @Nullable ChangeAction action() {
            return action;
        }

        long baseVersion() {
            if (baseVersion == null) {
                throw new IllegalStateException("A vetted annotation always has a version.");
            }
            return baseVersion;
        }

        AnnotationPayload payload() {
            return payload;
        }

        /** Replaces the annotation's proposed values, with records it now links to proposed first. */
        Marked replaceWith(AnnotationPayload values, List<ProposedOperation> created, AnchorText text) {
            ProposedOperation op = action == ChangeAction.CREATE
                    ? ProposedOperation.create(AnnotationRecordType.KIND, annotationId, values)
                    : ProposedOperation.update(AnnotationRecordType.KIND, annotationId, baseVersion(), values);
            var operations = new ArrayList<>(created);
            operations.add(op);
            UUID changeset;
            if (ownChangeset != null) {
                changesets.amend(ownChangeset, operations, Set.of());
                changeset = ownChangeset;
            } else {
                changeset = intoWorkingDraft(projectId, text, operations);
            }
            return new Marked(changeset, annotationId, values.linkId());
        }
    }

    /**
     * Finds what an edit of an annotation builds on: the caller's own open proposal of it if there is
     * one (edited in place), else the vetted annotation (a new change in the working draft). A change
     * of it already waiting for review blocks further edits until it is decided.
     */
    private Target target(UUID projectId, UUID sourceId, UUID annotationId) {
        OpenOperation waiting = null;
        for (OpenOperation open : changesets.openInContext(projectId, sourceId)) {
            ProposedOperation op = open.operation();
            if (!op.recordId().equals(annotationId) || !op.kind().equals(AnnotationRecordType.KIND)) {
                continue;
            }
            if (open.mine() && open.state().editable()) {
                if (op.action() == ChangeAction.DELETE) {
                    throw new InvalidInputException("You have proposed deleting this annotation; remove that proposal"
                            + " from your draft first.");
                }
                return new Target(projectId, annotationId, open.changesetId(), op.action(), op.baseVersion(),
                        (AnnotationPayload) op.payload());
            }
            waiting = open;
        }
        if (waiting != null) {
            throw new InvalidInputException(waiting.mine()
                    ? "Your change of this annotation is waiting for review; withdraw it in My changes to edit again."
                    : "Someone else's change of this annotation is waiting for review; comment there instead.");
        }
        Annotation vetted = annotations.findByIdAndProjectId(annotationId, projectId)
                .filter(a -> a.getSourceId().equals(sourceId))
                .orElseThrow(() -> new NotFoundException("Annotation"));
        return new Target(projectId, annotationId, null, null, vetted.getVersion(), vetted.values());
    }

    /** Adds operations to the caller's working draft for the project, starting one if there is none. */
    private UUID intoWorkingDraft(UUID projectId, AnchorText text, List<ProposedOperation> operations) {
        return workingDraft.add(projectId, "Annotations in \"" + AnnotationRecordType.abbreviate(text.title()) + "\"",
                operations);
    }

    private AnchorText anchor(UUID projectId, UUID sourceId) {
        return anchors.anchorText(projectId, sourceId).orElseThrow(() -> new NotFoundException("Source"));
    }

    private static String contextBefore(AnchorText text, int start) {
        return start < 0 || start > text.length() ? "" : text.prefix(start, AnnotationRecordType.CONTEXT_LENGTH);
    }

    private static String contextAfter(AnchorText text, int end) {
        return end < 0 || end > text.length() ? "" : text.suffix(end, AnnotationRecordType.CONTEXT_LENGTH);
    }

    private EditorAnnotation item(String key, UUID id, AnnotationPayload p, State state, @Nullable UUID changesetId) {
        return new EditorAnnotation(key, id, p.start(), p.end(), p.exact(), p.prefix(), p.suffix(), p.type(),
                p.linkKind(), p.linkId(), "", state, false, changesetId);
    }

    /** Names the linked records in a few queries for the whole list, own proposed records included. */
    private List<EditorAnnotation> labelled(UUID projectId, java.util.Collection<EditorAnnotation> items, boolean canEdit) {
        Set<UUID> entityIds = new HashSet<>();
        Set<UUID> eventIds = new HashSet<>();
        for (EditorAnnotation a : items) {
            if (EntityRecordType.KIND.equals(a.linkKind())) {
                entityIds.add(a.linkId());
            } else if (EventRecordType.KIND.equals(a.linkKind())) {
                eventIds.add(a.linkId());
            }
        }
        Map<UUID, String> labels = new java.util.HashMap<>();
        if (canEdit) {
            if (!entityIds.isEmpty()) {
                changesets.myPending(projectId, EntityRecordType.KIND).forEach(p -> labels.put(p.recordId(), p.label()));
            }
            if (!eventIds.isEmpty()) {
                changesets.myPending(projectId, EventRecordType.KIND).forEach(p -> labels.put(p.recordId(), p.label()));
            }
        }
        entities.names(projectId, entityIds).forEach((id, name) -> labels.put(id, name));
        labels.putAll(events.labels(projectId, eventIds));
        return items.stream().map(a -> a.linkId() == null ? a.withLinkLabel("Not linked")
                : a.withLinkLabel(labels.getOrDefault(a.linkId(),
                        EntityRecordType.KIND.equals(a.linkKind()) ? "(proposed entity)" : "(proposed event)")))
                .toList();
    }
}
