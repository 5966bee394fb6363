package org.annals.annotation;

import org.annals.event.Casualties;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.annals.annotation.EditorAnnotation.State;
import org.annals.base.InvalidInputException;
import org.annals.base.Uuids;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.prefill.EventPrefillService;
import org.annals.event.prefill.SourceContext;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Annotations through the editor's service and the moderation engine, run on H2 and PostgreSQL. */
abstract class AnnotationContract {

    static final String FIRST = "Hay'at Tahrir al-Sham fighters 🚀 entered the city of Aleppo on 30 November.";
    static final String ARABIC = "دخلت قوات المعارضة مدينة حلب 🇸🇾 في ٣٠ نوفمبر.";
    static final String THIRD = "The army withdrew from Hama; at least 12 people were killed.";

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
    Fixtures fixtures;
    @Autowired
    EventPrefillService prefill;

    UUID project;
    UUID source;
    String text;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;

    @BeforeEach
    void projectWithOneSource() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        otherEditor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        source = fixtures.newSource(project, editor, "Offensive report", FIRST, ARABIC, THIRD);
        text = as(editor, () -> sources.read(project, source)).text();
    }

    private int at(String phrase) {
        int index = text.indexOf(phrase);
        assertThat(index).as("phrase in text: " + phrase).isNotNegative();
        return index;
    }

    private AnnotationService.Marked mark(AnnalsPrincipal who, String phrase, AnnotationType type, LinkChoice link) {
        int start = at(phrase);
        return as(who, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase, type, link));
    }

    private UUID approvedEntity(String name) {
        var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add " + name,
                true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID approvedEvent(String title) {
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of(title, PartialDate.parse("2024-11-30"),
                battles), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    private EditorAnnotation only(AnnalsPrincipal who, UUID annotationId) {
        return as(who, () -> annotations.editor(project, source)).annotations().stream()
                .filter(a -> a.id().equals(annotationId)).findFirst().orElseThrow();
    }

    @Test
    void a_phrase_linked_to_a_new_entity_is_a_private_draft_then_pending_then_vetted_evidence() {
        var marked = mark(editor, "Hay'at Tahrir al-Sham", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham")));

        EditorAnnotation draft = only(editor, marked.annotationId());
        assertThat(draft.state()).isEqualTo(State.DRAFT);
        assertThat(draft.linkLabel()).contains("Hay'at Tahrir al-Sham");
        assertThat(draft.prefix()).isEmpty();
        assertThat(draft.suffix()).isEqualTo(text.substring(21, 53));
        assertThat(as(otherEditor, () -> annotations.editor(project, source)).annotations()).isEmpty();
        assertThat(as(viewer, () -> annotations.editor(project, source))).satisfies(c -> {
            assertThat(c.annotations()).isEmpty();
            assertThat(c.canEdit()).isFalse();
        });
        var content = as(editor, () -> annotations.editor(project, source));
        assertThat(content.draftId()).isEqualTo(marked.changesetId());
        assertThat(as(editor, () -> changesets.details(marked.changesetId())).operations()).hasSize(2);

        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "HTS in the report"));
        assertThat(only(otherEditor, marked.annotationId()).state()).isEqualTo(State.PENDING);
        assertThat(as(viewer, () -> annotations.editor(project, source)).annotations()).isEmpty();

        as(reviewer, () -> review.approve(marked.changesetId(), null));
        EditorAnnotation vetted = only(viewer, marked.annotationId());
        assertThat(vetted.state()).isEqualTo(State.VETTED);
        assertThat(vetted.linkLabel()).isEqualTo("Hay'at Tahrir al-Sham");
        assertThat(as(viewer, () -> annotations.evidence(project, EntityRecordType.KIND, marked.linkId())))
                .singleElement().satisfies(e -> {
                    assertThat(e.exact()).isEqualTo("Hay'at Tahrir al-Sham");
                    assertThat(e.sourceTitle()).isEqualTo("Offensive report");
                    assertThat(text.substring(e.start(), e.end())).isEqualTo(e.exact());
                });
    }

    @Test
    void offsets_after_an_emoji_and_inside_arabic_text_match_the_stored_quote() {
        UUID aleppo = approvedEntity("Aleppo");
        var english = mark(editor, "Aleppo", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND,
                aleppo));
        var arabic = mark(editor, "حلب", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND,
                aleppo));
        var date = mark(editor, "٣٠ نوفمبر", AnnotationType.DATE, LinkChoice.none());
        as(editor, () -> annotations.submitDraft(project, english.changesetId(), "Aleppo in both languages"));
        as(reviewer, () -> review.approve(english.changesetId(), null));

        for (var marked : List.of(english, arabic, date)) {
            EditorAnnotation a = only(viewer, marked.annotationId());
            assertThat(text.substring(a.start(), a.end())).isEqualTo(a.exact());
            assertThat(text.substring(a.start() - a.prefix().length(), a.start())).isEqualTo(a.prefix());
            assertThat(text.substring(a.end(), a.end() + a.suffix().length())).isEqualTo(a.suffix());
        }
        // The emoji before "Aleppo" is two UTF-16 code units and stays whole in the prefix.
        assertThat(only(viewer, english.annotationId()).prefix()).contains("🚀");
        assertThat(only(viewer, arabic.annotationId()).suffix()).startsWith(" 🇸🇾");
        assertThat(as(viewer, () -> annotations.evidence(project, EntityRecordType.KIND, aleppo))).hasSize(2);
    }

    @Test
    void annotations_batch_into_one_working_draft_until_it_is_submitted() {
        UUID hama = approvedEntity("Hama");
        var first = mark(editor, "army", AnnotationType.ENTITY_MENTION, new LinkChoice.NewEntity(
                EntityPayload.of(EntityKind.ORGANIZATION, "Syrian Arab Army")));
        var second = mark(editor, "Hama", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, hama));
        var third = mark(editor, "at least 12 people were killed", AnnotationType.CASUALTY_FIGURE, LinkChoice.none());
        assertThat(List.of(second.changesetId(), third.changesetId())).containsOnly(first.changesetId());
        assertThat(as(editor, () -> annotations.editor(project, source)).draftSize()).isEqualTo(3);

        as(editor, () -> annotations.submitDraft(project, first.changesetId(), "Hama withdrawal"));
        assertThat(as(editor, () -> changesets.details(first.changesetId())).summary().state())
                .isEqualTo(ChangesetState.SUBMITTED);
        var fourth = mark(editor, "withdrew", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(fourth.changesetId()).isNotEqualTo(first.changesetId());
    }

    @Test
    void a_second_phrase_links_to_an_existing_event_and_the_event_lists_it_as_evidence() {
        UUID event = approvedEvent("Rebels enter Aleppo");
        var marked = mark(editor, "entered the city of Aleppo", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, event));
        var candidates = as(editor, () -> annotations.linkCandidates(project, EventRecordType.KIND, "aleppo", 10));
        assertThat(candidates).extracting(LinkCandidate::id).contains(event);
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Aleppo"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        assertThat(as(viewer, () -> annotations.evidence(project, EventRecordType.KIND, event)))
                .extracting(Evidence::exact).containsExactly("entered the city of Aleppo");
        assertThat(only(viewer, marked.annotationId()).linkLabel()).startsWith("Rebels enter Aleppo");
    }

    @Test
    void the_editors_own_proposed_entity_is_offered_for_the_next_link() {
        var first = mark(editor, "Hay'at Tahrir al-Sham", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham")));
        var candidates = as(editor, () -> annotations.linkCandidates(project, EntityRecordType.KIND, "tahrir", 10));
        assertThat(candidates).first().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.linkId());
            assertThat(c.proposed()).isTrue();
        });
        var second = mark(editor, "fighters", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, first.linkId()));
        assertThat(only(editor, second.annotationId()).linkLabel()).contains("Hay'at Tahrir al-Sham");
        as(editor, () -> annotations.submitDraft(project, first.changesetId(), "HTS"));
        as(reviewer, () -> review.approve(first.changesetId(), null));
        assertThat(as(viewer, () -> annotations.evidence(project, EntityRecordType.KIND, first.linkId()))).hasSize(2);
    }

    @Test
    void editing_a_draft_annotation_changes_it_in_place_and_deleting_it_empties_the_draft() {
        var marked = mark(editor, "entered the city", AnnotationType.CLAIM, LinkChoice.none());
        as(editor, () -> annotations.stepSpan(project, source, marked.annotationId(), true, true));
        assertThat(only(editor, marked.annotationId()).exact()).isEqualTo("entered the city of");
        as(editor, () -> annotations.stepSpan(project, source, marked.annotationId(), false, false));
        assertThat(only(editor, marked.annotationId()).exact()).isEqualTo("the city of");
        as(editor, () -> annotations.stepSpan(project, source, marked.annotationId(), false, true));
        as(editor, () -> annotations.stepSpan(project, source, marked.annotationId(), false, true));
        assertThat(only(editor, marked.annotationId()).exact()).isEqualTo("🚀 entered the city of");
        assertThat(as(editor, () -> changesets.details(marked.changesetId())).operations()).hasSize(1);

        as(editor, () -> annotations.delete(project, source, marked.annotationId()));
        assertThat(as(editor, () -> annotations.editor(project, source)).annotations()).isEmpty();
        assertThat(as(editor, () -> changesets.details(marked.changesetId())).summary().state())
                .isEqualTo(ChangesetState.WITHDRAWN);
    }

    @Test
    void changing_and_deleting_a_vetted_annotation_go_through_review() {
        var marked = mark(editor, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo")));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Aleppo"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        int start = at("city of Aleppo");
        var moved = as(otherEditor, () -> annotations.changeSpan(project, source, marked.annotationId(), start,
                start + "city of Aleppo".length()));
        var overlay = as(otherEditor, () -> annotations.editor(project, source)).annotations();
        assertThat(overlay).extracting(EditorAnnotation::state, EditorAnnotation::exact).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(State.VETTED, "Aleppo"),
                org.assertj.core.groups.Tuple.tuple(State.DRAFT, "city of Aleppo"));
        as(editor, () -> annotations.delete(project, source, marked.annotationId()));
        assertThat(only(editor, marked.annotationId())).satisfies(a -> {
            assertThat(a.state()).isEqualTo(State.VETTED);
            assertThat(a.deletionProposed()).isTrue();
        });

        as(otherEditor, () -> annotations.submitDraft(project, moved.changesetId(), "Wider span"));
        as(reviewer, () -> review.approve(moved.changesetId(), null));
        assertThat(only(viewer, marked.annotationId()).exact()).isEqualTo("city of Aleppo");

        UUID deletion = as(editor, () -> annotations.editor(project, source)).draftId();
        as(editor, () -> annotations.submitDraft(project, deletion, "Not needed"));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(deletion, null)))
                .isInstanceOf(org.annals.review.ConflictException.class);
        assertThat(only(viewer, marked.annotationId()).exact()).isEqualTo("city of Aleppo");
    }

    @Test
    void bad_spans_are_refused_with_a_reason() {
        int first = at(FIRST);
        int second = at(ARABIC);
        assertRefused(first, first, "", "at least one character");
        assertRefused(first + 60, second + 5, text.substring(first + 60, second + 5), "crosses a passage boundary");
        int gap = first + FIRST.length();
        assertRefused(gap, gap + 1, text.substring(gap, gap + 1), "outside the source's passages");
        assertRefused(-3, 4, "xxxxxxx", "outside the text");
        assertRefused(text.length() - 2, text.length() + 5, "x", "outside the text");
        assertRefused(first, first + 5, "Hello", "does not match the text");
        int rocket = at("🚀");
        assertRefused(rocket + 1, rocket + 5, text.substring(rocket + 1, rocket + 5), "inside a character");
        assertThatThrownBy(() -> mark(editor, "Aleppo", AnnotationType.EVENT_MENTION, LinkChoice.none()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must link to an event");
        assertThat(as(editor, () -> annotations.editor(project, source)).annotations()).isEmpty();
    }

    @Test
    void a_span_of_only_spaces_is_refused_when_selected_and_when_proposed() {
        int space = at("fighters") - 1;
        assertThatThrownBy(() -> as(editor, () -> annotations.checkSelection(project, source, space, space + 1, " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only spaces or line breaks");
        assertRefused(space, space + 1, " ", "only spaces or line breaks");
        assertThat(as(editor, () -> annotations.editor(project, source)).annotations()).isEmpty();
        // White space of any script and invisible characters are blank too; a letter among them is not.
        assertThat(AnnotationRecordType.isBlank("\u00a0\u3000\u200b\t\n")).isTrue();
        assertThat(AnnotationRecordType.isBlank(" a ")).isFalse();
    }

    @Test
    void a_new_event_with_its_new_place_and_actor_is_one_draft_with_the_annotation_and_approved_at_once() {
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        UUID hama = Uuids.timeOrdered();
        UUID army = Uuids.timeOrdered();
        var newEntities = new java.util.LinkedHashMap<UUID, EntityPayload>();
        newEntities.put(hama, EntityPayload.of(EntityKind.PLACE, "Hama")
                .withAliases(List.of(new Alias("حماة", "ar"))));
        newEntities.put(army, EntityPayload.of(EntityKind.ORGANIZATION, "Syrian Arab Army"));
        EventPayload event = EventPayload.of("The army withdraws from Hama", PartialDate.parse("2024-12-05"), battles)
                .withPlace(hama).withActors(List.of(new EventActor(army, ActorRole.PRIMARY)))
                .withCasualties(List.of(EventClaim.killed(12, 12, source).noted("at least")));

        var marked = mark(editor, THIRD, AnnotationType.EVENT_MENTION, new LinkChoice.NewEvent(event, newEntities));

        var operations = as(editor, () -> changesets.proposedOperations(marked.changesetId()));
        assertThat(operations).extracting(ProposedOperation::kind).containsExactly(EntityRecordType.KIND,
                EntityRecordType.KIND, EventRecordType.KIND, AnnotationRecordType.KIND);
        assertThat(operations).extracting(ProposedOperation::recordId).startsWith(hama, army);
        assertThat(only(editor, marked.annotationId()).linkLabel()).contains("The army withdraws from Hama");

        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Hama"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        var vetted = as(viewer, () -> events.get(project, marked.linkId()));
        assertThat(vetted.placeId()).isEqualTo(hama);
        assertThat(vetted.placeName()).isEqualTo("Hama");
        assertThat(vetted.actors()).singleElement().satisfies(a -> assertThat(a.entityId()).isEqualTo(army));
        assertThat(vetted.values().casualties()).singleElement().satisfies(c -> {
            assertThat(c.casualties()).isEqualTo(Casualties.killed(12));
            assertThat(c.sourceId()).isEqualTo(source);
            assertThat(c.note()).isEqualTo("at least");
        });
        assertThat(as(viewer, () -> entities.get(project, hama)).values().aliases()).containsExactly(new Alias("حماة", "ar"));
        assertThat(as(viewer, () -> annotations.evidence(project, EventRecordType.KIND, marked.linkId()))).hasSize(1);
    }

    @Test
    void the_prefill_finds_the_registrys_names_in_a_passage_and_nothing_in_one_that_names_none() {
        UUID hama = approvedEntity("Hama");

        var found = as(editor, () -> prefill.suggest(project, THIRD, new SourceContext(source, null, "en")));
        assertThat(found.places()).singleElement().satisfies(p -> {
            assertThat(p.candidates()).extracting(c -> c.id()).containsExactly(hama);
            assertThat(p.span().text()).isEqualTo("Hama");
        });
        assertThat(found.casualties()).singleElement().satisfies(f -> assertThat(f.value().sourceId()).isEqualTo(source));
        assertThat(as(editor, () -> prefill.suggest(project, "The army withdrew.", new SourceContext(source, null, "en")))
                .isEmpty()).isTrue();
        assertThatThrownBy(() -> as(viewer, () -> prefill.suggest(project, THIRD, new SourceContext(source, null, "en"))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void the_timeline_counts_every_source_of_vetted_evidence_and_of_claims() {
        UUID second = fixtures.newSource(project, editor, "Second report", "Rebels entered Aleppo at dawn.");
        UUID third = fixtures.newSource(project, editor, "Third report", "Fifty were killed in Aleppo.");
        UUID event = approvedEvent("Rebels enter Aleppo");
        var first = mark(editor, "entered the city of Aleppo", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, event));
        as(editor, () -> annotations.submitDraft(project, first.changesetId(), "Evidence"));
        as(reviewer, () -> review.approve(first.changesetId(), null));
        var other = as(editor, () -> annotations.annotate(project, second, 0, "Rebels entered Aleppo".length(),
                "Rebels entered Aleppo", AnnotationType.EVENT_MENTION, new LinkChoice.Existing(EventRecordType.KIND, event)));
        as(editor, () -> annotations.submitDraft(project, other.changesetId(), "More evidence"));
        as(reviewer, () -> review.approve(other.changesetId(), null));

        var entry = as(viewer, () -> events.get(project, event));
        assertThat(entry.casualties()).isEmpty();
        assertThat(entry.sourceCount()).isEqualTo(2);

        var claims = as(editor, () -> events.proposeUpdate(project, event, entry.version(), entry.values()
                .withCasualties(java.util.List.of(EventClaim.killed(50, 50, third),
                        EventClaim.killed(48, 48, second))), "Tolls", true));
        as(reviewer, () -> review.approve(claims.changesetId(), null));
        var withClaims = as(viewer, () -> events.get(project, event));
        assertThat(withClaims.sourceCount()).as("source, second and third, each once").isEqualTo(3);
        assertThat(withClaims.claimSources()).containsEntry(third, "Third report").containsEntry(second, "Second report");
        // A proposal that is not approved yet is no evidence.
        as(editor, () -> annotations.annotate(project, third, 0, "Fifty".length(), "Fifty",
                AnnotationType.CASUALTY_FIGURE, new LinkChoice.Existing(EventRecordType.KIND, event)));
        assertThat(as(viewer, () -> events.timeline(project, org.annals.event.TimelineFilter.ALL, 0, 10)))
                .singleElement().extracting(org.annals.event.TimelineEntry::sourceCount).isEqualTo(3);
    }

    private void assertRefused(int start, int end, String quote, String reason) {
        assertThatThrownBy(() -> as(editor, () -> annotations.annotate(project, source, start, end, quote,
                AnnotationType.CLAIM, LinkChoice.none()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void a_changeset_sent_straight_to_the_engine_with_a_wrong_context_is_refused() {
        int start = at("Aleppo");
        var payload = new AnnotationPayload(source, start, start + 6, "Aleppo", "made up prefix", "",
                AnnotationType.CLAIM, null, null);
        assertThatThrownBy(() -> as(editor, () -> changesets.propose(project, "Hand-made",
                List.of(ProposedOperation.create(AnnotationRecordType.KIND, UUID.randomUUID(), payload)), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("text around the quote");
        var otherProjectSource = new AnnotationPayload(UUID.randomUUID(), start, start + 6, "Aleppo", "", "",
                AnnotationType.CLAIM, null, null);
        assertThatThrownBy(() -> as(editor, () -> changesets.propose(project, "Hand-made",
                List.of(ProposedOperation.create(AnnotationRecordType.KIND, UUID.randomUUID(), otherProjectSource)), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("source does not exist");
    }

    @Test
    void only_the_author_submits_or_discards_a_working_draft() {
        var marked = mark(editor, "Aleppo", AnnotationType.CLAIM, LinkChoice.none());
        assertThatThrownBy(() -> as(otherEditor, () -> annotations.submitDraft(project, marked.changesetId(), "Mine now")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(reviewer, () -> annotations.discardDraft(project, marked.changesetId())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> annotations.submitDraft(project, marked.changesetId(), "x")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        as(editor, () -> annotations.discardDraft(project, marked.changesetId()));
        assertThat(as(editor, () -> annotations.editor(project, source)).annotations()).isEmpty();
    }

    @Test
    void someone_elses_pending_change_blocks_edits_until_decided() {
        var marked = mark(editor, "Aleppo", AnnotationType.CLAIM, LinkChoice.none());
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Aleppo"));
        assertThatThrownBy(() -> as(otherEditor, () -> annotations.stepSpan(project, source, marked.annotationId(), true,
                true))).isInstanceOf(InvalidInputException.class).hasMessageContaining("waiting for review");
        assertThatThrownBy(() -> as(editor, () -> annotations.stepSpan(project, source, marked.annotationId(), true,
                true))).isInstanceOf(InvalidInputException.class).hasMessageContaining("withdraw it");
    }

    @Test
    void merging_an_entity_moves_its_evidence_and_deleting_an_evidenced_entity_is_refused() {
        UUID aleppo = approvedEntity("Aleppo");
        UUID halab = approvedEntity("Halab");
        var marked = mark(editor, "حلب", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, halab));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Halab"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        var merge = as(editor, () -> entities.proposeMerge(project, halab, aleppo, "Same city", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        assertThat(as(viewer, () -> annotations.evidence(project, EntityRecordType.KIND, aleppo))).hasSize(1);
        assertThat(as(viewer, () -> annotations.evidence(project, EntityRecordType.KIND, halab))).isEmpty();

        UUID hama = approvedEntity("Hama");
        var hamaMention = mark(editor, "Hama", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND,
                hama));
        as(editor, () -> annotations.submitDraft(project, hamaMention.changesetId(), "Hama"));
        as(reviewer, () -> review.approve(hamaMention.changesetId(), null));
        long version = as(editor, () -> entities.get(project, hama)).version();
        var delete = as(editor, () -> entities.proposeDelete(project, hama, version, "Remove", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(delete.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 annotations link to it");
    }
}
