package org.annals.sample;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.annotation.AnnotationPayload;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.QuoteLocator;
import org.annals.base.Uuids;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.GeoPrecision;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectService;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample project's gazetteer, actors and vetted timeline (samples/syria-2024/timeline.json), proposed and
 * approved as the caller (the first administrator) through the ordinary changesets, so that every record has its
 * revision like any other. Two changesets: the places and actors, then the events each with the annotation that
 * quotes the sentence of the sample text it comes from. A quote is looked up in the imported text by its words
 * ({@link QuoteLocator}); an event whose quote is not found there (a changed sample text or importer) is left out
 * with a warning rather than stopping the rest.
 */
@Component
class SampleTimeline {

    static final String RESOURCE = "samples/syria-2024/timeline.json";
    private static final Logger log = LoggerFactory.getLogger(SampleTimeline.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChangesetService changesets;
    private final ReviewService review;
    private final ProjectService projects;
    private final TaxonomyService taxonomy;
    private final QuoteLocator quotes;

    SampleTimeline(ChangesetService changesets, ReviewService review, ProjectService projects,
            TaxonomyService taxonomy, QuoteLocator quotes) {
        this.changesets = changesets;
        this.review = review;
        this.projects = projects;
        this.taxonomy = taxonomy;
        this.quotes = quotes;
    }

    /** What the resource file holds. */
    record Timeline(@Nullable String about, List<Place> places, List<Actor> actors, List<Event> events) {
    }

    record Name(String name, @Nullable String language) {
    }

    record Place(String key, String name, @Nullable List<Name> aliases, @Nullable String description,
            @Nullable String wikidata, @Nullable Double latitude, @Nullable Double longitude,
            @Nullable GeoPrecision precision, @Nullable String partOf) {
    }

    record Actor(String key, EntityKind kind, String name, @Nullable List<Name> aliases,
            @Nullable String description) {
    }

    record Participant(String actor, ActorRole role) {
    }

    record Event(String title, String date, String type, @Nullable String subType, String place,
            @Nullable List<Participant> actors, String source, String quote) {
    }

    /** What was seeded: the number of events, and the events left out because their quote was not found. */
    record Seeded(int events, List<String> skipped) {
    }

    static Timeline read() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JSON.readValue(in, Timeline.class);
        }
    }

    /**
     * Proposes and approves the gazetteer and the timeline in the project.
     *
     * @param sources the imported sample sources by file name
     */
    Seeded seed(UUID projectId, Map<String, UUID> sources) throws IOException {
        Timeline timeline = read();
        boolean allowed = projects.allowsSelfApproval(projectId);
        // The seeder is the only author here; a project normally needs a second reviewer, so it allows
        // approving one's own changes just for this, as a manager could, and restores the setting.
        projects.setAllowSelfApproval(projectId, true);
        try {
            Map<String, UUID> entities = proposeGazetteer(projectId, timeline);
            return proposeEvents(projectId, timeline, entities, sources);
        } finally {
            projects.setAllowSelfApproval(projectId, allowed);
        }
    }

    private Map<String, UUID> proposeGazetteer(UUID projectId, Timeline timeline) {
        var ids = new HashMap<String, UUID>();
        var operations = new ArrayList<ProposedOperation>();
        for (Place place : timeline.places()) {
            UUID id = Uuids.timeOrdered();
            UUID parent = place.partOf() == null ? null : ids.get(place.partOf());
            if (place.partOf() != null && parent == null) {
                log.warn("Sample place {} left out: its parent {} is not listed before it", place.name(), place.partOf());
                continue;
            }
            ids.put(place.key(), id);
            operations.add(ProposedOperation.create(EntityRecordType.KIND, id, new EntityPayload(EntityKind.PLACE,
                    place.name(), aliases(place.aliases()), place.description(), place.wikidata(), place.latitude(),
                    place.longitude(), place.precision(), parent, null)));
        }
        for (Actor actor : timeline.actors()) {
            UUID id = Uuids.timeOrdered();
            ids.put(actor.key(), id);
            operations.add(ProposedOperation.create(EntityRecordType.KIND, id, EntityPayload.of(actor.kind(),
                    actor.name()).withAliases(aliases(actor.aliases())).withDescription(actor.description())));
        }
        UUID changeset = changesets.propose(projectId, "Gazetteer and actors of the sample texts: "
                + timeline.places().size() + " places with where they lie, " + timeline.actors().size()
                + " armed groups and people", operations, true);
        review.approve(changeset, "Checked against the sample texts.");
        return ids;
    }

    private Seeded proposeEvents(UUID projectId, Timeline timeline, Map<String, UUID> entities,
            Map<String, UUID> sources) {
        Map<String, UUID> types = typesByName(projectId);
        var operations = new ArrayList<ProposedOperation>();
        var skipped = new ArrayList<String>();
        for (Event event : timeline.events()) {
            Optional<String> problem = problem(event, entities, sources, types);
            UUID sourceId = sources.get(event.source());
            Optional<QuoteLocator.Occurrence> found = problem.isPresent() || sourceId == null ? Optional.empty()
                    : quotes.find(projectId, sourceId, event.quote()).stream().filter(o -> o.problem() == null)
                            .findFirst();
            if (found.isEmpty()) {
                log.warn("Sample event \"{}\" left out: {}", event.title(),
                        problem.orElse("its quote is not in the imported text of " + event.source()));
                skipped.add(event.title());
                continue;
            }
            UUID typeId = types.get(event.type());
            UUID subTypeId = event.subType() == null ? null : types.get(event.type() + "/" + event.subType());
            List<EventActor> actors = event.actors() == null ? List.of() : event.actors().stream()
                    .map(p -> new EventActor(entities.get(p.actor()), p.role())).toList();
            UUID eventId = Uuids.timeOrdered();
            operations.add(ProposedOperation.create(EventRecordType.KIND, eventId, EventPayload.of(event.title(),
                    PartialDate.parse(event.date()), typeId).withType(typeId, subTypeId)
                    .withPlace(entities.get(event.place())).withActors(actors)));
            QuoteLocator.Occurrence quote = found.get();
            operations.add(ProposedOperation.create(AnnotationRecordType.KIND, Uuids.timeOrdered(),
                    new AnnotationPayload(sourceId, quote.start(), quote.end(), quote.exact(), quote.prefix(),
                            quote.suffix(), AnnotationType.EVENT_MENTION, EventRecordType.KIND, eventId)));
        }
        int count = operations.size() / 2;
        if (count > 0) {
            UUID changeset = changesets.propose(projectId, "Timeline of the sample texts: " + count
                    + " events, each with the sentence it comes from", operations, true);
            review.approve(changeset, "Checked against the sample texts.");
        }
        return new Seeded(count, List.copyOf(skipped));
    }

    /** Why the event cannot be proposed as written (a name that the file or the taxonomy lacks), if it cannot. */
    private static Optional<String> problem(Event event, Map<String, UUID> entities, Map<String, UUID> sources,
            Map<String, UUID> types) {
        if (!sources.containsKey(event.source())) {
            return Optional.of("its source " + event.source() + " was not imported");
        }
        if (!types.containsKey(event.type())
                || event.subType() != null && !types.containsKey(event.type() + "/" + event.subType())) {
            return Optional.of("the project's taxonomy has no type " + event.type() + " / " + event.subType());
        }
        var names = new ArrayList<String>();
        names.add(event.place());
        if (event.actors() != null) {
            event.actors().forEach(p -> names.add(p.actor()));
        }
        return names.stream().filter(n -> !entities.containsKey(n)).findFirst()
                .map(n -> "it names " + n + ", which is not among the places and actors");
    }

    /** Top-level types by name, sub-types as "type/sub-type". */
    private Map<String, UUID> typesByName(UUID projectId) {
        var types = new HashMap<String, UUID>();
        for (TaxonomyService.TypeNode type : taxonomy.taxonomy(projectId)) {
            types.put(type.name(), type.id());
            type.subTypes().forEach(sub -> types.put(type.name() + "/" + sub.name(), sub.id()));
        }
        return types;
    }

    private static List<Alias> aliases(@Nullable List<Name> names) {
        return names == null ? List.of() : names.stream().map(n -> new Alias(n.name(), n.language())).toList();
    }
}
