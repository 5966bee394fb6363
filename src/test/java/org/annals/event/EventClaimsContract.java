package org.annals.event;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ConflictException;
import org.annals.review.HistoryService;
import org.annals.review.RecordTypes;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every event field as sourced claims (issue 17, decision 0030), through the services and the moderation engine,
 * run on H2 and PostgreSQL by the subclasses: claims per field, the preferred one chosen in review, stale claims,
 * history and revert, merges, quotes that become claims and their deletion, and bad input refused with nothing
 * stored.
 */
abstract class EventClaimsContract {

    static final String REUTERS_TEXT = "An airstrike hit the market of Ariha on 30 November 2024 and killed at least 12"
            + " civilians.";
    static final String MINISTRY_TEXT = "The strike on Ariha on 1 December killed 8 people and injured 30.";

    @Autowired
    EventService events;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;
    @Autowired
    HistoryService history;
    @Autowired
    SourceService sources;
    @Autowired
    RecordTypes types;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID reuters;
    UUID ministry;
    UUID battles;
    UUID explosions;
    UUID ariha;
    UUID idlib;
    UUID russia;

    @BeforeEach
    void projectWithTwoSourcesThatDisagree() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        otherEditor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        reuters = fixtures.newSource(project, editor, "Reuters", java.time.LocalDate.of(2024, 12, 2), REUTERS_TEXT);
        ministry = fixtures.newSource(project, editor, "Ministry", java.time.LocalDate.of(2024, 12, 2), MINISTRY_TEXT);
        var types = as(editor, () -> taxonomy.taxonomy(project));
        battles = types.getFirst().id();
        explosions = types.get(1).id();
        ariha = entity(EntityKind.PLACE, "Ariha");
        idlib = entity(EntityKind.PLACE, "Idlib");
        russia = entity(EntityKind.ORGANIZATION, "Russia");
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

    private TimelineEntry event(UUID id) {
        return as(viewer, () -> events.get(project, id));
    }

    private EventPayload strike() {
        return EventPayload.of("Strike on Ariha market", PartialDate.parse("2024-11-30"), explosions).withPlace(ariha)
                .withActors(List.of(new EventActor(russia, ActorRole.PRIMARY)));
    }

    /** The strike as the two sources tell it: two dates, two places, two tolls, and an injured count. */
    private EventPayload disputedStrike() {
        return strike().withClaims(List.of(
                EventClaim.date(null, PartialDate.parse("2024-11-30"), null, reuters, null).preferred(true, null),
                EventClaim.date(null, PartialDate.parse("2024-12-01"), null, ministry, null),
                EventClaim.place(null, ariha, reuters, null),
                EventClaim.place(null, idlib, ministry, null),
                EventClaim.type(null, explosions, null, null, null),
                EventClaim.actors(null, List.of(new EventActor(russia, ActorRole.PRIMARY)), null, null),
                EventClaim.casualties(null, new Casualties(CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, 12, 12,
                        CountQualifier.AT_LEAST), reuters, null),
                EventClaim.casualties(null, new Casualties(CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, 8, 8,
                        CountQualifier.EXACTLY), ministry, null).noted("the ministry's count"),
                EventClaim.casualties(null, new Casualties(CasualtyCategory.INJURED, CasualtyParty.ALL, 30, 30,
                        CountQualifier.EXACTLY), ministry, null)));
    }

    private int at(String text, String phrase) {
        int index = text.indexOf(phrase);
        assertThat(index).as("phrase in text: " + phrase).isNotNegative();
        return index;
    }

