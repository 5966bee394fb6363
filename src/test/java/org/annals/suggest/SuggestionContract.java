package org.annals.suggest;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Suggestions through the service, on H2 and PostgreSQL: never on annotated spans, rejections per person and
 * "never here" per project, following the registry as it changes, and what accepting puts into the draft.
 */
abstract class SuggestionContract {

    static final String REPORT = "Fighters entered Aleppo on 30 November 2024. The army withdrew from Hama; at least 12"
            + " people were killed. Aleppo was quiet by evening.";
    static final String LATER = "In Halab the markets reopened. Idlib stayed calm, and Hama too.";

    @Autowired
    SuggestionService suggestions;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    SourceService sources;
    @Autowired
    CollabService collab;
    @Autowired
    Fixtures fixtures;

    UUID project;
    UUID report;
    UUID later;
    String reportText;
    String laterText;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal manager;
    AnnalsPrincipal viewer;
    UUID syria;
    UUID aleppo;
    UUID hama;

    @BeforeEach
    void projectWithARegistryAndTwoSources() {
        manager = fixtures.newUser("manager");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        editor = fixtures.newUser("editor");
        otherEditor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        report = fixtures.newSource(project, editor, "Offensive report", REPORT);
        later = fixtures.newSource(project, editor, "Later report", LATER);
        reportText = as(editor, () -> sources.read(project, report)).text();
        laterText = as(editor, () -> sources.read(project, later)).text();
        syria = approved(EntityPayload.of(EntityKind.PLACE, "Syria"));
        aleppo = approved(EntityPayload.of(EntityKind.PLACE, "Aleppo").withDescription("City in the north")
                .withPartOf(syria));
        hama = approved(EntityPayload.of(EntityKind.PLACE, "Hama"));
    }

    private UUID approved(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private List<Suggestion> offered(AnnalsPrincipal who, UUID source) {
        List<Suggestion> found = as(who, () -> suggestions.forSource(project, source)).suggestions();
        // Whatever else is true, no suggestion ever lies on an annotated span the person sees.
        List<EditorAnnotation> marked = as(who, () -> annotations.editor(project, source)).annotations();
        for (Suggestion s : found) {
            assertThat(marked).as("annotations under %s", s)
                    .noneMatch(a -> a.start() < s.end() && s.start() < a.end());
        }
        return found;
    }

    /** The start of the {@code nth} (from 1) occurrence of the phrase. */
    private static int at(String text, String phrase, int nth) {
        int index = -1;
        for (int i = 0; i < nth; i++) {
            index = text.indexOf(phrase, index + 1);
            assertThat(index).as("occurrence %d of %s", nth, phrase).isNotNegative();
        }
        return index;
    }

    private Optional<Suggestion> mention(AnnalsPrincipal who, UUID source, String text, String phrase, int nth) {
        int start = at(text, phrase, nth);
        return offered(who, source).stream().filter(s -> s.kind() == SuggestionKind.MENTION && s.start() == start
                && s.end() == start + phrase.length()).findFirst();
    }

    private Optional<Suggestion> overlapping(AnnalsPrincipal who, SuggestionKind kind, String phrase) {
        int start = at(reportText, phrase, 1);
        int end = start + phrase.length();
        return offered(who, report).stream().filter(s -> s.kind() == kind && s.start() < end && start < s.end())
                .findFirst();
    }

    private AnnotationService.Marked mark(AnnalsPrincipal who, String phrase, int nth, AnnotationType type,
            LinkChoice link) {
        int start = at(reportText, phrase, nth);
        return as(who, () -> annotations.annotate(project, report, start, start + phrase.length(), phrase, type, link));
    }

    @Test
    void suggests_registry_names_with_what_tells_them_apart_and_never_on_annotated_spans() {
        Suggestion first = mention(editor, report, reportText, "Aleppo", 1).orElseThrow();
        assertThat(((Suggestion.Mention) first.value()).candidates()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(aleppo);
            assertThat(c.description()).isEqualTo("City in the north");
            assertThat(c.partOf()).isEqualTo("Syria");
            assertThat(c.vetted()).isTrue();
        });
        assertThat(mention(editor, report, reportText, "Hama", 1)).isPresent();
        assertThat(overlapping(editor, SuggestionKind.DATE, "30 November 2024")).isPresent();

        // The editor's own draft hides the span from them only.
        mark(editor, "Aleppo", 1, AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, aleppo));
        mark(editor, "30 November", 1, AnnotationType.DATE, new LinkChoice.None());
        assertThat(mention(editor, report, reportText, "Aleppo", 1)).isEmpty();
        assertThat(overlapping(editor, SuggestionKind.DATE, "30 November 2024")).isEmpty();
        assertThat(mention(editor, report, reportText, "Aleppo", 2)).isPresent();
        assertThat(mention(otherEditor, report, reportText, "Aleppo", 1)).isPresent();

