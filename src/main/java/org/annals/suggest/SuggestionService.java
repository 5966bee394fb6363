package org.annals.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityDirectory;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventClaim;
import org.annals.event.EventRecordType;
import org.annals.event.prefill.FoldedText;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.security.CurrentUser;
import org.annals.source.SourceAnchors;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.annals.source.SourceText;
import org.annals.source.TextMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions for editors: what the recognisers find in a source, minus what is annotated or was rejected;
 * accepting one puts an annotation (with its link, and for dates and figures its value) into the person's working
 * draft, reviewed like any other change. Every entry point needs the Editor role in the project, but the list of
 * refused names and allowing one again, which need the Manager role.
 * <p>
 * How it stays fast (decision 0031): the project's registry is compiled once per registry version
 * ({@link RegistryCache}); what the recognisers find in a frozen text is kept per text and registry version
 * ({@link RecognisedCache}); only taking out annotated and rejected spans runs on every call. Entities proposed in
 * open changesets (the caller's own drafts, and what anyone submitted) are matched with a small matcher of their
 * own, merged into the vetted registry's matches.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SuggestionService {

    /** Proposed entities matched on top of the vetted registry; more are unusual and wait for review. */
    static final int MAX_PENDING_ENTITIES = 200;
    /** Unmarked mentions listed at most in one call. */
    public static final int MAX_UNMARKED = 500;
    /** Characters of context either side of an unmarked mention. */
    static final int CONTEXT = 60;
    private static final Pattern KEY = Pattern.compile("(MENTION|DATE|FIGURE|NEW_NAME):(\\d{1,9}):(\\d{1,9})");

    private final ProjectAccess access;
    private final SourceService sources;
    private final SourceAnchors anchors;
    private final AnnotationService annotations;
    private final EntityDirectory entities;
    private final ChangesetService changesets;
    private final UserDirectory users;
    private final List<Recogniser> recognisers;
    private final RegistryCache registries;
    private final RecognisedCache recognised;
    private final SuggestionRejections rejections;
    private final ApplicationEventPublisher events;

    SuggestionService(ProjectAccess access, SourceService sources, SourceAnchors anchors, AnnotationService annotations,
            EntityDirectory entities, ChangesetService changesets, UserDirectory users, List<Recogniser> recognisers,
            RegistryCache registries, RecognisedCache recognised, SuggestionRejections rejections,
            ApplicationEventPublisher events) {
        this.access = access;
        this.sources = sources;
        this.anchors = anchors;
        this.annotations = annotations;
        this.entities = entities;
        this.changesets = changesets;
        this.users = users;
        this.recognisers = List.copyOf(recognisers);
        this.registries = registries;
        this.recognised = recognised;
        this.rejections = rejections;
        this.events = events;
    }

    /**
     * The source's suggestions for the calling editor, in text order: none on a span already annotated (vetted,
     * pending or in a draft), none the caller rejected there, no name refused in the project ("never here").
     */
    public SourceSuggestions forSource(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.EDITOR);
        return new SourceSuggestions(sourceId, offered(projectId, sourceId));
    }

    /**
     * Accepts the suggestion {@code key} of the source (as {@link #forSource} gives it now): an annotation of its
     * kind's type goes into the caller's working draft, linked to {@code recordId}: for a registry name the
     * candidate chosen (required when there are several), for a date or figure an event to take the value as its
     * claim (or null: the annotation alone, its value read again from the words when it is linked later), for a
     * new name nothing (a new entity of the proposed kind is proposed with it) or an entity it is a name of.
     */
    @Transactional
    public AnnotationService.Marked accept(UUID projectId, UUID sourceId, String key, @Nullable UUID recordId) {
        access.require(projectId, ProjectRole.EDITOR);
        Suggestion suggestion = offered(projectId, sourceId, key);
        String quote = annotations.checkSelection(projectId, sourceId, suggestion.start(), suggestion.end(),
                suggestion.text());
        AnnotationType type = suggestion.kind().annotationType();
        return switch (suggestion.value()) {
            case Suggestion.Mention mention -> annotations.annotate(projectId, sourceId, suggestion.start(),
                    suggestion.end(), quote, type, new LinkChoice.Existing(EntityRecordType.KIND,
                            chosen(suggestion, mention, recordId)));
            case Suggestion.NewName name -> annotations.annotate(projectId, sourceId, suggestion.start(), suggestion.end(),
                    quote, type, recordId == null
                            ? new LinkChoice.NewEntity(EntityPayload.of(name.proposedKind(), quote.strip()))
                            : new LinkChoice.Existing(EntityRecordType.KIND, existingEntity(projectId, recordId)));
            case Suggestion.DateValue date -> withClaim(projectId, sourceId, suggestion, quote, recordId,
                    EventClaim.date(null, date.date(), date.endDate(), sourceId, null));
            case Suggestion.Figure figure -> withClaim(projectId, sourceId, suggestion, quote, recordId,
                    EventClaim.casualties(null, figure.casualties(), sourceId, null));
        };
    }

    /** Accepts every registry-name suggestion of the source that means this entity alone, in one step. */
    @Transactional
    public List<AnnotationService.Marked> acceptAll(UUID projectId, UUID sourceId, UUID entityId) {
        access.require(projectId, ProjectRole.EDITOR);
        var marked = new ArrayList<AnnotationService.Marked>();
        for (Suggestion suggestion : offered(projectId, sourceId)) {
            if (suggestion.value() instanceof Suggestion.Mention mention && mention.candidates().size() == 1
                    && mention.candidates().getFirst().id().equals(entityId)) {
                String quote = annotations.checkSelection(projectId, sourceId, suggestion.start(), suggestion.end(),
                        suggestion.text());
                marked.add(annotations.annotate(projectId, sourceId, suggestion.start(), suggestion.end(), quote,
                        AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, entityId)));
            }
        }
        return marked;
    }

    /**
     * Rejects the suggestion {@code key} for the caller in this source; with {@code neverHere}, a name (registry
     * name or new name) is never suggested again in the project, for anyone, until a manager allows it again.
     */
    @Transactional
    public void reject(UUID projectId, UUID sourceId, String key, boolean neverHere) {
        access.require(projectId, ProjectRole.EDITOR);
        Suggestion suggestion = offered(projectId, sourceId, key);
        UUID me = CurrentUser.require().userId();
        if (!neverHere) {
            rejections.reject(projectId, sourceId, me, suggestion);
            return;
        }
        UUID entityId = switch (suggestion.value()) {
            case Suggestion.Mention mention -> mention.candidates().size() == 1 ? mention.candidates().getFirst().id()
                    : null;
            case Suggestion.NewName name -> null;
            case Suggestion.DateValue date -> throw notAName();
            case Suggestion.Figure figure -> throw notAName();
        };
        if (rejections.neverHere(projectId, foldedName(suggestion), suggestion.text(), suggestion.kind(), entityId, me)) {
            events.publishEvent(new SuggestionsChanged(projectId, me));
        }
    }

    private static InvalidInputException notAName() {
        return new InvalidInputException("\"Never here\" is for names: reject a date or a figure in this source only.");
    }

    /** Forgets what the caller rejected in the source (not the names refused for the project); how many. */
    @Transactional
    public int forgetRejections(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.EDITOR);
        anchors.anchorText(projectId, sourceId).orElseThrow(() -> new NotFoundException("Source"));
        return rejections.forgetRejectedIn(sourceId, CurrentUser.require().userId());
    }

    /**
     * The names refused for the whole project ("never here"), most recent first, with who refused them: editors
     * see why a name is not suggested, managers allow it again ({@link #allowAgain}).
     */
    public List<NeverHere> neverHere(UUID projectId) {
        access.require(projectId, ProjectRole.EDITOR);
        List<NeverHere.Stored> stored = rejections.neverHereList(projectId);
        Map<UUID, String> entityNames = entities.names(projectId, stored.stream().map(NeverHere.Stored::entityId)
                .filter(Objects::nonNull).toList());
        Map<UUID, String> people = new HashMap<>();
        stored.stream().map(NeverHere.Stored::rejectedBy).filter(Objects::nonNull).distinct()
                .forEach(id -> users.find(id).map(UserSummary::displayName).ifPresent(name -> people.put(id, name)));
        return stored.stream().map(s -> new NeverHere(s.foldedAlias(), s.words(), s.kind(), s.entityId(),
                s.entityId() == null ? null : entityNames.get(s.entityId()),
                s.rejectedBy() == null ? null : people.get(s.rejectedBy()), s.rejectedAt())).toList();
    }

    /**
     * Suggests a name refused "never here" again in the project (its {@link NeverHere#foldedAlias()}). Managers
     * only. False when it was not refused (allowing twice is harmless).
     */
    @Transactional
    public boolean allowAgain(UUID projectId, String foldedAlias) {
        access.require(projectId, ProjectRole.MANAGER);
        if (!rejections.allowAgain(projectId, foldedAlias)) {
            return false;
        }
        events.publishEvent(new SuggestionsChanged(projectId, CurrentUser.require().userId()));
        return true;
    }

    /**
     * Names and aliases of vetted entities the registry matcher does not look for, each with the reason (one
     * letter, a common word): for the project's managers, who may change the alias on the entity's page.
     */
    public List<RefusedAlias> refusedAliases(UUID projectId) {
        access.require(projectId, ProjectRole.MANAGER);
        return registries.registry(projectId).matcher().refused().stream()
                .map(r -> new RefusedAlias(r.entry().id(), r.entry().kind(), r.entry().name(), r.alias(), r.reason()))
                .sorted(Comparator.comparing(RefusedAlias::entityName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(RefusedAlias::alias))
                .toList();
    }

    /**
     * Passages of the project's sources that name the entity (its name or an alias, as the registry matcher finds
     * them) without an annotation there (vetted, pending or in the caller's drafts), at most {@code limit} (up to
     * {@link #MAX_UNMARKED}), sources in library order. Names refused for the project are left out.
     */
    public List<UnmarkedMention> unmarkedMentions(UUID projectId, UUID entityId, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        int max = Math.clamp(limit, 1, MAX_UNMARKED);
        RegistryMatcher names = RegistryMatcher.of(List.of(entry(projectId, entityId)));
        Set<String> refused = rejections.neverHereAliases(projectId);
        var found = new ArrayList<UnmarkedMention>();
        for (int page = 0; found.size() < max; page++) {
            List<SourceSummary> library = sources.library(projectId, "", Sort.by("createdAt"), page, 500);
            for (SourceSummary summary : library) {
                if (found.size() >= max) {
                    break;
                }
                String text = sources.text(projectId, summary.id());
                List<RegistryMatcher.Match> matches = names.find(text).stream()
                        .filter(m -> !refused.contains(m.alias())).toList();
                if (matches.isEmpty()) {
                    continue;
                }
                Marks marked = new Marks(annotations.editor(projectId, summary.id()).annotations());
                for (RegistryMatcher.Match m : matches) {
                    if (found.size() < max && !marked.overlaps(m.start(), m.end())) {
                        found.add(new UnmarkedMention(summary.id(), summary.title(), m.start(), m.end(),
                                text.substring(m.start(), m.end()), text.substring(Math.max(0, m.start() - CONTEXT),
                                        m.start()), text.substring(m.end(), Math.min(text.length(), m.end() + CONTEXT))));
                    }
                }
            }
            if (library.size() < 500) {
                break;
            }
        }
        return found;
    }

    /**
     * Marks the chosen unmarked mentions as mentions of the entity, in the caller's working draft. Each is checked
     * again: its words must still be in its source where they were, and be a name of the entity.
     */
    @Transactional
    public List<AnnotationService.Marked> proposeMentions(UUID projectId, UUID entityId, List<UnmarkedMention> chosen) {
        access.require(projectId, ProjectRole.EDITOR);
        if (chosen.isEmpty()) {
            return List.of();
        }
        RegistryEntry entry = entry(projectId, entityId);
        RegistryMatcher names = RegistryMatcher.of(List.of(entry));
        var places = new ArrayList<TextMatch>();
        for (UnmarkedMention m : chosen) {
            boolean aName = names.find(m.text()).stream().anyMatch(match -> match.start() == 0
                    && match.end() == m.text().length());
            if (!aName) {
                throw new InvalidInputException("\"" + m.text() + "\" is not a name or alias of " + entry.name()
                        + ": nothing was marked.");
            }
            places.add(new TextMatch(m.sourceId(), m.sourceTitle(), m.start(), m.end(), m.before(), m.text(), m.after()));
        }
        return annotations.addSameWords(projectId, AnnotationType.ENTITY_MENTION, EntityRecordType.KIND, entityId,
                places);
    }

    // --- what is offered ---

    private Suggestion offered(UUID projectId, UUID sourceId, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("\"" + abbreviate(key) + "\" is not a suggestion key (KIND:start:end, as"
                    + " the suggestions list gives it).");
        }
        return offered(projectId, sourceId).stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("No suggestion " + key + " is offered in this source now:"
                        + " the text, the registry or the annotations have changed since, or it was accepted or"
                        + " rejected. Reload the suggestions."));
    }

    private List<Suggestion> offered(UUID projectId, UUID sourceId) {
        UUID textVersion = anchors.anchorText(projectId, sourceId).orElseThrow(() -> new NotFoundException("Source"))
                .textVersionId();
        RegistryCache.Compiled registry = registries.registry(projectId);
        List<Suggestion> found = recognised.get(new VettedKey(sourceId, textVersion, registry.version()),
                () -> recognise(projectId, sourceId, registry.matcher()));
        List<RegistryEntry> pending = pendingEntries(projectId, registry);
        if (!pending.isEmpty()) {
            List<Suggestion> pendingMentions = recognised.get(new PendingKey(sourceId, textVersion, pending),
                    () -> pendingMentions(projectId, sourceId, pending));
            found = withPending(found, pendingMentions);
        }
        Marks marked = new Marks(annotations.editor(projectId, sourceId).annotations());
        Set<String> rejected = rejections.rejectedIn(sourceId, CurrentUser.require().userId());
        Set<String> refused = rejections.neverHereAliases(projectId);
        return found.stream()
                .filter(s -> !marked.overlaps(s.start(), s.end()))
                .filter(s -> rejected.isEmpty() || !rejected.contains(SuggestionRejections.rejectionKey(s)))
                .filter(s -> refused.isEmpty() || !isName(s) || !refused.contains(foldedName(s)))
                .toList();
    }

    /** Findings of the vetted registry (and the other recognisers) in a text: the same for every editor. */
    private record VettedKey(UUID sourceId, UUID textVersion, long registryVersion) {
    }

    /** Findings of the proposed entities in a text: the same for every editor who sees the same proposals. */
    private record PendingKey(UUID sourceId, UUID textVersion, List<RegistryEntry> pending) {
    }

    private List<Suggestion> recognise(UUID projectId, UUID sourceId, RegistryMatcher registry) {
        SourceText source = sources.read(projectId, sourceId);
        var reading = new Reading(source.text(), source.source().metadata().publishedOn(),
                source.source().metadata().language(), registry);
        return oneMentionPerSpan(recogniseAll(recognisers, reading));
    }

    /** Below this many characters the recognisers take a few milliseconds together: not worth a thread each. */
    private static final int READ_APART_FROM = 20_000;

    /**
     * Every recogniser's findings, in the recognisers' order. A long text is read by all of them at once, each on
     * a thread of its own: they are pure and independent, and share only what the {@link Reading} makes once
     * (the words, the registry's matches, the plain text), so a 5 MB source takes the longest recogniser's time
     * rather than the sum of all of theirs.
     */
    static List<Suggestion> recogniseAll(List<Recogniser> recognisers, Reading reading) {
        var found = new ArrayList<Suggestion>();
        if (reading.text().length() < READ_APART_FROM || recognisers.size() < 2) {
            for (Recogniser recogniser : recognisers) {
                found.addAll(recogniser.recognise(reading));
            }
            return found;
        }
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new ArrayList<java.util.concurrent.Future<List<Suggestion>>>();
            for (Recogniser recogniser : recognisers) {
                running.add(threads.submit(() -> recogniser.recognise(reading)));
            }
            for (var one : running) {
                found.addAll(one.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the source for suggestions", e);
        }
        return found;
    }

    /**
     * Registry names at the same span as one suggestion with every candidate (the matcher promises it; a plain
     * matcher may give one match per entity), in text order: a key names one suggestion.
     */
    static List<Suggestion> oneMentionPerSpan(List<Suggestion> found) {
        var bySpan = new java.util.LinkedHashMap<String, Suggestion>();
        for (Suggestion s : found) {
            bySpan.merge(s.key(), s, (a, b) -> a.value() instanceof Suggestion.Mention ma
                    && b.value() instanceof Suggestion.Mention mb
                            ? new Suggestion(a.kind(), a.start(), a.end(), a.text(), new Suggestion.Mention(
                                    java.util.stream.Stream.concat(ma.candidates().stream(), mb.candidates().stream())
                                            .distinct().toList(), ma.alias()), Math.max(a.rank(), b.rank()))
                            : a.rank() >= b.rank() ? a : b);
        }
        var merged = new ArrayList<>(bySpan.values());
        merged.sort(IN_TEXT_ORDER);
        return merged;
    }

    private static final Comparator<Suggestion> IN_TEXT_ORDER = Comparator.comparingInt(Suggestion::start)
            .thenComparing(Suggestion::rank, Comparator.reverseOrder()).thenComparing(Suggestion::key);

    /** Entities proposed in open changesets the caller may link to: their own drafts and what anyone submitted. */
    private List<RegistryEntry> pendingEntries(UUID projectId, RegistryCache.Compiled registry) {
        var pending = new ArrayList<RegistryEntry>();
        for (ChangesetService.PendingRecord p : changesets.pendingRecords(projectId, EntityRecordType.KIND, "",
                MAX_PENDING_ENTITIES)) {
            if (p.payload() instanceof EntityPayload values && values.mergedInto() == null
                    && registry.entry(p.recordId()) == null) {
                RegistryEntry parent = values.partOf() == null ? null : registry.entry(values.partOf());
                pending.add(new RegistryEntry(p.recordId(), values.kind(), values.name(),
                        values.aliases().stream().map(org.annals.entity.Alias::name).toList(), values.description(),
                        parent == null ? null : parent.name(), false));
            }
        }
        pending.sort(Comparator.comparing(RegistryEntry::id));
        return pending;
    }

    private List<Suggestion> pendingMentions(UUID projectId, UUID sourceId, List<RegistryEntry> pending) {
        var reading = new Reading(sources.text(projectId, sourceId), null, null, RegistryMatcher.of(pending));
        return oneMentionPerSpan(recognisers.stream().filter(r -> r.kind() == SuggestionKind.MENTION)
                .flatMap(r -> r.recognise(reading).stream()).toList());
    }

    /**
     * The vetted findings with the proposed entities' names on top: a proposed name at the same span as a vetted
     * one adds its candidates; a longer one wins over the names and new names it overlaps; a new name that a
     * proposed entity already has is no longer new.
     */
    static List<Suggestion> withPending(List<Suggestion> vetted, List<Suggestion> pendingMentions) {
        if (pendingMentions.isEmpty()) {
            return vetted;
        }
        var names = new TreeMap<Integer, Suggestion>();
        var others = new ArrayList<Suggestion>();
        for (Suggestion s : vetted) {
            if (isName(s)) {
                names.merge(s.start(), s, (a, b) -> a.kind() == SuggestionKind.MENTION ? a : b);
            } else {
                others.add(s);
            }
        }
        for (Suggestion p : pendingMentions) {
            var overlapping = new ArrayList<Suggestion>();
            var before = names.floorEntry(p.start());
            if (before != null && before.getValue().end() > p.start()) {
                overlapping.add(before.getValue());
            }
            overlapping.addAll(names.subMap(p.start(), false, p.end(), false).values());
            boolean longerVetted = overlapping.stream().anyMatch(v -> v.kind() == SuggestionKind.MENTION
                    && v.end() - v.start() > p.end() - p.start());
            Suggestion same = overlapping.stream().filter(v -> v.kind() == SuggestionKind.MENTION
                    && v.start() == p.start() && v.end() == p.end()).findFirst().orElse(null);
            if (same != null) {
                var candidates = new ArrayList<>(((Suggestion.Mention) same.value()).candidates());
                candidates.addAll(((Suggestion.Mention) p.value()).candidates());
                names.put(same.start(), new Suggestion(same.kind(), same.start(), same.end(), same.text(),
                        new Suggestion.Mention(candidates, ((Suggestion.Mention) same.value()).alias()), same.rank()));
            } else if (!longerVetted) {
                overlapping.forEach(v -> names.remove(v.start()));
                names.put(p.start(), p);
            }
        }
        var merged = new ArrayList<>(others);
        merged.addAll(names.values());
        merged.sort(IN_TEXT_ORDER);
        return merged;
    }

    private static boolean isName(Suggestion s) {
        return s.kind() == SuggestionKind.MENTION || s.kind() == SuggestionKind.NEW_NAME;
    }

    /** What "never here" remembers of a name: the alias as the matcher folded it, or a new name's folded words. */
    static String foldedName(Suggestion s) {
        return SuggestionRejections.words(s.value() instanceof Suggestion.Mention mention ? mention.alias()
                : FoldedText.fold(s.text()).strip());
    }

    // --- accepting ---

    private static UUID chosen(Suggestion suggestion, Suggestion.Mention mention, @Nullable UUID recordId) {
        List<Candidate> candidates = mention.candidates();
        if (recordId == null) {
            if (candidates.size() == 1) {
                return candidates.getFirst().id();
            }
            throw new InvalidInputException("\"" + abbreviate(suggestion.text()) + "\" may mean " + candidates.size()
                    + " entities (" + describe(candidates) + "): choose one.");
        }
        if (candidates.stream().noneMatch(c -> c.id().equals(recordId))) {
            throw new InvalidInputException("The entity chosen is not one that \"" + abbreviate(suggestion.text())
                    + "\" may mean (" + describe(candidates) + ").");
        }
        return recordId;
    }

    private static String describe(List<Candidate> candidates) {
        return String.join("; ", candidates.stream().map(c -> c.name() + (c.partOf() == null ? "" : ", " + c.partOf())
                + (c.description() == null ? "" : " – " + abbreviate(c.description()))).toList());
    }

    private UUID existingEntity(UUID projectId, UUID entityId) {
        if (entities.kindOf(projectId, entityId).isEmpty()) {
            throw new InvalidInputException("Link a new name to an entity of this project, or to none to propose a new"
                    + " entity.");
        }
        return entityId;
    }

    /** A date or figure: the annotation alone, or linked to the event with the suggestion's value as its claim. */
    private AnnotationService.Marked withClaim(UUID projectId, UUID sourceId, Suggestion suggestion, String quote,
            @Nullable UUID eventId, EventClaim claim) {
        AnnotationType type = suggestion.kind().annotationType();
        if (eventId == null) {
            return annotations.annotate(projectId, sourceId, suggestion.start(), suggestion.end(), quote, type,
                    new LinkChoice.None());
        }
        return annotations.annotate(projectId, sourceId, suggestion.start(), suggestion.end(), quote, type,
                new LinkChoice.Existing(EventRecordType.KIND, eventId), List.of(), claim);
    }

    /** The entity as the registry matcher has it: vetted, or proposed in an open changeset the caller may use. */
    private RegistryEntry entry(UUID projectId, UUID entityId) {
        RegistryCache.Compiled registry = registries.registry(projectId);
        RegistryEntry vetted = registry.entry(entityId);
        if (vetted != null) {
            return vetted;
        }
        return pendingEntries(projectId, registry).stream().filter(e -> e.id().equals(entityId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Entity"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /** The annotated spans of a source, for "does this span touch one" in logarithmic time. */
    private static final class Marks {
        private final int[] starts;
        /** The largest end among the spans up to each index. */
        private final int[] maxEnds;

        Marks(List<EditorAnnotation> annotations) {
            int[][] spans = annotations.stream().map(a -> new int[] {a.start(), a.end()})
                    .sorted(Comparator.comparingInt(s -> s[0])).toArray(int[][]::new);
            starts = new int[spans.length];
            maxEnds = new int[spans.length];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < spans.length; i++) {
                starts[i] = spans[i][0];
                max = Math.max(max, spans[i][1]);
                maxEnds[i] = max;
            }
        }

        /** Whether an annotation starts before {@code end} and ends after {@code start}. */
        boolean overlaps(int start, int end) {
            // The spans that start before end: all up to the first start >= end.
            int count = firstAtLeast(end);
            return count > 0 && maxEnds[count - 1] > start;
        }

        private int firstAtLeast(int value) {
            int low = 0;
            int high = starts.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (starts[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