    /** Marks a phrase of a source as a quote of the event, with the claim read from it (as the dialog offers it). */
    private AnnotationService.Marked quoted(UUID source, String phrase, AnnotationType type, UUID eventId) {
        String text = as(editor, () -> sources.read(project, source)).text();
        int start = at(text, phrase);
        EventClaim claim = as(editor, () -> annotations.claimFromQuote(project, source, start, start + phrase.length(),
                type)).orElseThrow();
        return as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase, type,
                new LinkChoice.Existing(EventRecordType.KIND, eventId), List.of(), claim));
    }

    private long claimRows() {
        Long count = jdbc.queryForObject("select count(*) from event_claim c join event_record e on e.id = c.event_id"
                + " where e.project_id = ?", Long.class, project);
        return count == null ? 0 : count;
    }

    private long changesetRows() {
        Long count = jdbc.queryForObject("select count(*) from changeset where project_id = ?", Long.class, project);
        return count == null ? 0 : count;
    }

    /** Refused with a message naming the problem, and nothing stored: no changeset, no claim. */
    private void refusedWithNothingStored(Supplier<?> attempt, String message) {
        long changesetsBefore = changesetRows();
        long claimsBefore = claimRows();
        assertThatThrownBy(() -> as(editor, attempt)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
        assertThat(changesetRows()).isEqualTo(changesetsBefore);
        assertThat(claimRows()).isEqualTo(claimsBefore);
    }

    @Test
    void each_field_holds_claims_with_their_sources_and_the_preferred_ones_are_the_events_values() {
        UUID id = approved(disputedStrike());

        TimelineEntry entry = event(id);
        List<EventClaim> claims = entry.values().claims();
        assertThat(EventClaims.of(claims, ClaimField.DATE)).extracting(EventClaim::sourceId).containsExactly(reuters,
                ministry);
        assertThat(EventClaims.of(claims, ClaimField.PLACE)).extracting(EventClaim::placeId).containsExactly(ariha, idlib);
        assertThat(EventClaims.of(claims, ClaimField.CASUALTIES)).hasSize(3);
        assertThat(claims).allSatisfy(c -> assertThat(c.id()).isNotNull());
        assertThat(claims.stream().map(EventClaim::id).distinct()).hasSize(claims.size());
        // the preferred claims are the event's values; the first claim of a field without a marked one is preferred
        assertThat(entry.start()).isEqualTo(PartialDate.parse("2024-11-30"));
        assertThat(entry.placeId()).isEqualTo(ariha);
        assertThat(EventClaims.preferred(claims, ClaimField.CASUALTIES)).extracting(c -> c.casualties().display())
                .containsExactly("at least 12 civilians killed", "30 injured");
        assertThat(entry.disputes()).extracting(EventClaims.Dispute::field).containsExactly(ClaimField.DATE,
                ClaimField.PLACE, ClaimField.CASUALTIES);
        assertThat(entry.disputes().getFirst().display(c -> c.start().display()))
                .isEqualTo("date disputed: 30 November 2024 or 1 December 2024");
        assertThat(jdbc.queryForObject("select contested_fields from event_record where id = ?", String.class, id))
                .isEqualTo("DATE,PLACE,CASUALTIES");
        assertThat(entry.sourceCount()).isEqualTo(2);
        // the ids are the ones normalising the proposal gave, in review as in the live tables
        assertThat(claims).extracting(EventClaim::id).containsExactlyElementsOf(
                EventClaims.normalise(id, disputedStrike()).claims().stream().map(EventClaim::id).toList());
    }

    @Test
    void clients_send_claims_in_their_shortest_form_and_old_clients_fatalities() {
        String json = """
                {"title": "Strike", "start": {"date": "2024-11-30", "precision": "DAY"}, "typeId": "%s",
                 "claims": [{"field": "CASUALTIES", "casualties": {"category": "INJURED", "minimum": 30},
                             "sourceId": "%s"}],
                 "fatalities": [{"minimum": 8, "maximum": 8, "sourceId": "%s", "note": "the ministry's count"}]}"""
                .formatted(explosions, ministry, ministry);
        UUID id = approved((EventPayload) types.readProposed(EventRecordType.KIND, json));

        assertThat(event(id).casualties()).extracting(c -> c.casualties().display(), EventClaim::sourceId,
                EventClaim::note, EventClaim::preferred).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("30 injured", ministry, null, true),
                        org.assertj.core.groups.Tuple.tuple("8 killed", ministry, "the ministry's count", true));
    }

    @Test
    void a_reviewer_changes_the_preferred_claim_with_a_reason_through_review() {
        UUID id = approved(disputedStrike());
        TimelineEntry before = event(id);
        List<EventClaim> repreferred = before.values().claims().stream().map(c -> c.field() != ClaimField.DATE ? c
                : c.preferred(ministry.equals(c.sourceId()), ministry.equals(c.sourceId())
                        ? "The ministry names the day of the strike" : null)).toList();

        var proposal = as(reviewer, () -> events.proposeUpdate(project, id, before.version(),
                before.values().withClaims(repreferred), "Prefer the ministry's date", true));
        // not applied until approved: the diff names the new preferred claim and its reason
        assertThat(event(id).start()).isEqualTo(PartialDate.parse("2024-11-30"));
        assertThat(as(reviewer, () -> changesets.details(proposal.changesetId())).operations().getFirst().fields())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("Date claims");
                    assertThat(f.after()).contains("1 December 2024 per “Ministry” (preferred: The ministry names the"
                            + " day of the strike)");
                });
        AnnalsPrincipal secondReviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, secondReviewer, ProjectRole.REVIEWER);
        as(secondReviewer, () -> review.approve(proposal.changesetId(), null));

        TimelineEntry after = event(id);
        assertThat(after.start()).isEqualTo(PartialDate.parse("2024-12-01"));
        assertThat(EventClaims.preferred(after.values().claims(), ClaimField.DATE)).singleElement().satisfies(c -> {
            assertThat(c.sourceId()).isEqualTo(ministry);
            assertThat(c.reason()).isEqualTo("The ministry names the day of the strike");
        });
        assertThat(EventClaims.of(after.values().claims(), ClaimField.DATE)).hasSize(2);
        assertThat(after.version()).isGreaterThan(before.version());
    }

    @Test
    void two_changesets_changing_the_same_claims_conflict_and_the_second_applies_nothing() {
        UUID id = approved(disputedStrike());
        TimelineEntry base = event(id);
        List<EventClaim> withoutMinistryDate = base.values().claims().stream()
                .filter(c -> !(c.field() == ClaimField.DATE && ministry.equals(c.sourceId()))).toList();
        List<EventClaim> withOtherFigure = new java.util.ArrayList<>(base.values().claims());
        withOtherFigure.add(EventClaim.killed(20, 25, reuters));

        var first = as(editor, () -> events.proposeUpdate(project, id, base.version(),
                base.values().withClaims(withoutMinistryDate), "Drop the ministry's date", true));
        var second = as(otherEditor, () -> events.proposeUpdate(project, id, base.version(),
                base.values().withClaims(withOtherFigure), "Add a later figure", true));
        as(reviewer, () -> review.approve(first.changesetId(), null));

        assertThatThrownBy(() -> as(reviewer, () -> review.approve(second.changesetId(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was changed by someone else");
        TimelineEntry now = event(id);
        assertThat(EventClaims.of(now.values().claims(), ClaimField.DATE)).hasSize(1);
        assertThat(now.values().claims()).noneMatch(c -> c.casualties() != null && c.casualties().minimum() == 20);
    }

    @Test
    void a_claims_history_is_kept_and_a_revert_brings_the_claims_back() {
        UUID id = approved(disputedStrike());
        TimelineEntry first = event(id);
        List<EventClaim> onlyReuters = first.values().claims().stream()
                .filter(c -> !ministry.equals(c.sourceId())).toList();
        var change = as(editor, () -> events.proposeUpdate(project, id, first.version(),
                first.values().withClaims(onlyReuters), "Only Reuters", true));
        as(reviewer, () -> review.approve(change.changesetId(), null));
        assertThat(event(id).values().claims()).noneMatch(c -> ministry.equals(c.sourceId()));

        var revisions = as(viewer, () -> history.history(project, EventRecordType.KIND, id));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).changes()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("Casualties");
            assertThat(f.before()).contains("8 civilians killed per “Ministry” (the ministry's count)");
            assertThat(f.after()).doesNotContain("Ministry");
        });
        assertThat(revisions.get(1).citations()).extracting(c -> c.sourceId()).doesNotContain(ministry);

        UUID revert = as(editor, () -> history.revert(project, EventRecordType.KIND, id, revisions.getFirst().id(), true));
        as(reviewer, () -> review.approve(revert, null));
        TimelineEntry reverted = event(id);
        assertThat(reverted.values().claims()).isEqualTo(first.values().claims());
        assertThat(as(viewer, () -> history.history(project, EventRecordType.KIND, id))).hasSize(3);
    }

    @Test
    void merging_two_events_unites_their_claims_on_the_survivor_with_a_revision() {
        UUID survivor = approved(strike().withCasualties(List.of(EventClaim.killed(12, 12, reuters))));
        UUID duplicate = approved(EventPayload.of("Ariha market strike", PartialDate.parse("2024-12-01"), explosions)
                .withPlace(ariha).withCasualties(List.of(EventClaim.killed(12, 12, reuters),
                        EventClaim.killed(8, 8, ministry))));
        long survivorVersion = event(survivor).version();

        var merge = as(editor, () -> events.proposeMerge(project, duplicate, survivor, "Same strike", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));

        TimelineEntry united = event(survivor);
        // the duplicate's date and its ministry figure join, not preferred; the same Reuters figure is not repeated
        assertThat(EventClaims.of(united.values().claims(), ClaimField.DATE)).extracting(c -> c.start().display(),
                EventClaim::preferred).containsExactly(org.assertj.core.groups.Tuple.tuple("30 November 2024", true),
                        org.assertj.core.groups.Tuple.tuple("1 December 2024", false));
        assertThat(united.casualties()).extracting(c -> c.casualties().figure(), EventClaim::sourceId,
                EventClaim::preferred).containsExactly(org.assertj.core.groups.Tuple.tuple("12", reuters, true),
                        org.assertj.core.groups.Tuple.tuple("8", ministry, false));
        assertThat(EventClaims.of(united.values().claims(), ClaimField.PLACE)).hasSize(1);
        assertThat(united.start()).isEqualTo(PartialDate.parse("2024-11-30"));
        assertThat(united.disputes()).extracting(EventClaims.Dispute::field).containsExactly(ClaimField.DATE,
                ClaimField.CASUALTIES);
        assertThat(united.version()).isGreaterThan(survivorVersion);
        var revisions = as(viewer, () -> history.history(project, EventRecordType.KIND, survivor));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.getLast().changesetId()).isEqualTo(merge.changesetId());
        // the old id leads to the survivor
        assertThat(event(duplicate).id()).isEqualTo(survivor);
    }

    @Test
    void an_entity_named_only_in_a_claim_cannot_be_deleted_and_a_merge_moves_the_claim_with_a_revision() {
        UUID aleppo = entity(EntityKind.PLACE, "Aleppo");
        UUID id = approved(strike().withClaims(List.of(EventClaim.place(null, ariha, reuters, null),
                EventClaim.place(null, aleppo, ministry, null))));
        long version = event(id).version();
        var deleted = as(editor, () -> entities.proposeDelete(project, aleppo,
                as(editor, () -> entities.get(project, aleppo)).version(), "Delete Aleppo", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(deleted.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 events refer to it");

        var merged = as(editor, () -> entities.proposeMerge(project, aleppo, idlib, "Aleppo is a mistake", true));
        as(reviewer, () -> review.approve(merged.changesetId(), null));
        TimelineEntry after = event(id);
        assertThat(EventClaims.of(after.values().claims(), ClaimField.PLACE)).extracting(EventClaim::placeId)
                .containsExactly(ariha, idlib);
        assertThat(after.version()).isGreaterThan(version);
        assertThat(as(viewer, () -> history.history(project, EventRecordType.KIND, id)).getLast().changesetId())
                .isEqualTo(merged.changesetId());
    }

    @Test
    void a_date_quote_linked_to_an_event_proposes_its_claim_which_is_reviewed_with_the_annotation() {
        UUID id = approved(strike());
        String text = as(editor, () -> sources.read(project, ministry)).text();
        int start = at(text, "1 December");
        int end = start + "1 December".length();

        EventClaim read = as(editor, () -> annotations.claimFromQuote(project, ministry, start, end, AnnotationType.DATE))
                .orElseThrow();
        assertThat(read.field()).isEqualTo(ClaimField.DATE);
        assertThat(read.start()).isEqualTo(PartialDate.parse("2024-12-01")); // no year: the source's published year
        assertThat(read.sourceId()).isEqualTo(ministry);

        var marked = as(editor, () -> annotations.annotate(project, ministry, start, end, "1 December",
                AnnotationType.DATE, new LinkChoice.Existing(EventRecordType.KIND, id), List.of(), read));
        // one changeset: the annotation and the event's new claim, reviewed together
        var operations = as(editor, () -> changesets.details(marked.changesetId())).operations();
        assertThat(operations).extracting(op -> op.kind()).containsExactly("ANNOTATION", EventRecordType.KIND);
        assertThat(event(id).values().claims()).noneMatch(c -> c.annotationId() != null);
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "The ministry's date"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        TimelineEntry after = event(id);
        assertThat(EventClaims.of(after.values().claims(), ClaimField.DATE)).extracting(EventClaim::id,
                EventClaim::sourceId, EventClaim::annotationId, EventClaim::preferred).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventClaims.plainId(id, ClaimField.DATE), null, null, true),
                        org.assertj.core.groups.Tuple.tuple(marked.claimId(), ministry, marked.annotationId(), false));
        assertThat(after.start()).isEqualTo(PartialDate.parse("2024-11-30"));
        // both ways: from the claim to its quote, and from the quote to its claims
        assertThat(as(viewer, () -> annotations.claimsBackedBy(project, marked.annotationId()))).singleElement()
                .satisfies(q -> {
                    assertThat(q.eventId()).isEqualTo(id);
                    assertThat(q.claim().id()).isEqualTo(marked.claimId());
                    assertThat(q.value()).isEqualTo("1 December 2024");
                });
    }

    @Test
    void a_figure_quote_that_agrees_with_an_uncited_value_gives_it_its_source_and_a_new_event_takes_its_claim() {
        String text = as(editor, () -> sources.read(project, reuters)).text();
        String phrase = "killed at least 12 civilians";
        int start = at(text, phrase);
        int end = start + phrase.length();
        EventClaim figure = as(editor, () -> annotations.claimFromQuote(project, reuters, start, end,
                AnnotationType.CASUALTY_FIGURE)).orElseThrow();
        assertThat(figure.casualties()).isEqualTo(new Casualties(CasualtyCategory.KILLED, CasualtyParty.CIVILIANS, 12,
                12, CountQualifier.AT_LEAST));

        // a new event from the quote: the event and the annotation quote each other, in one changeset
        var marked = as(editor, () -> annotations.annotate(project, reuters, start, end, phrase,
                AnnotationType.CASUALTY_FIGURE, new LinkChoice.NewEvent(strike()), List.of(), figure));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "The strike"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        TimelineEntry created = event(marked.linkId());
        assertThat(created.casualties()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(marked.claimId());
            assertThat(c.annotationId()).isEqualTo(marked.annotationId());
            assertThat(c.sourceId()).isEqualTo(reuters);
            assertThat(c.preferred()).isTrue();
        });

        // a date quote saying what the event's uncited date says: the plain claim gains its source and quote
        int dateStart = at(text, "30 November 2024");
        EventClaim date = as(editor, () -> annotations.claimFromQuote(project, reuters, dateStart,
                dateStart + "30 November 2024".length(), AnnotationType.DATE)).orElseThrow();
        var dated = as(editor, () -> annotations.annotate(project, reuters, dateStart,
                dateStart + "30 November 2024".length(), "30 November 2024", AnnotationType.DATE,
                new LinkChoice.Existing(EventRecordType.KIND, marked.linkId()), List.of(), date));
        assertThat(dated.claimId()).isEqualTo(EventClaims.plainId(marked.linkId(), ClaimField.DATE));
        as(editor, () -> annotations.submitDraft(project, dated.changesetId(), "Its date"));
        as(reviewer, () -> review.approve(dated.changesetId(), null));
        assertThat(EventClaims.of(event(marked.linkId()).values().claims(), ClaimField.DATE)).singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo(EventClaims.plainId(marked.linkId(), ClaimField.DATE));
                    assertThat(c.sourceId()).isEqualTo(reuters);
                    assertThat(c.annotationId()).isEqualTo(dated.annotationId());
                    assertThat(c.preferred()).isTrue();
                });
    }

    @Test
    void a_quote_taken_back_from_the_draft_takes_back_its_claim() {
        UUID id = approved(strike());
        var marked = quoted(ministry, "1 December", AnnotationType.DATE, id);
        // an unrelated change of the same event in the draft stays
        var counted = quoted(ministry, "killed 8 people", AnnotationType.CASUALTY_FIGURE, id);
        assertThat(counted.changesetId()).isEqualTo(marked.changesetId());

        as(editor, () -> annotations.delete(project, ministry, marked.annotationId()));
        EventPayload proposed = (EventPayload) as(editor, () -> changesets.proposedOperations(marked.changesetId()))
                .stream().filter(op -> op.recordId().equals(id)).findFirst().orElseThrow().payload();
        assertThat(EventClaims.of(proposed.claims(), ClaimField.DATE)).extracting(EventClaim::sourceId)
                .containsOnlyNulls();
        assertThat(proposed.casualties()).extracting(EventClaim::annotationId).containsExactly(counted.annotationId());

        // the last quote goes: the event's change had nothing else, so it leaves the draft with it
        as(editor, () -> annotations.delete(project, ministry, counted.annotationId()));
        assertThat(as(editor, () -> annotations.editor(project, ministry)).draftId()).isNull();
    }

    @Test
    void a_quote_of_the_wrong_kind_or_not_linked_to_an_event_makes_no_claim() {
        UUID id = approved(strike());
        String text = as(editor, () -> sources.read(project, ministry)).text();
        int start = at(text, "1 December");
        int end = start + "1 December".length();
        EventClaim date = as(editor, () -> annotations.claimFromQuote(project, ministry, start, end, AnnotationType.DATE))
                .orElseThrow();
        assertThat(as(editor, () -> annotations.claimFromQuote(project, ministry, start, end,
                AnnotationType.EVENT_MENTION))).isEmpty();
        refusedWithNothingStored(() -> annotations.annotate(project, ministry, start, end, "1 December",
                AnnotationType.CASUALTY_FIGURE, new LinkChoice.Existing(EventRecordType.KIND, id), List.of(), date),
                "makes a claim about the casualties, not the date");
        refusedWithNothingStored(() -> annotations.annotate(project, ministry, start, end, "1 December",
                AnnotationType.DATE, new LinkChoice.Existing(EntityRecordType.KIND, ariha), List.of(), date),
                "Link the quote to an event");
        assertThatThrownBy(() -> as(viewer, () -> annotations.claimFromQuote(project, ministry, start, end,
                AnnotationType.DATE))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void deleting_an_annotation_that_backs_a_claim_keeps_the_claim_without_its_quote_with_a_revision() {
        UUID id = approved(strike());
        var marked = quoted(ministry, "killed 8 people", AnnotationType.CASUALTY_FIGURE, id);
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "The ministry's toll"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        long version = event(id).version();

        as(editor, () -> annotations.delete(project, ministry, marked.annotationId()));
        UUID deletion = as(editor, () -> annotations.editor(project, ministry)).draftId();
        as(editor, () -> annotations.submitDraft(project, deletion, "Wrong span"));
        as(reviewer, () -> review.approve(deletion, null));

        TimelineEntry after = event(id);
        assertThat(after.casualties()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(marked.claimId());
            assertThat(c.annotationId()).isNull();
            assertThat(c.sourceId()).isEqualTo(ministry);
            assertThat(c.casualties()).isEqualTo(Casualties.killed(8));
        });
        assertThat(after.version()).isGreaterThan(version);
        assertThat(as(viewer, () -> history.history(project, EventRecordType.KIND, id)).getLast().changesetId())
                .isEqualTo(deletion);
        assertThat(as(viewer, () -> annotations.claimsBackedBy(project, marked.annotationId()))).isEmpty();
    }

    @Test
    void bad_claims_are_refused_with_a_clear_message_and_nothing_is_stored() {
        // a quote in another project
        UUID otherProject = fixtures.newProject(fixtures.admin());
        fixtures.addMember(otherProject, editor, ProjectRole.EDITOR);
        fixtures.addMember(otherProject, reviewer, ProjectRole.REVIEWER);
        UUID otherSource = fixtures.newSource(otherProject, editor, "Elsewhere", REUTERS_TEXT);
        int start = REUTERS_TEXT.indexOf("30 November 2024");
        var foreign = as(editor, () -> annotations.annotate(otherProject, otherSource, start,
                start + "30 November 2024".length(), "30 November 2024", AnnotationType.DATE, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(otherProject, foreign.changesetId(), "A date"));
        as(reviewer, () -> review.approve(foreign.changesetId(), null));
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(EventClaim.date(null,
                PartialDate.parse("2024-11-30"), null, reuters, foreign.annotationId()))), "Foreign quote", true),
                "refers to an annotation that does not exist in this project");

        // a quote whose source is not the claim's
        int own = REUTERS_TEXT.indexOf("30 November 2024");
        var quote = as(editor, () -> annotations.annotate(project, reuters, own, own + "30 November 2024".length(),
                "30 November 2024", AnnotationType.DATE, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(project, quote.changesetId(), "A date"));
        as(reviewer, () -> review.approve(quote.changesetId(), null));
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(EventClaim.date(null,
                PartialDate.parse("2024-11-30"), null, ministry, quote.annotationId()))), "Wrong source", true),
                "a quoted claim cites the source its quote is in");
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(EventClaim.date(null,
                PartialDate.parse("2024-11-30"), null, null, quote.annotationId()))), "No source", true),
                "names the source of the quote");

        // an impossible date, as a client sends it
        String impossible = """
                {"title": "Strike", "start": {"date": "2024-11-30", "precision": "DAY"}, "typeId": "%s",
                 "claims": [{"field": "DATE", "start": {"date": "2024-02-30", "precision": "DAY"}, "sourceId": "%s"}]}"""
                .formatted(explosions, reuters);
        refusedWithNothingStored(() -> events.proposeCreate(project,
                (EventPayload) types.readProposed(EventRecordType.KIND, impossible), "Impossible", true),
                "check the field 'claims[0].start.date'");
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(EventClaim.date(null,
                PartialDate.parse("2024-02-30"), null, reuters, null))), "Impossible", true), "2024-02-30");
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(EventClaim.date(null,
                PartialDate.parse("2024-12-02"), PartialDate.parse("2024-12-01"), reuters, null))), "Inverted", true),
                "is before its start");

        // negative and inverted ranges, from a client
        String negative = """
                {"title": "Strike", "start": {"date": "2024-11-30", "precision": "DAY"}, "typeId": "%s",
                 "claims": [{"field": "CASUALTIES",
                 "casualties": {"category": "KILLED", "minimum": -3, "maximum": 4}, "sourceId": "%s"}]}"""
                .formatted(explosions, reuters);
        refusedWithNothingStored(() -> events.proposeCreate(project,
                (EventPayload) types.readProposed(EventRecordType.KIND, negative), "Negative", true), "cannot be negative");
        String inverted = negative.replace("\"minimum\": -3, \"maximum\": 4", "\"minimum\": 12, \"maximum\": 8");
        refusedWithNothingStored(() -> events.proposeCreate(project,
                (EventPayload) types.readProposed(EventRecordType.KIND, inverted), "Inverted", true), "12–8 is inverted");

        // two preferred claims for one field
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(
                EventClaim.date(null, PartialDate.parse("2024-11-30"), null, reuters, null).preferred(true, null),
                EventClaim.date(null, PartialDate.parse("2024-12-01"), null, ministry, null).preferred(true, null))),
                "Two preferred", true), "Two claims for the date are marked preferred");
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withCasualties(List.of(
                EventClaim.killed(12, 12, reuters).preferred(true, null),
                EventClaim.killed(8, 8, ministry).preferred(true, null))), "Two preferred", true),
                "Two claims for the figure of killed are marked preferred");

        // a claim with the value slots of another field
        EventClaim placeInADateClaim = new EventClaim(null, ClaimField.DATE, false, PartialDate.parse("2024-11-30"),
                null, null, null, ariha, List.of(), null, reuters, null, null, null);
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(placeInADateClaim)),
                "Two values", true), "holds that value only");
        EventClaim emptyFigure = new EventClaim(null, ClaimField.CASUALTIES, false, null, null, null, null, null,
                List.of(), null, reuters, null, null, null);
        refusedWithNothingStored(() -> events.proposeCreate(project, strike().withClaims(List.of(emptyFigure)),
                "No figure", true), "needs a figure");
        assertThat(as(editor, () -> events.count(project, TimelineFilter.ALL))).isZero();
    }
}