        // Someone else's proposal hides it once submitted, and the vetted annotation after approval.
        var hamaMarked = mark(otherEditor, "Hama", 1, AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, hama));
        assertThat(mention(editor, report, reportText, "Hama", 1)).isPresent();
        as(otherEditor, () -> annotations.submitDraft(project, hamaMarked.changesetId(), "Hama"));
        assertThat(mention(editor, report, reportText, "Hama", 1)).isEmpty();
        as(reviewer, () -> review.approve(hamaMarked.changesetId(), null));
        assertThat(mention(editor, report, reportText, "Hama", 1)).isEmpty();
        assertThat(mention(otherEditor, report, reportText, "Hama", 1)).isEmpty();
        // Elsewhere the name is still suggested.
        assertThat(mention(editor, later, laterText, "Hama", 1)).isPresent();
    }

    @Test
    void suggestions_are_for_editors() {
        assertThatThrownBy(() -> as(viewer, () -> suggestions.forSource(project, report)))
                .isInstanceOf(AccessDeniedException.class);
        String key = mention(editor, report, reportText, "Hama", 1).orElseThrow().key();
        assertThatThrownBy(() -> as(viewer, () -> suggestions.accept(project, report, key, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> suggestions.reject(project, report, key, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> suggestions.unmarkedMentions(project, hama, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejections_persist_per_person_and_never_here_per_project_until_a_manager_allows_it_again() {
        Suggestion second = mention(editor, report, reportText, "Aleppo", 2).orElseThrow();
        as(editor, () -> suggestions.reject(project, report, second.key(), false));
        assertThat(mention(editor, report, reportText, "Aleppo", 2)).as("rejected by the editor").isEmpty();
        assertThat(mention(editor, report, reportText, "Aleppo", 1)).as("another place of the name").isPresent();
        assertThat(mention(otherEditor, report, reportText, "Aleppo", 2)).as("someone else").isPresent();
        assertThatThrownBy(() -> as(editor, () -> suggestions.reject(project, report, second.key(), false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Reload");

        Suggestion date = overlapping(editor, SuggestionKind.DATE, "30 November 2024").orElseThrow();
        assertThatThrownBy(() -> as(editor, () -> suggestions.reject(project, report, date.key(), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("names");

        Suggestion hamaHere = mention(editor, report, reportText, "Hama", 1).orElseThrow();
        as(editor, () -> suggestions.reject(project, report, hamaHere.key(), true));
        for (AnnalsPrincipal who : List.of(editor, otherEditor)) {
            assertThat(mention(who, report, reportText, "Hama", 1)).isEmpty();
            assertThat(mention(who, later, laterText, "Hama", 1)).as("in every source").isEmpty();
        }
        List<NeverHere> refused = as(otherEditor, () -> suggestions.neverHere(project));
        assertThat(refused).singleElement().satisfies(n -> {
            assertThat(n.words()).isEqualTo("Hama");
            assertThat(n.entityId()).isEqualTo(hama);
            assertThat(n.entityName()).isEqualTo("Hama");
            assertThat(n.rejectedBy()).isEqualTo(editor.displayName());
        });
        String alias = refused.getFirst().foldedAlias();
        assertThatThrownBy(() -> as(editor, () -> suggestions.allowAgain(project, alias)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(manager, () -> suggestions.allowAgain(project, alias))).isTrue();
        assertThat(as(manager, () -> suggestions.allowAgain(project, alias))).as("twice").isFalse();
        assertThat(mention(otherEditor, later, laterText, "Hama", 1)).isPresent();
        assertThat(as(editor, () -> suggestions.neverHere(project))).isEmpty();

        assertThat(as(editor, () -> suggestions.forgetRejections(project, report))).isEqualTo(1);
        assertThat(mention(editor, report, reportText, "Aleppo", 2)).isPresent();
    }

    @Test
    void suggestions_follow_the_registry_as_it_changes_and_open_editors_hear_of_it() throws InterruptedException {
        assertThat(mention(editor, later, laterText, "Halab", 1)).isEmpty();
        var heard = new LinkedBlockingQueue<CollabEvent>();
        try (var subscription = as(editor, () -> collab.subscribe(project, SuggestionEvents::concernsSuggestions,
                heard::addAll))) {
            long version = as(editor, () -> entities.get(project, aleppo)).version();
            EntityPayload values = as(editor, () -> entities.get(project, aleppo)).values();
            var alias = as(editor, () -> entities.proposeUpdate(project, aleppo, version,
                    values.withAliases(List.of(new Alias("Halab", "en"))), "Another name", true));
            as(reviewer, () -> review.approve(alias.changesetId(), null));

            Suggestion halab = mention(editor, later, laterText, "Halab", 1).orElseThrow();
            assertThat(((Suggestion.Mention) halab.value()).candidates()).extracting(Candidate::id)
                    .containsExactly(aleppo);
            CollabEvent event = heard.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("a live event about the registry").isNotNull();
            assertThat(SuggestionEvents.concernsSuggestions(event)).isTrue();
        }

        // An entity proposed for review is suggested to editors as pending, before it is approved.
        assertThat(mention(editor, later, laterText, "Idlib", 1)).isEmpty();
        var idlib = as(otherEditor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Idlib"),
                "Add Idlib", true));
        Suggestion pending = mention(editor, later, laterText, "Idlib", 1).orElseThrow();
        assertThat(((Suggestion.Mention) pending.value()).candidates()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(idlib.entityId());
            assertThat(c.vetted()).isFalse();
        });
        as(reviewer, () -> review.approve(idlib.changesetId(), null));
        assertThat(((Suggestion.Mention) mention(editor, later, laterText, "Idlib", 1).orElseThrow().value())
                .candidates()).singleElement().satisfies(c -> assertThat(c.vetted()).isTrue());

        // A merged entity is no longer a candidate: its names go with the survivor.
        var merge = as(editor, () -> entities.proposeMerge(project, idlib.entityId(), hama, "Same place", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        assertThat(offered(editor, later)).filteredOn(s -> s.value() instanceof Suggestion.Mention)
                .flatExtracting(s -> ((Suggestion.Mention) s.value()).candidates()).extracting(Candidate::id)
                .doesNotContain(idlib.entityId());
    }

    @Test
    void accepting_puts_the_annotation_its_link_and_its_claim_into_the_working_draft() {
        Suggestion first = mention(editor, report, reportText, "Aleppo", 1).orElseThrow();
        var marked = as(editor, () -> suggestions.accept(project, report, first.key(), null));
        EditorAnnotation annotation = annotationOf(editor, marked.annotationId());
        assertThat(annotation.state()).isEqualTo(EditorAnnotation.State.DRAFT);
        assertThat(annotation.type()).isEqualTo(AnnotationType.ENTITY_MENTION);
        assertThat(annotation.linkId()).isEqualTo(aleppo);
        assertThat(List.of(annotation.start(), annotation.end())).containsExactly(first.start(), first.end());
        assertThat(mention(editor, report, reportText, "Aleppo", 1)).isEmpty();
        assertThatThrownBy(() -> as(editor, () -> suggestions.accept(project, report, first.key(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Reload");
        assertThatThrownBy(() -> as(editor, () -> suggestions.accept(project, report, "Aleppo!", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a suggestion key");

        // A name two entities share: the person chooses.
        UUID governorate = approved(EntityPayload.of(EntityKind.PLACE, "Aleppo").withDescription("Governorate"));
        Suggestion second = mention(editor, report, reportText, "Aleppo", 2).orElseThrow();
        assertThat(((Suggestion.Mention) second.value()).candidates()).extracting(Candidate::id)
                .containsExactlyInAnyOrder(aleppo, governorate);
        assertThatThrownBy(() -> as(editor, () -> suggestions.accept(project, report, second.key(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("choose one");
        assertThatThrownBy(() -> as(editor, () -> suggestions.accept(project, report, second.key(), hama)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not one that");
        var chosen = as(editor, () -> suggestions.accept(project, report, second.key(), governorate));
        assertThat(annotationOf(editor, chosen.annotationId()).linkId()).isEqualTo(governorate);
        assertThat(chosen.changesetId()).isEqualTo(marked.changesetId());

        // A date accepted onto an event: the annotation and the event's claim with the suggested value.
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Aleppo offensive",
                PartialDate.parse("2024-11-27"), battles), "Add the event", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        Suggestion date = overlapping(editor, SuggestionKind.DATE, "30 November 2024").orElseThrow();
        var dated = as(editor, () -> suggestions.accept(project, report, date.key(), event.eventId()));
        assertThat(dated.claimId()).isNotNull();
        EditorAnnotation dateAnnotation = annotationOf(editor, dated.annotationId());
        assertThat(dateAnnotation.type()).isEqualTo(AnnotationType.DATE);
        assertThat(dateAnnotation.linkId()).isEqualTo(event.eventId());
        EventPayload proposed = (EventPayload) as(editor, () -> changesets.proposedOperations(dated.changesetId()))
                .stream().filter(op -> op.kind().equals(EventRecordType.KIND) && op.recordId().equals(event.eventId()))
                .findFirst().orElseThrow().payload();
        EventClaim claim = proposed.claims().stream().filter(c -> dated.annotationId().equals(c.annotationId()))
                .findFirst().orElseThrow();
        assertThat(claim.field()).isEqualTo(ClaimField.DATE);
        assertThat(claim.start()).isEqualTo(((Suggestion.DateValue) date.value()).date());
        assertThat(claim.sourceId()).isEqualTo(report);

        // A figure without an event: the annotation alone.
        Suggestion figure = overlapping(editor, SuggestionKind.FIGURE, "12 people were killed").orElseThrow();
        var counted = as(editor, () -> suggestions.accept(project, report, figure.key(), null));
        EditorAnnotation figureAnnotation = annotationOf(editor, counted.annotationId());
        assertThat(figureAnnotation.type()).isEqualTo(AnnotationType.CASUALTY_FIGURE);
        assertThat(figureAnnotation.linkId()).isNull();
        assertThat(counted.claimId()).isNull();

        // Every name of one entity in the source at once.
        var all = as(editor, () -> suggestions.acceptAll(project, report, hama));
        assertThat(all).singleElement().satisfies(m -> assertThat(m.linkId()).isEqualTo(hama));
        assertThat(mention(editor, report, reportText, "Hama", 1)).isEmpty();
    }

    private EditorAnnotation annotationOf(AnnalsPrincipal who, UUID annotationId) {
        return as(who, () -> annotations.editor(project, report)).annotations().stream()
                .filter(a -> a.id().equals(annotationId)).findFirst().orElseThrow();
    }

    @Test
    void unmarked_mentions_across_sources_are_proposed_as_one_draft() {
        var approvedMark = mark(otherEditor, "Hama", 1, AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, hama));
        as(otherEditor, () -> annotations.submitDraft(project, approvedMark.changesetId(), "Hama"));
        as(reviewer, () -> review.approve(approvedMark.changesetId(), null));
        UUID third = fixtures.newSource(project, editor, "Third report", "Hama again. And Hama, once more.");

        List<UnmarkedMention> unmarked = as(editor, () -> suggestions.unmarkedMentions(project, hama, 100));
        assertThat(unmarked).extracting(UnmarkedMention::sourceId).containsOnly(later, third);
        assertThat(unmarked).hasSize(3).allSatisfy(m -> assertThat(m.text()).isEqualTo("Hama"));
        UnmarkedMention inLater = unmarked.stream().filter(m -> m.sourceId().equals(later)).findFirst().orElseThrow();
        assertThat(inLater.before()).endsWith("calm, and ");
        assertThat(inLater.after()).startsWith(" too.");
        assertThat(inLater.sourceTitle()).isEqualTo("Later report");
        assertThat(as(editor, () -> suggestions.unmarkedMentions(project, hama, 1))).hasSize(1);

        var wrong = new UnmarkedMention(later, "Later report", 0, 2, "In", "", " Halab");
        assertThatThrownBy(() -> as(editor, () -> suggestions.proposeMentions(project, hama, List.of(wrong))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a name or alias of Hama");

        var marked = as(editor, () -> suggestions.proposeMentions(project, hama, unmarked));
        assertThat(marked).hasSize(3).extracting(AnnotationService.Marked::changesetId).containsOnly(
                marked.getFirst().changesetId());
        assertThat(as(editor, () -> suggestions.unmarkedMentions(project, hama, 100))).isEmpty();
        assertThat(as(otherEditor, () -> suggestions.unmarkedMentions(project, hama, 100)))
                .as("the editor's draft is theirs alone").hasSize(3);
    }
}
