package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.discussion.DiscussionService;
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
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceReferences;
import org.annals.source.SourceService;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What search indexes is the database's current state: records created through the real services
 * (imports, changesets approved by a reviewer, comments, drafts, merges, deletions, withdrawals) read
 * back as documents, with their audiences, names in every script, section paths and offsets; the
 * groups to reload after a change; and the walk over every group a rebuild makes. Run on H2 and on
 * PostgreSQL.
 */
abstract class SearchDocumentsContract {

    static final String OFFENSIVE = "Opposition forces entered Hama on 5 December 2024 after the army withdrew.";
    static final String ARABIC = "دخلت قوات المعارضة مدينة حماة في الخامس من كانون الأول.";
    static final String AFTERMATH = "Residents returned to the city within days.";

    @Autowired
    SearchDocuments documents;
    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    DiscussionService discussion;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID battles;
    String battlesName;

    @BeforeEach
    void project() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        var type = as(editor, () -> taxonomy.taxonomy(project)).getFirst();
        battles = type.id();
        battlesName = type.name();
    }

    /** "History" > "2024 offensive" > two paragraphs (one Arabic), then "Aftermath" > one paragraph. */
    private UUID reportWithSections() {
        var metadata = new SourceMetadata("Report on Hama", "https://example.org/hama", "Example Press", "A. Writer",
                LocalDate.of(2024, 12, 9), null, "en", null);
        var blocks = List.of(DraftBlock.heading(1, "History"), DraftBlock.heading(2, "2024 offensive"),
                DraftBlock.of(BlockKind.PARAGRAPH, OFFENSIVE), DraftBlock.of(BlockKind.PARAGRAPH, ARABIC),
                DraftBlock.heading(1, "Aftermath"), DraftBlock.of(BlockKind.PARAGRAPH, AFTERMATH));
        return as(editor, () -> imports.importSource(project, new ImportRequest(metadata, SourceFormat.PLAIN_TEXT,
                blocks, null, null, true)).sourceId());
    }

    private UUID approvedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID approvedEvent(EventPayload values) {
        var proposal = as(editor, () -> events.proposeCreate(project, values, "Add " + values.title(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    /** The first place the phrase occurs in the source's text, marked, linked and approved. */
    private UUID approvedAnnotation(UUID source, String phrase, AnnotationType type, LinkChoice link) {
        int start = offsetInText(source, phrase);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase,
                type, link));
        UUID draft = marked.changesetId();
        UUID id = marked.annotationId();
        as(editor, () -> annotations.submitDraft(project, draft, "Mark " + phrase));
        as(reviewer, () -> review.approve(draft, null));
        return id;
    }

    private int offsetInText(UUID source, String phrase) {
        return as(viewer, () -> sources.read(project, source)).text().indexOf(phrase);
    }

    private List<SearchDocument> load(DocumentGroup.Type type, UUID id) {
        return documents.load(new DocumentGroup(type, id));
    }

    private SearchDocument only(DocumentGroup.Type type, UUID id) {
        List<SearchDocument> loaded = load(type, id);
        assertThat(loaded).hasSize(1);
        return loaded.getFirst();
    }

    private static DocumentGroup group(DocumentGroup.Type type, UUID id) {
        return new DocumentGroup(type, id);
    }

    @Test
    void a_source_is_its_metadata_and_one_passage_per_block_with_its_section_path_and_offsets() {
        UUID source = reportWithSections();
        String text = as(viewer, () -> sources.read(project, source)).text();

        List<SearchDocument> loaded = load(DocumentGroup.Type.SOURCE, source);

        SearchDocument metadata = loaded.getFirst();
        assertThat(metadata.key()).isEqualTo("source:" + source);
        assertThat(metadata.kind()).isEqualTo(SearchKind.SOURCE);
        assertThat(metadata.title()).isEqualTo("Report on Hama");
        assertThat(metadata.text()).contains("Report on Hama", "Example Press", "A. Writer", "https://example.org/hama");
        assertThat(metadata.from()).isEqualTo(LocalDate.of(2024, 12, 9));
        assertThat(metadata.to()).isEqualTo(LocalDate.of(2024, 12, 9));
        assertThat(metadata.record()).isEqualTo(new RecordRef(SourceReferences.KIND, source));
        assertThat(metadata.sourceId()).isEqualTo(source);

        List<SearchDocument> passages = loaded.subList(1, loaded.size());
        assertThat(passages).extracting(SearchDocument::kind).containsOnly(SearchKind.PASSAGE);
        assertThat(passages).extracting(SearchDocument::text)
                .containsExactly("History", "2024 offensive", OFFENSIVE, ARABIC, "Aftermath", AFTERMATH);
        assertThat(passages).extracting(SearchDocument::section).containsExactly("History",
                "History › 2024 offensive", "History › 2024 offensive", "History › 2024 offensive", "Aftermath",
                "Aftermath");
        for (SearchDocument passage : passages) {
            assertThat(text.substring(passage.start(), passage.end())).isEqualTo(passage.text());
            assertThat(passage.key()).startsWith("passage:" + source + ":");
            assertThat(passage.title()).isEqualTo("Report on Hama");
            assertThat(passage.sourceId()).isEqualTo(source);
            assertThat(passage.record()).isEqualTo(new RecordRef(SourceReferences.KIND, source));
        }
        assertThat(loaded).extracting(SearchDocument::key).doesNotHaveDuplicates();
        assertThat(loaded).allSatisfy(d -> {
            assertThat(d.audience()).isEqualTo(Audience.MEMBERS);
            assertThat(d.ownerId()).isNull();
            assertThat(d.projectId()).isEqualTo(project);
            assertThat(d.group()).isEqualTo(group(DocumentGroup.Type.SOURCE, source));
            assertThat(d.updated()).isNotNull();
        });
        assertThat(load(DocumentGroup.Type.SOURCE, UUID.randomUUID())).isEmpty();
    }

    @Test
    void an_entity_is_found_by_every_alias_in_every_script() {
        UUID hts = approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Hayat Tahrir al-Sham")
                .withAliases(List.of(new Alias("هيئة تحرير الشام", "ar"), new Alias("HTS", "en")))
                .withDescription("An armed group formed in 2017."));

        SearchDocument entity = only(DocumentGroup.Type.ENTITY, hts);

        assertThat(entity.key()).isEqualTo("entity:" + hts);
        assertThat(entity.kind()).isEqualTo(SearchKind.ENTITY);
        assertThat(entity.record()).isEqualTo(new RecordRef(EntityRecordType.KIND, hts));
        assertThat(entity.title()).isEqualTo("Hayat Tahrir al-Sham");
        assertThat(entity.names()).containsExactly("Hayat Tahrir al-Sham", "هيئة تحرير الشام", "HTS");
        assertThat(entity.text()).contains("Hayat Tahrir al-Sham", "هيئة تحرير الشام", "HTS",
                "An armed group formed in 2017.");
        assertThat(entity.subtype()).isEqualTo("ORGANIZATION");
        assertThat(entity.audience()).isEqualTo(Audience.MEMBERS);
        assertThat(entity.changesetId()).isNull();
        assertThat(entity.start()).isEqualTo(-1);
    }

    @Test
    void an_event_carries_its_dates_and_the_names_of_its_place_and_actors() {
        UUID hama = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Hama")
                .withAliases(List.of(new Alias("حماة", "ar"))));
        UUID army = approvedEntity(EntityPayload.of(EntityKind.MILITARY_UNIT, "Syrian Arab Army"));
        UUID battle = approvedEvent(EventPayload.of("Fall of Hama", PartialDate.parse("2024-12-05"), battles)
                .withEnd(PartialDate.parse("2024-12-08")).withPlace(hama)
                .withActors(List.of(new EventActor(army, ActorRole.TARGET)))
                .withNotes("The city fell after a week of fighting.", List.of("offensive", "hama")));
        UUID month = approvedEvent(EventPayload.of("Northern offensive", PartialDate.parse("December 2024"), battles));

        SearchDocument event = only(DocumentGroup.Type.EVENT, battle);

        assertThat(event.key()).isEqualTo("event:" + battle);
        assertThat(event.record()).isEqualTo(new RecordRef(EventRecordType.KIND, battle));
        assertThat(event.title()).isEqualTo("Fall of Hama");
        assertThat(event.names()).containsExactly("Hama", "حماة", "Syrian Arab Army");
        assertThat(event.text()).contains("Fall of Hama", "The city fell after a week of fighting.", "offensive",
                "Hama", "حماة", "Syrian Arab Army", "5 December 2024", "8 December 2024", battlesName);
        assertThat(event.from()).isEqualTo(LocalDate.of(2024, 12, 5));
        assertThat(event.to()).isEqualTo(LocalDate.of(2024, 12, 8));
        assertThat(event.subtype()).isEqualTo(battlesName);
        assertThat(event.audience()).isEqualTo(Audience.MEMBERS);
        SearchDocument monthLong = only(DocumentGroup.Type.EVENT, month);
        assertThat(monthLong.from()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(monthLong.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(monthLong.text()).contains("December 2024");

        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, hama)))
                .contains(group(DocumentGroup.Type.EVENT, battle));
        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, army)))
                .contains(group(DocumentGroup.Type.EVENT, battle));
    }

    @Test
    void an_annotation_is_its_quote_found_by_the_name_of_what_it_links_to() {
        UUID source = reportWithSections();
        UUID hama = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Hama")
                .withAliases(List.of(new Alias("حماة", "ar"))));
        UUID battle = approvedEvent(EventPayload.of("Fall of Hama", PartialDate.parse("2024-12-05"), battles));
        UUID place = approvedAnnotation(source, "Hama", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, hama));
        UUID mention = approvedAnnotation(source, "Opposition forces entered Hama",
                AnnotationType.EVENT_MENTION, new LinkChoice.Existing(EventRecordType.KIND, battle));
        UUID date = approvedAnnotation(source, "الخامس من كانون الأول", AnnotationType.DATE,
                new LinkChoice.None());

        SearchDocument placed = only(DocumentGroup.Type.ANNOTATION, place);
        assertThat(placed.key()).isEqualTo("annotation:" + place);
        assertThat(placed.kind()).isEqualTo(SearchKind.ANNOTATION);
        assertThat(placed.record()).isEqualTo(new RecordRef(AnnotationRecordType.KIND, place));
        assertThat(placed.text()).isEqualTo("Hama");
        assertThat(placed.title()).isEqualTo("Hama");
        assertThat(placed.names()).containsExactly("Hama", "حماة");
        assertThat(placed.subtype()).isEqualTo("ENTITY_MENTION");
        assertThat(placed.sourceId()).isEqualTo(source);
        assertThat(placed.start()).isEqualTo(offsetInText(source, OFFENSIVE) + OFFENSIVE.indexOf("Hama"));
        assertThat(placed.end()).isEqualTo(placed.start() + 4);
        assertThat(placed.audience()).isEqualTo(Audience.MEMBERS);

        SearchDocument evidence = only(DocumentGroup.Type.ANNOTATION, mention);
        assertThat(evidence.title()).isEqualTo("Fall of Hama");
        assertThat(evidence.names()).containsExactly("Fall of Hama");
        assertThat(evidence.subtype()).isEqualTo("EVENT_MENTION");

        SearchDocument dated = only(DocumentGroup.Type.ANNOTATION, date);
        assertThat(dated.title()).isEqualTo(AnnotationType.DATE.displayName());
        assertThat(dated.names()).isEmpty();
        assertThat(dated.text()).isEqualTo("الخامس من كانون الأول");
        assertThat(dated.start()).isEqualTo(offsetInText(source, "الخامس"));

        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, hama)))
                .contains(group(DocumentGroup.Type.ANNOTATION, place))
                .doesNotContain(group(DocumentGroup.Type.ANNOTATION, mention));
        assertThat(documents.dependents(group(DocumentGroup.Type.EVENT, battle)))
                .containsExactly(group(DocumentGroup.Type.ANNOTATION, mention));
    }

    @Test
    void a_merged_entity_has_no_document_and_its_names_find_the_survivor() {
        UUID source = reportWithSections();
        UUID jolani = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Abu Mohammad al-Jolani")
                .withAliases(List.of(new Alias("أبو محمد الجولاني", "ar"))));
        UUID sharaa = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Ahmed al-Sharaa"));
        UUID mention = approvedAnnotation(source, "Opposition forces", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, jolani));

        var merge = as(editor, () -> entities.proposeMerge(project, jolani, sharaa, "Same person", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));

        assertThat(load(DocumentGroup.Type.ENTITY, jolani)).isEmpty();
        SearchDocument survivor = only(DocumentGroup.Type.ENTITY, sharaa);
        assertThat(survivor.title()).isEqualTo("Ahmed al-Sharaa");
        assertThat(survivor.names()).containsExactly("Ahmed al-Sharaa", "Abu Mohammad al-Jolani", "أبو محمد الجولاني");
        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, jolani)))
                .contains(group(DocumentGroup.Type.ENTITY, sharaa));
        SearchDocument relinked = only(DocumentGroup.Type.ANNOTATION, mention);
        assertThat(relinked.title()).isEqualTo("Ahmed al-Sharaa");
        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, sharaa)))
                .contains(group(DocumentGroup.Type.ANNOTATION, mention));
    }

    @Test
    void comments_are_for_every_member_and_go_with_their_record() {
        UUID entity = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Hassan Abdul Ghani"));
        UUID comment = as(viewer, () -> discussion.comment(project, new RecordRef(EntityRecordType.KIND, entity),
                "Is this the army's spokesman or the opposition's?"));

        SearchDocument found = only(DocumentGroup.Type.COMMENT, comment);
        assertThat(found.key()).isEqualTo("comment:" + comment);
        assertThat(found.kind()).isEqualTo(SearchKind.COMMENT);
        assertThat(found.text()).isEqualTo("Is this the army's spokesman or the opposition's?");
        assertThat(found.title()).isEqualTo("Comment on Person: Hassan Abdul Ghani");
        assertThat(found.record()).isEqualTo(new RecordRef(EntityRecordType.KIND, entity));
        assertThat(found.audience()).isEqualTo(Audience.MEMBERS);
        assertThat(found.projectId()).isEqualTo(project);
        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, entity)))
                .contains(group(DocumentGroup.Type.COMMENT, comment));

        long version = as(viewer, () -> entities.get(project, entity)).version();
        var deletion = as(editor, () -> entities.proposeDelete(project, entity, version, "Not relevant", true));
        as(reviewer, () -> review.approve(deletion.changesetId(), null));

        assertThat(load(DocumentGroup.Type.ENTITY, entity)).isEmpty();
        assertThat(load(DocumentGroup.Type.COMMENT, comment)).as("a thread without its record is shown nowhere")
                .isEmpty();
        assertThat(documents.dependents(group(DocumentGroup.Type.ENTITY, entity)))
                .as("found through the record's revisions once the record is gone")
                .contains(group(DocumentGroup.Type.COMMENT, comment));
    }

    @Test
    void proposals_are_found_by_their_author_while_drafts_and_by_editors_once_submitted_until_decided() {
        UUID source = reportWithSections();
        int army = offsetInText(source, "army");
        UUID draft = as(editor, () -> annotations.annotate(project, source, army, army + 4, "army",
                AnnotationType.ENTITY_MENTION, new LinkChoice.NewEntity(EntityPayload.of(EntityKind.MILITARY_UNIT,
                        "Syrian Arab Army").withAliases(List.of(new Alias("الجيش العربي السوري", "ar")))))).changesetId();
        List<SearchDocument> drafted = load(DocumentGroup.Type.CHANGESET, draft);
        assertThat(drafted).hasSize(2).allSatisfy(d -> {
            assertThat(d.audience()).isEqualTo(Audience.OWNER);
            assertThat(d.ownerId()).isEqualTo(editor.userId());
            assertThat(d.changesetId()).isEqualTo(draft);
            assertThat(d.key()).startsWith("proposal:");
            assertThat(d.group()).isEqualTo(group(DocumentGroup.Type.CHANGESET, draft));
        });
        SearchDocument newEntity = drafted.stream().filter(d -> d.kind() == SearchKind.ENTITY).findFirst().orElseThrow();
        assertThat(newEntity.names()).containsExactly("Syrian Arab Army", "الجيش العربي السوري");
        assertThat(newEntity.subtype()).isEqualTo("MILITARY_UNIT");
        SearchDocument mark = drafted.stream().filter(d -> d.kind() == SearchKind.ANNOTATION).findFirst().orElseThrow();
        assertThat(mark.text()).isEqualTo("army");
        assertThat(mark.title()).as("named by the entity proposed beside it").isEqualTo("Syrian Arab Army");
        assertThat(mark.record().kind()).isEqualTo(AnnotationRecordType.KIND);
        assertThat(mark.start()).isEqualTo(army);
        assertThat(mark.sourceId()).isEqualTo(source);
        assertThat(load(DocumentGroup.Type.ENTITY, newEntity.record().id())).as("not vetted yet").isEmpty();

        UUID place = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID submitted = as(editor, () -> changesets.propose(project, "Hama falls", List.of(
                ProposedOperation.create(EntityRecordType.KIND, place, EntityPayload.of(EntityKind.PLACE, "Hama")),
                ProposedOperation.create(EventRecordType.KIND, event, EventPayload.of("Fall of Hama",
                        PartialDate.parse("2024-12-05"), battles).withPlace(place))), true));
        List<SearchDocument> proposed = load(DocumentGroup.Type.CHANGESET, submitted);
        assertThat(proposed).extracting(SearchDocument::kind).containsExactly(SearchKind.ENTITY, SearchKind.EVENT);
        assertThat(proposed).allSatisfy(d -> {
            assertThat(d.audience()).isEqualTo(Audience.EDITORS);
            assertThat(d.ownerId()).isNull();
            assertThat(d.changesetId()).isEqualTo(submitted);
        });
        SearchDocument proposedEvent = proposed.getLast();
        assertThat(proposedEvent.record()).isEqualTo(new RecordRef(EventRecordType.KIND, event));
        assertThat(proposedEvent.names()).containsExactly("Hama");
        assertThat(proposedEvent.from()).isEqualTo(LocalDate.of(2024, 12, 5));
        assertThat(proposed).extracting(SearchDocument::key).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(drafted.stream().map(SearchDocument::key).toList());

        as(reviewer, () -> review.requestChanges(submitted, "Which source says so?"));
        assertThat(load(DocumentGroup.Type.CHANGESET, submitted)).hasSize(2)
                .allSatisfy(d -> assertThat(d.audience()).isEqualTo(Audience.EDITORS));

        as(editor, () -> changesets.withdraw(submitted));
        assertThat(load(DocumentGroup.Type.CHANGESET, submitted)).as("withdrawn").isEmpty();

        as(editor, () -> annotations.submitDraft(project, draft, "Mark the army"));
        assertThat(load(DocumentGroup.Type.CHANGESET, draft)).hasSize(2)
                .allSatisfy(d -> assertThat(d.audience()).isEqualTo(Audience.EDITORS));
        as(reviewer, () -> review.approve(draft, null));
        assertThat(load(DocumentGroup.Type.CHANGESET, draft)).as("approved: the vetted records speak for it").isEmpty();
        assertThat(load(DocumentGroup.Type.ENTITY, newEntity.record().id())).hasSize(1);
    }

    @Test
    void a_deleted_event_has_no_document() {
        UUID event = approvedEvent(EventPayload.of("Ceasefire talks", PartialDate.parse("2024-12-10"), battles));
        assertThat(load(DocumentGroup.Type.EVENT, event)).hasSize(1);
        long version = as(viewer, () -> events.get(project, event)).version();
        var deletion = as(editor, () -> events.proposeDelete(project, event, version, "Duplicate entry", true));
        as(reviewer, () -> review.approve(deletion.changesetId(), null));

        assertThat(load(DocumentGroup.Type.EVENT, event)).isEmpty();
        assertThat(load(DocumentGroup.Type.PROJECT, project)).isEmpty();
    }

    @Test
    void the_walk_lists_every_searchable_group_once_and_loads_them_as_one_by_one() {
        UUID source = reportWithSections();
        UUID jolani = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Abu Mohammad al-Jolani"));
        UUID sharaa = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Ahmed al-Sharaa"));
        UUID event = approvedEvent(EventPayload.of("Fall of Hama", PartialDate.parse("2024-12-05"), battles));
        UUID annotation = approvedAnnotation(source, "Hama", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, event));
        UUID comment = as(viewer, () -> discussion.comment(project, new RecordRef(EventRecordType.KIND, event),
                "Confirmed by two sources."));
        var merge = as(editor, () -> entities.proposeMerge(project, jolani, sharaa, "Same person", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        UUID pending = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Idlib"),
                "Add Idlib", true)).changesetId();
        UUID withdrawn = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Homs"),
                "Add Homs", true)).changesetId();
        as(editor, () -> changesets.withdraw(withdrawn));

        var seen = new ArrayList<DocumentGroup>();
        documents.forEachGroup(seen::add);
        var inBatchesOfTwo = new ArrayList<DocumentGroup>();
        documents.forEachGroup(2, batch -> {
            assertThat(batch).hasSizeBetween(1, 2);
            assertThat(batch).extracting(DocumentGroup::type).containsOnly(batch.getFirst().type());
            inBatchesOfTwo.addAll(batch);
        });

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inBatchesOfTwo);
        assertThat(seen).contains(group(DocumentGroup.Type.SOURCE, source), group(DocumentGroup.Type.ENTITY, sharaa),
                group(DocumentGroup.Type.EVENT, event), group(DocumentGroup.Type.ANNOTATION, annotation),
                group(DocumentGroup.Type.COMMENT, comment), group(DocumentGroup.Type.CHANGESET, pending));
        assertThat(seen).doesNotContain(group(DocumentGroup.Type.ENTITY, jolani),
                group(DocumentGroup.Type.CHANGESET, withdrawn), group(DocumentGroup.Type.CHANGESET, merge.changesetId()));

        List<DocumentGroup> mine = seen.stream().filter(g -> load(g.type(), g.id()).stream()
                .anyMatch(d -> d.projectId().equals(project))).toList();
        Map<DocumentGroup, List<SearchDocument>> together = documents.loadAll(mine);
        assertThat(together.keySet()).containsExactlyElementsOf(mine);
        Map<DocumentGroup, List<SearchDocument>> oneByOne = new HashMap<>();
        mine.forEach(g -> oneByOne.put(g, documents.load(g)));
        assertThat(together).isEqualTo(oneByOne);
        assertThat(together.get(group(DocumentGroup.Type.SOURCE, source))).hasSize(7);
    }
}
