package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.NotFoundException;
import org.annals.discussion.DiscussionService;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search end to end, through the real services, the change feed and the index: every kind is found, each
 * person finds what the pages would show them, and approvals, merges, deletions and withdrawals show in
 * the results. Run on H2 and PostgreSQL.
 */
abstract class SearchContract {

    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SourceService sources;
    @Autowired
    DiscussionService discussion;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;

    UUID project;
    UUID source;
    AnnalsPrincipal viewer;
    AnnalsPrincipal editor;
    AnnalsPrincipal author;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal outsider;

    @BeforeEach
    void aProjectWithOneOfEverything() {
        project = fixtures.newProject(fixtures.admin());
        viewer = fixtures.newUser("viewer");
        editor = fixtures.newUser("editor");
        author = fixtures.newUser("author");
        reviewer = fixtures.newUser("reviewer");
        outsider = fixtures.newUser("outsider");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, author, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        source = fixtures.newSource(project, editor, "Quarterly bulletin of the Orontes observatory",
                "Opposition fighters entered the citadel of Aleppo at dawn on 30 November.",
                "دخلت قوّات المعارضة إلى مدينة حماة بعد معارك عنيفة.");
        awaitIndex();
    }

    private void awaitIndex() {
        assertThat(indexer.awaitCurrent(Duration.ofSeconds(30))).as("the index caught up").isTrue();
    }

    private SearchResults find(AnnalsPrincipal who, String words) {
        return as(who, () -> search.search(SearchRequest.of(project, words)));
    }

    private SearchResults counted(AnnalsPrincipal who, String words) {
        var request = SearchRequest.of(project, words);
        return as(who, () -> search.count(request, search.search(request)));
    }

    private List<SearchKind> kindsFound(AnnalsPrincipal who, String words) {
        return find(who, words).hits().stream().map(h -> h.document().kind()).distinct().toList();
    }

    private List<UUID> recordsFound(AnnalsPrincipal who, String words) {
        return find(who, words).hits().stream().map(h -> h.document().record().id()).distinct().toList();
    }

