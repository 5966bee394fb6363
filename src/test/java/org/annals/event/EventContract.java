package org.annals.event;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ConflictException;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events and the timeline, run against H2 and PostgreSQL by the subclasses. */
abstract class EventContract {

    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.annals.review.ChangesetService changesets;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    UUID battles;
    UUID armedClash;
    UUID protests;
    UUID hama;
    UUID homs;
    UUID hts;
    UUID army;

    @BeforeEach
    void projectWithPlacesAndActors() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var types = as(editor, () -> taxonomy.taxonomy(project));
        battles = types.stream().filter(t -> t.name().equals("Battles")).findFirst().orElseThrow().id();
        armedClash = types.getFirst().subTypes().getFirst().id();
        protests = types.stream().filter(t -> t.name().equals("Protests")).findFirst().orElseThrow().id();
        hama = entity(EntityKind.PLACE, "Hama");
        homs = entity(EntityKind.PLACE, "Homs");
        hts = entity(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham");
        army = entity(EntityKind.ORGANIZATION, "Syrian Arab Army");
    }

    private UUID entity(EntityKind kind, String name) {
        var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(kind, name), "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID approved(EventPayload values) {
        var proposal = as(editor, () -> events.proposeCreate(project, values, "Add " + values.title(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    private EventPayload battle(String title, String date, UUID place) {
        return EventPayload.of(title, PartialDate.parse(date), battles).withType(battles, armedClash).withPlace(place)
                .withActors(List.of(new EventActor(hts, ActorRole.PRIMARY), new EventActor(army, ActorRole.OPPOSING)));
    }

    @Test
    void new_projects_start_with_acleds_taxonomy() {
        var types = as(editor, () -> taxonomy.taxonomy(project));
        assertThat(types).extracting(TaxonomyService.TypeNode::name).containsExactly("Battles",
                "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments");
        assertThat(types.getFirst().subTypes()).extracting(TaxonomyService.SubType::name)
                .containsExactly("Armed clash", "Government regains territory", "Non-state actor overtakes territory");
    }

    @Test
    void an_approved_event_appears_on_the_timeline_with_names_precision_and_disagreeing_claims() {
        UUID source1 = fixtures.newSource(project, editor, "Reuters report", "Rebels entered Hama.");
        UUID source2 = fixtures.newSource(project, editor, "SOHR report", "Sixty were killed in Hama.");
        UUID id = approved(battle("Fall of Hama", "2024-12-05", hama).withEnd(PartialDate.parse("2024-12"))
                .withCasualties(List.of(EventClaim.killed(12, 12, source1), EventClaim.killed(40, 60, source2).noted("SOHR")))
                .withNotes("Rebels entered the city.", List.of("urban", "offensive")));

        var entry = as(editor, () -> events.get(project, id));
        assertThat(entry.start().display()).isEqualTo("5 December 2024");
        assertThat(entry.end().display()).isEqualTo("December 2024");
        assertThat(entry.typeName()).isEqualTo("Battles");
        assertThat(entry.subTypeName()).isEqualTo("Armed clash");
        assertThat(entry.placeName()).isEqualTo("Hama");
        assertThat(entry.actors()).extracting(TimelineEntry.Actor::name).containsExactly("Hay'at Tahrir al-Sham",
                "Syrian Arab Army");
        assertThat(entry.sourceCount()).isEqualTo(2);
        assertThat(entry.sourcesDisagree()).isTrue();
        assertThat(entry.fatalitiesDisplay()).isEqualTo("12–60");
        assertThat(entry.values().tags()).containsExactly("urban", "offensive");
    }

    @Test
    void filters_return_exactly_the_right_events() {
        UUID a = approved(battle("Hama airport", "2024-12-03", hama));
        UUID b = approved(battle("Homs outskirts", "2024-12-07", homs));
        UUID c = approved(EventPayload.of("Protest in Homs", PartialDate.parse("2024-12-08"), protests).withPlace(homs));
        UUID d = approved(battle("Earlier clash", "2024-11", hama));

        assertThat(ids(TimelineFilter.ALL)).containsExactly(d, a, b, c);
        assertThat(ids(new TimelineFilter(LocalDate.of(2024, 12, 4), LocalDate.of(2024, 12, 7), null, null, null, "")))
                .containsExactly(b);
        assertThat(ids(new TimelineFilter(null, null, protests, null, null, ""))).containsExactly(c);
        assertThat(ids(new TimelineFilter(null, null, armedClash, null, null, ""))).containsExactly(d, a, b);
        assertThat(ids(new TimelineFilter(null, null, null, null, homs, ""))).containsExactly(b, c);
        assertThat(ids(new TimelineFilter(null, null, null, hts, null, ""))).containsExactly(d, a, b);
        assertThat(ids(new TimelineFilter(null, null, null, null, null, "AIRPORT"))).containsExactly(a);
        assertThat(as(editor, () -> events.count(project, new TimelineFilter(null, null, null, hts, homs, "")))).isEqualTo(1);
        assertThat(as(editor, () -> events.likelyDuplicates(project, PartialDate.parse("2024-12-07"), homs)))
                .extracting(TimelineEntry::id).containsExactly(b);
    }

    private List<UUID> ids(TimelineFilter filter) {
        return as(editor, () -> events.timeline(project, filter, 0, 100)).stream().map(TimelineEntry::id).toList();
    }

    @Test
    void invalid_events_are_refused_with_a_reason_and_nothing_is_stored() {
        assertThatThrownBy(() -> approved(battle("Backwards", "2024-12-05", hama).withEnd(PartialDate.parse("2024-12-04"))))
                .hasMessageContaining("is before the start");
        assertThatThrownBy(() -> PartialDate.parse("2024-02-30")).isInstanceOf(InvalidInputException.class);
        var crowd = IntStream.range(0, 10_000).mapToObj(i -> new EventActor(UUID.randomUUID(), ActorRole.ASSOCIATED)).toList();
        assertThatThrownBy(() -> approved(battle("Crowded", "2024-12-05", hama).withActors(crowd)))
                .hasMessageContaining("at most 200 actors");
        assertThatThrownBy(() -> approved(battle("Wrong sub-type", "2024-12-05", hama).withType(protests, armedClash)))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> approved(battle("Place is a group", "2024-12-05", hts)))
                .hasMessageContaining("kind Place");
        assertThatThrownBy(() -> approved(battle("Negative", "2024-12-05", hama)
                .withCasualties(List.of(EventClaim.killed(-1, 3, null))))).hasMessageContaining("negative");
        assertThatThrownBy(() -> approved(battle("Foreign actor", "2024-12-05", hama)
                .withActors(List.of(new EventActor(UUID.randomUUID(), ActorRole.PRIMARY)))))
                .hasMessageContaining("does not exist in this project");
        assertThat(as(editor, () -> events.count(project, TimelineFilter.ALL))).isZero();
    }

    @Test
    void an_event_cannot_become_its_own_ancestor() {
        UUID offensive = approved(battle("Hama offensive", "2024-11-30", hama));
        UUID battle = approved(battle("Battle of Hama", "2024-12-05", hama).withParent(offensive));
        var current = as(editor, () -> events.get(project, offensive));
        assertThatThrownBy(() -> as(editor, () -> events.proposeUpdate(project, offensive, current.version(),
                current.values().withParent(battle), "cycle", true))).hasMessageContaining("part of itself");
        assertThat(as(editor, () -> events.parts(project, offensive))).extracting(TimelineEntry::id).containsExactly(battle);
    }

    @Test
    void a_taxonomy_type_in_use_cannot_be_removed_and_an_unused_one_can() {
        approved(battle("Clash", "2024-12-01", hama));
        assertThatThrownBy(() -> as(fixtures.admin(), () -> taxonomy.remove(project, armedClash)))
                .hasMessageContaining("used by 1 events");
        assertThatThrownBy(() -> as(fixtures.admin(), () -> taxonomy.remove(project, protests)))
                .hasMessageContaining("has sub-types");
        UUID custom = as(fixtures.admin(), () -> taxonomy.addType(project, protests, "Sit-in"));
        as(fixtures.admin(), () -> taxonomy.remove(project, custom));
        assertThatThrownBy(() -> as(editor, () -> taxonomy.addType(project, null, "Editors cannot")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void merging_events_and_entities_moves_references_and_referenced_entities_cannot_be_deleted() {
        UUID survivor = approved(battle("Capture of Hama", "2024-12-05", hama));
        UUID duplicate = approved(battle("Hama captured", "2024-12-05", hama));
        var merge = as(editor, () -> events.proposeMerge(project, duplicate, survivor, "same event", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        assertThat(as(editor, () -> events.get(project, duplicate)).id()).isEqualTo(survivor);
        assertThat(ids(TimelineFilter.ALL)).containsExactly(survivor);

        UUID hamaDuplicate = entity(EntityKind.PLACE, "Hamah");
        UUID event = approved(battle("Clash near Hamah", "2024-12-06", hamaDuplicate));
        var entityMerge = as(editor, () -> entities.proposeMerge(project, hamaDuplicate, hama, "Hamah is Hama", true));
        as(reviewer, () -> review.approve(entityMerge.changesetId(), null));
        assertThat(as(editor, () -> events.get(project, event)).placeId()).isEqualTo(hama);

        long version = as(editor, () -> entities.get(project, hts)).version();
        var delete = as(editor, () -> entities.proposeDelete(project, hts, version, "remove", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(delete.changesetId(), null)))
                .hasMessageContaining("events refer to it");
    }

    @Test
    void review_names_and_cites_the_source_of_each_claim_and_a_source_of_another_project_is_refused() {
        UUID sohr = fixtures.newSource(project, editor, "SOHR report", "Forty to sixty were killed.");
        var proposal = as(editor, () -> events.proposeCreate(project, battle("Shelling", "2024-12-04", hama)
                .withCasualties(List.of(EventClaim.killed(40, 60, sohr).noted("activists"), EventClaim.killed(3, 3, null))),
                "Shelling", true));
        var diff = as(reviewer, () -> changesets.details(proposal.changesetId())).operations().getFirst();
        assertThat(diff.fields()).filteredOn(f -> f.field().equals("Casualties")).singleElement()
                .extracting(org.annals.review.ChangesetDetails.FieldChange::after)
                .isEqualTo("40–60 killed per “SOHR report” (activists); 3 killed no source given");
        assertThat(diff.citations()).containsExactly(new org.annals.review.Citation(sohr, "SOHR report"));

        UUID elsewhere = fixtures.newProject(fixtures.admin());
        UUID foreign = fixtures.newSource(elsewhere, fixtures.admin(), "Another project's report", "Hidden.");
        assertThatThrownBy(() -> as(editor, () -> events.proposeCreate(project, battle("Cites elsewhere", "2024-12-04",
                hama).withCasualties(List.of(EventClaim.killed(1, 1, foreign))), "foreign", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist in this project");
    }

    @Test
    void the_review_queue_filters_by_the_source_a_proposal_cites() {
        UUID cited = fixtures.newSource(project, editor, "Cited report", "Three were killed.");
        var citing = as(editor, () -> events.proposeCreate(project, battle("Cited", "2024-12-01", hama)
                .withCasualties(List.of(EventClaim.killed(3, 3, cited))), "cites", true));
        var other = as(editor, () -> events.proposeCreate(project, battle("Uncited", "2024-12-02", hama), "no", true));
        assertThat(as(reviewer, () -> review.queue(project, null, null, cited, false, 0, 10)))
                .extracting(org.annals.review.ChangesetSummary::id).containsExactly(citing.changesetId());
        assertThat(as(reviewer, () -> review.queueSize(project, null, EventRecordType.KIND, null))).isEqualTo(2);
        assertThat(other.changesetId()).isNotEqualTo(citing.changesetId());
    }

    @Test
    void an_event_that_uses_an_unapproved_entity_waits_for_it() {
        var newPlace = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Salamiyah"),
                "Add Salamiyah", true));
        var proposal = as(editor, () -> events.proposeCreate(project, battle("Salamiyah handed over", "2024-12-04",
                newPlace.entityId()), "Add event", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(proposal.changesetId(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not approved yet");
        as(reviewer, () -> review.approve(newPlace.changesetId(), null));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        assertThat(as(editor, () -> events.get(project, proposal.eventId())).placeName()).isEqualTo("Salamiyah");
    }

    @Test
    void contested_only_selects_events_whose_sources_disagree_and_a_preferred_claim_goes_through_review() {
        UUID reuters = fixtures.newSource(project, editor, "Reuters report", "Rebels entered Hama.");
        UUID sohr = fixtures.newSource(project, editor, "SOHR report", "Fighting in Homs.");
        UUID quiet = approved(battle("Hama airport", "2024-12-03", hama));
        // "12" and "at least 10" fit one number: no disagreement
        UUID agreeing = approved(battle("Homs outskirts", "2024-12-07", homs).withCasualties(List.of(
                EventClaim.killed(12, 12, reuters), EventClaim.casualties(null, new Casualties(CasualtyCategory.KILLED,
                        CasualtyParty.ALL, 10, 10, CountQualifier.AT_LEAST), sohr, null))));
        UUID disputed = approved(battle("Fall of Hama", "2024-12-05", hama).withClaims(List.of(
                EventClaim.place(null, hama, reuters, null), EventClaim.place(null, homs, sohr, null))));

        assertThat(ids(TimelineFilter.ALL)).containsExactly(quiet, disputed, agreeing);
        assertThat(ids(TimelineFilter.ALL.contested(true))).containsExactly(disputed);
        assertThat(ids(new TimelineFilter(null, null, null, null, homs, "", true))).isEmpty();
        assertThat(as(editor, () -> events.count(project, TimelineFilter.ALL.contested(true)))).isEqualTo(1);
        var overview = as(editor, () -> events.overview(project, TimelineFilter.ALL.contested(true), 100));
        assertThat(overview.perDay()).extracting(TimelineOverview.DayCount::count).containsExactly(1L);
        assertThat(overview.points()).extracting(TimelineOverview.Point::title)
                .containsExactly("Fall of Hama (contested: place disputed: Hama or Homs)");

        var entry = as(editor, () -> events.get(project, disputed));
        assertThat(entry.disputeText()).isEqualTo("place disputed: Hama or Homs");
        UUID homsClaim = entry.values().claims().stream().filter(c -> homs.equals(c.placeId())).findFirst()
                .orElseThrow().id();
        assertThatThrownBy(() -> as(editor, () -> events.proposePreferred(project, disputed, entry.version(),
                UUID.randomUUID(), null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no longer part of the event");
        assertThatThrownBy(() -> as(editor, () -> events.proposePreferred(project, disputed, entry.version(), homsClaim,
                "x".repeat(EventClaim.REASON_MAX_LENGTH + 1)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most " + EventClaim.REASON_MAX_LENGTH);
        UUID hamaClaim = entry.values().claims().stream().filter(c -> hama.equals(c.placeId())).findFirst()
                .orElseThrow().id();
        assertThatThrownBy(() -> as(editor, () -> events.proposePreferred(project, disputed, entry.version(), hamaClaim,
                null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("already the preferred");
        assertThat(as(editor, () -> changesets.mine(project, 100))).noneMatch(c -> c.message().startsWith("Prefer"));

        var proposal = as(editor, () -> events.proposePreferred(project, disputed, entry.version(), homsClaim,
                "the closer source"));
        assertThat(as(editor, () -> events.get(project, disputed)).placeName()).as("not before review").isEqualTo("Hama");
        as(reviewer, () -> review.approve(proposal.changesetId(), null));

        var now = as(editor, () -> events.get(project, disputed));
        assertThat(now.placeName()).isEqualTo("Homs");
        assertThat(now.disputeText()).isEqualTo("place disputed: Homs or Hama");
        assertThat(now.values().claims()).filteredOn(EventClaim::preferred).filteredOn(c -> c.field() == ClaimField.PLACE)
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(homsClaim);
                    assertThat(c.reason()).isEqualTo("the closer source");
                });
        assertThat(ids(new TimelineFilter(null, null, null, null, homs, "", true))).containsExactly(disputed);
    }
}
