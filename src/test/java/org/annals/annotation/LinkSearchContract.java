package org.annals.annotation;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.Uuids;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventSearch;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.source.TextMatch;
import org.annals.support.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding the record to link (words, dates, places, actors, ranking by the selection's dates), the
 * duplicate warning and "same words elsewhere", run on H2 and PostgreSQL.
 */
abstract class LinkSearchContract {

    /** The same sentence in two sample sources (000 without, 001 with citation markers). */
    static final String CITADEL = "In the early hours of 30 November 2024, rebel forces captured the Citadel of Aleppo and"
            + " the government headquarters in the city, as well as \"more than half\" of the city.";
    static final String CITADEL_CITED = "In the early hours of 30 November 2024, rebel  forces captured the Citadel of"
            + " Aleppo and the government headquarters in the city, [37] [45] as well as “more than half” of the city.";

    @Autowired
    AnnotationService annotations;
    @Autowired
    EventSearch search;
    @Autowired
    EntityService entities;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    SourceService sources;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID aleppo;
    UUID hama;
    UUID hts;
    UUID citadel;
    UUID withdrawal;
    UUID airstrikes;
    UUID offensive;

    @BeforeEach
    void registryAndTimeline() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        aleppo = Uuids.timeOrdered();
        hama = Uuids.timeOrdered();
        hts = Uuids.timeOrdered();
        citadel = Uuids.timeOrdered();
        withdrawal = Uuids.timeOrdered();
        airstrikes = Uuids.timeOrdered();
        offensive = Uuids.timeOrdered();
        var ops = new ArrayList<ProposedOperation>();
        ops.add(entity(aleppo, EntityKind.PLACE, "Aleppo", "حلب", "Ḥalab"));
        ops.add(entity(hama, EntityKind.PLACE, "Hama"));
        ops.add(entity(hts, EntityKind.ORGANIZATION, "HTS", "Hay'at Tahrir al-Sham"));
        ops.add(event(citadel, "Rebels capture the citadel", "2024-11-30", battles, aleppo, hts, null));
        ops.add(event(withdrawal, "Army withdraws", "2024-12-05", battles, hama, null, null));
        ops.add(event(airstrikes, "Airstrikes on the city", "2024-12-01", battles, aleppo, null, null));
        ops.add(event(offensive, "Offensive begins", "2024-11", battles, null, null, "Fighting in the Aleppo countryside"));
        UUID changeset = as(editor, () -> changesets.propose(project, "Registry and timeline", ops, true));
        as(reviewer, () -> review.approve(changeset, null));
    }

    private static ProposedOperation entity(UUID id, EntityKind kind, String name, String... aliases) {
        var payload = new EntityPayload(kind, name, java.util.Arrays.stream(aliases).map(a -> new Alias(a, null)).toList(),
                null, null, null, null, null, null, null);
        return ProposedOperation.create(EntityRecordType.KIND, id, payload);
    }

    private static ProposedOperation event(UUID id, String title, String date, UUID type, @Nullable UUID place,
            @Nullable UUID actor, @Nullable String notes) {
        var payload = new EventPayload(title, PartialDate.parse(date), null, type, null, place,
                actor == null ? List.of() : List.of(new EventActor(actor, ActorRole.PRIMARY)), List.of(), notes, List.of(),
                null, null);
        return ProposedOperation.create(EventRecordType.KIND, id, payload);
    }

    private List<UUID> found(String query, @Nullable String selection) {
        return as(viewer, () -> search.search(project, query, new EventSearch.Context(selection, null), 20)).stream()
                .map(TimelineEntry::id).toList();
    }

    @Test
    void events_are_found_by_date_in_every_form() {
        assertThat(found("2024-12-01", null)).containsExactly(airstrikes);
        assertThat(found("1/12/2024", null)).containsExactly(airstrikes);
        assertThat(found("December 2024", null)).containsExactlyInAnyOrder(withdrawal, airstrikes);
        // A month-precise event overlaps every day of its month.
        assertThat(found("30 Nov 2024", null)).containsExactlyInAnyOrder(citadel, offensive);
        // "1 Dec" takes its year from the selection.
        assertThat(found("1 Dec", "Reports from 2024 say so.")).containsExactly(airstrikes);
    }

    @Test
    void events_are_found_by_place_and_actor_through_names_and_aliases_in_any_script() {
        assertThat(found("حلب", null)).containsExactlyInAnyOrder(citadel, airstrikes);
        assertThat(found("HALAB", null)).containsExactlyInAnyOrder(citadel, airstrikes);
        assertThat(found("hay'at tahrir al-sham", null)).containsExactly(citadel);
        assertThat(found("Hama", null)).containsExactly(withdrawal);
        assertThat(found("withdraws", null)).containsExactly(withdrawal);
    }

    @Test
    void combined_terms_must_all_match_and_a_named_place_ranks_above_a_word_in_the_notes() {
        assertThat(found("Aleppo 30 Nov 2024", null)).containsExactly(citadel, offensive);
        assertThat(found("Aleppo citadel", null)).containsExactly(citadel);
        assertThat(found("Hama 30 Nov 2024", null)).isEmpty();
    }

    @Test
    void events_of_the_dates_the_selection_mentions_come_first() {
        String selection = "On 5 December 2024 the army withdrew from the city.";
        assertThat(found("", selection).getFirst()).isEqualTo(withdrawal);
        // "Aleppo" in the notes of the month-long offensive matches too, below the events whose place is Aleppo.
        assertThat(found("Aleppo", "On 1 December 2024 jets struck the city.")).containsExactly(airstrikes, citadel,
                offensive);
        assertThat(found("Aleppo", "On 30 November 2024 the rebels took the citadel.")).containsExactly(citadel, offensive,
                airstrikes);
        var candidates = as(editor, () -> annotations.linkCandidates(project, EventRecordType.KIND, "2024",
                10));
        assertThat(candidates).extracting(LinkCandidate::id).contains(citadel, withdrawal, airstrikes, offensive);
    }

    @Test
    void a_proposed_entity_whose_name_or_alias_folds_to_an_existing_one_of_the_same_kind_is_a_possible_duplicate() {
        assertThat(as(editor, () -> entities.possibleDuplicates(project, EntityKind.PLACE, "ALEPPO", List.of(), null)))
                .extracting(EntitySummary::id).containsExactly(aleppo);
        assertThat(as(editor, () -> entities.possibleDuplicates(project, EntityKind.PLACE, "Aleppo city",
                List.of("حَلَب"), null))).extracting(EntitySummary::id).containsExactly(aleppo);
        assertThat(as(editor, () -> entities.possibleDuplicates(project, EntityKind.ORGANIZATION, "Aleppo", List.of(),
                null))).isEmpty();
        assertThat(as(editor, () -> entities.possibleDuplicates(project, EntityKind.PLACE, "Aleppo", List.of(), aleppo)))
                .isEmpty();
        assertThat(as(editor, () -> entities.possibleDuplicates(project, EntityKind.PLACE, "Idlib", List.of(), null)))
                .isEmpty();
    }

    @Test
    void the_same_sentence_in_another_source_is_found_with_exact_offsets_added_in_the_same_step_and_not_offered_twice() {
        UUID first = fixtures.newSource(project, editor, "Offensive summary", "Prelude.", CITADEL, "Aftermath.");
        UUID second = fixtures.newSource(project, editor, "Battle of Aleppo", "Background.", CITADEL_CITED);
        UUID unrelated = fixtures.newSource(project, editor, "Hama offensive", "The army withdrew from Hama.");
        String firstText = as(editor, () -> sources.read(project, first)).text();
        String secondText = as(editor, () -> sources.read(project, second)).text();
        int start = firstText.indexOf(CITADEL);

        List<TextMatch> matches = as(editor, () -> annotations.sameWords(project, first, start, start + CITADEL.length()));

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.sourceId()).isEqualTo(second);
            assertThat(m.sourceTitle()).isEqualTo("Battle of Aleppo");
            assertThat(m.start()).isEqualTo(secondText.indexOf("In the early"));
            assertThat(m.end()).isEqualTo(secondText.indexOf("of the city.") + "of the city".length());
            assertThat(m.exact()).isEqualTo(secondText.substring(m.start(), m.end())).contains("[37] [45]");
        });
        assertThat(matches).noneMatch(m -> m.sourceId().equals(unrelated));

        var marked = as(editor, () -> annotations.annotate(project, first, start, start + CITADEL.length(), CITADEL,
                AnnotationType.EVENT_MENTION, new LinkChoice.Existing(EventRecordType.KIND, citadel), matches));

        var inSecond = as(editor, () -> annotations.editor(project, second)).annotations();
        assertThat(inSecond).singleElement().satisfies(a -> {
            assertThat(a.linkId()).isEqualTo(citadel);
            assertThat(a.type()).isEqualTo(AnnotationType.EVENT_MENTION);
            assertThat(a.start()).isEqualTo(matches.getFirst().start());
        });
        assertThat(marked.linkId()).isEqualTo(citadel);
        assertThat(as(editor, () -> annotations.sameWords(project, first, start, start + CITADEL.length()))).isEmpty();
    }

    @Test
    void a_short_phrase_is_not_searched_and_same_words_need_a_link_and_an_editor() {
        UUID first = fixtures.newSource(project, editor, "One", "Rebels entered Aleppo.", CITADEL);
        fixtures.newSource(project, editor, "Two", "Rebels entered Aleppo.", CITADEL);
        String text = as(editor, () -> sources.read(project, first)).text();
        int at = text.indexOf("Aleppo");
        assertThat(as(editor, () -> annotations.sameWords(project, first, at, at + 6))).isEmpty();
        int start = text.indexOf(CITADEL);
        var matches = as(editor, () -> annotations.sameWords(project, first, start, start + CITADEL.length()));
        assertThat(matches).hasSize(1);
        assertThatThrownBy(() -> as(editor, () -> annotations.annotate(project, first, start, start + CITADEL.length(),
                CITADEL, AnnotationType.CLAIM, LinkChoice.none(), matches))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Link the passage");
        assertThatThrownBy(() -> as(viewer, () -> annotations.sameWords(project, first, start, start + CITADEL.length())))
                .isNotInstanceOf(InvalidInputException.class);
    }
}