    private EntityService.Proposal vettedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal;
    }

    private UUID battles() {
        return as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
    }

    @Test
    void every_kind_is_found_by_its_own_words() {
        var person = vettedEntity(EntityPayload.of(EntityKind.PERSON, "Abu Mohammad al-Julani")
                .withAliases(List.of(new Alias("أبو محمد الجولاني", "ar")))
                .withDescription("Leader of a coalition of armed groups."));
        var city = vettedEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo"));
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Capture of the citadel",
                PartialDate.parse("2024-11-30"), battles()).withPlace(city.entityId()), "Add the event", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        String text = as(editor, () -> sources.read(project, source)).text();
        String quote = "citadel of Aleppo";
        int start = text.indexOf(quote);
        var mark = as(editor, () -> annotations.annotate(project, source, start, start + quote.length(), quote,
                AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, city.entityId())));
        as(editor, () -> changesets.submit(mark.changesetId()));
        as(reviewer, () -> review.approve(mark.changesetId(), null));
        as(viewer, () -> discussion.comment(project, new RecordRef(EntityRecordType.KIND, person.entityId()),
                "Is the transliteration Jolani more common?"));
        awaitIndex();

        assertThat(kindsFound(viewer, "dawn")).containsExactly(SearchKind.PASSAGE);
        assertThat(kindsFound(viewer, "Orontes observatory")).as("the source first; its passages carry its title weakly")
                .startsWith(SearchKind.SOURCE);
        assertThat(kindsFound(viewer, "coalition")).containsExactly(SearchKind.ENTITY);
        assertThat(kindsFound(viewer, "\"capture of the citadel\"")).containsExactly(SearchKind.EVENT);
        assertThat(kindsFound(viewer, "transliteration")).containsExactly(SearchKind.COMMENT);
        assertThat(counted(viewer, "citadel Aleppo").perKind()).containsKeys(SearchKind.PASSAGE, SearchKind.ANNOTATION,
                SearchKind.EVENT);
        var passage = find(viewer, "dawn").hits().getFirst();
        assertThat(text.substring(passage.document().start(), passage.document().end())).contains("dawn");
        assertThat(passage.snippet().parts()).anySatisfy(p -> assertThat(p.match() && p.text().equalsIgnoreCase("dawn")).isTrue());
    }

    @Test
    void arabic_letter_variants_and_diacritics_match_both_ways() {
        var person = vettedEntity(EntityPayload.of(EntityKind.PERSON, "Abu Mohammad al-Julani")
                .withAliases(List.of(new Alias("أبو محمد الجولاني", "ar"))));
        awaitIndex();
        assertThat(recordsFound(viewer, "ابو محمد الجولانى")).contains(person.entityId());
        assertThat(recordsFound(viewer, "الجُولاني")).contains(person.entityId());
        assertThat(kindsFound(viewer, "قوات")).contains(SearchKind.PASSAGE);
        assertThat(kindsFound(viewer, "حماه")).contains(SearchKind.PASSAGE);
        assertThat(kindsFound(viewer, "ALEPPÓ")).contains(SearchKind.PASSAGE);
        assertThat(find(viewer, "al-Jolani").fuzzy()).isTrue();
        assertThat(recordsFound(viewer, "al-Jolani")).contains(person.entityId());
    }

    @Test
    void phrases_and_prefixes() {
        assertThat(kindsFound(viewer, "\"entered the citadel\"")).containsExactly(SearchKind.PASSAGE);
        assertThat(find(viewer, "\"citadel entered\"").total()).isZero();
        assertThat(kindsFound(viewer, "obser*")).contains(SearchKind.SOURCE);
        assertThat(find(viewer, "citadel -dawn").total()).isZero();
    }

    @Test
    void each_person_finds_what_the_pages_show_them_and_outsiders_nothing_not_even_a_count() {
        var pending = as(author, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Quuxian Brigade"), "Add", true));
        var draft = as(author, () -> entities.addCreateToDraft(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Zorblat Battalion"), "Draft"));
        awaitIndex();

        assertThat(find(viewer, "Quuxian").total()).as("a viewer does not see proposals").isZero();
        assertThat(recordsFound(editor, "Quuxian")).containsExactly(pending.entityId());
        assertThat(recordsFound(reviewer, "Quuxian")).containsExactly(pending.entityId());
        assertThat(recordsFound(author, "Quuxian")).containsExactly(pending.entityId());
        assertThat(find(author, "Quuxian").hits().getFirst().document().audience()).isEqualTo(Audience.EDITORS);

        assertThat(recordsFound(author, "Zorblat")).as("the author finds their draft").containsExactly(draft.entityId());
        assertThat(find(editor, "Zorblat").total()).as("another editor does not").isZero();
        assertThat(find(reviewer, "Zorblat").total()).as("nor a reviewer").isZero();
        assertThat(find(viewer, "Zorblat").total()).isZero();

        assertThatThrownBy(() -> find(outsider, "Aleppo")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> find(outsider, "Zorblat")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void approval_merge_deletion_and_withdrawal_show_in_the_results() {
        var proposal = as(editor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Plimsoll Front"), "Add", true));
        awaitIndex();
        assertThat(find(viewer, "Plimsoll").total()).isZero();
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        awaitIndex();
        assertThat(recordsFound(viewer, "Plimsoll")).containsExactly(proposal.entityId());
        assertThat(find(editor, "Plimsoll").hits()).as("the proposal is gone once approved")
                .allSatisfy(h -> assertThat(h.document().audience()).isEqualTo(Audience.MEMBERS));

        var survivor = vettedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Northern Shield"));
        var duplicate = vettedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Wobbegong Shield"));
        var merge = as(editor, () -> entities.proposeMerge(project, duplicate.entityId(), survivor.entityId(),
                "Same group", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        awaitIndex();
        assertThat(recordsFound(viewer, "Wobbegong")).as("the merged name leads to the survivor")
                .containsExactly(survivor.entityId());

        long version = as(viewer, () -> entities.get(project, proposal.entityId())).version();
        var deletion = as(editor, () -> entities.proposeDelete(project, proposal.entityId(), version, "Remove", true));
        as(reviewer, () -> review.approve(deletion.changesetId(), null));
        awaitIndex();
        assertThat(find(viewer, "Plimsoll").total()).isZero();

        var withdrawn = as(author, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Snarkwood Company"), "Add", true));
        awaitIndex();
        assertThat(find(editor, "Snarkwood").total()).isEqualTo(1);
        as(author, () -> changesets.withdraw(withdrawn.changesetId()));
        awaitIndex();
        assertThat(find(editor, "Snarkwood").total()).isZero();
        assertThat(find(author, "Snarkwood").total()).isZero();
    }

    @Test
    void filters_narrow_by_kind_source_and_subtype() {
        vettedEntity(EntityPayload.of(EntityKind.PLACE, "Citadel Hill"));
        awaitIndex();
        var onlyEntitiesRequest = new SearchRequest(project, "citadel", Set.of(SearchKind.ENTITY), null, Set.of(),
                null, null, 0, 20);
        var onlyEntities = as(viewer, () -> search.count(onlyEntitiesRequest, search.search(onlyEntitiesRequest)));
        assertThat(onlyEntities.hits()).extracting(h -> h.document().kind()).containsOnly(SearchKind.ENTITY);
        assertThat(onlyEntities.perKind()).containsKey(SearchKind.PASSAGE);
        var inSource = as(viewer, () -> search.search(new SearchRequest(project, "citadel", Set.of(), source,
                Set.of(), null, null, 0, 20)));
        assertThat(inSource.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.document().sourceId()).isEqualTo(source));
        var persons = as(viewer, () -> search.search(new SearchRequest(project, "citadel", Set.of(), null,
                Set.of(EntityKind.PERSON.name()), null, null, 0, 20)));
        assertThat(persons.total()).isZero();
    }
}
